/**
 * The HTTPS listener's certificate: a throw-away CA and a server certificate it signs for
 * `localhost`, `127.0.0.1` and `::1`. Clients trust the CA through a PEM file the emulator writes
 * (`NODE_EXTRA_CA_CERTS`, `SSL_CERT_FILE`, `curl --cacert`). Some clients refuse plain-http token
 * URLs (MongoDB's OAuth clients, docs/vendors/atlas.md), hence HTTPS at all.
 *
 * Node 20 can make keys but not certificates, so node-forge (no dependencies) writes the
 * certificate structure; the keys are made and the signatures computed by node:crypto, which is
 * fast where forge's JavaScript RSA is not. One set is made per process and shared.
 */
import { constants, generateKeyPair, type KeyObject, privateEncrypt, randomBytes } from "node:crypto";
import { promisify } from "node:util";

export interface TlsMaterial {
  /** The CA certificate (PEM) clients must trust. Public. */
  readonly caCert: string;
  /** The server certificate (PEM) for localhost, 127.0.0.1 and ::1. */
  readonly cert: string;
  /** The server's private key (PEM). Never leaves the process. */
  readonly key: string;
}

const generate = promisify(generateKeyPair);
/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2), which PKCS#1 v1.5 signs. */
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");
const DAY = 86_400_000;

let material: Promise<TlsMaterial> | undefined;

/** The process's certificate set, made on first use (about half a second). */
export function tlsMaterial(): Promise<TlsMaterial> {
  material ??= makeMaterial().catch((error: unknown) => {
    material = undefined;
    throw error;
  });
  return material;
}

async function makeMaterial(): Promise<TlsMaterial> {
  const { default: forge } = await import("node-forge");
  const { pki } = forge;
  const [ca, server] = await Promise.all([
    generate("rsa", { modulusLength: 2048 }),
    generate("rsa", { modulusLength: 2048 }),
  ]);
  const forgePublic = (key: KeyObject) =>
    pki.publicKeyFromPem(key.export({ type: "spki", format: "pem" }).toString());
  // forge calls `sign(md)` on the key it is given; this one signs with node:crypto instead.
  const signer = (key: KeyObject) =>
    ({
      sign: (md: { digest(): { getBytes(): string } }) =>
        privateEncrypt(
          { key, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), "binary")]),
        ).toString("binary"),
    }) as unknown as Parameters<ReturnType<typeof pki.createCertificate>["sign"]>[0];
  const issuer = [
    { name: "commonName", value: "dbusers emulator local CA" },
    { name: "organizationName", value: "dbusers emulator" },
  ];
  const certificate = (publicKey: KeyObject, subject: typeof issuer, extensions: object[]): string => {
    const cert = pki.createCertificate();
    cert.publicKey = forgePublic(publicKey);
    // A positive serial: the high bit of the first byte clear.
    cert.serialNumber = `0${randomBytes(15).toString("hex")}`;
    cert.validity.notBefore = new Date(Date.now() - DAY);
    cert.validity.notAfter = new Date(Date.now() + 365 * DAY);
    cert.setSubject(subject);
    cert.setIssuer(issuer);
    cert.setExtensions(extensions);
    cert.sign(signer(ca.privateKey), forge.md.sha256.create());
    return pki.certificateToPem(cert);
  };
  const caCert = certificate(ca.publicKey, issuer, [
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  const cert = certificate(
    server.publicKey,
    [{ name: "commonName", value: "localhost" }],
    [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  );
  const key = server.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { caCert, cert, key };
}
