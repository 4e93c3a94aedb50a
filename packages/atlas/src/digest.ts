/**
 * HTTP Digest (RFC 7616) as Atlas uses it and as MongoDB's SDK answers it (docs/vendors/atlas.md
 * §6.1): MD5 or SHA-256, `qop=auth` (or none), `uri` = the path and query exactly as sent, a fresh
 * challenge per request (nc is always 00000001), `-sess` and `auth-int` refused. About 80 lines
 * over node:crypto instead of a 76 kB dependency (see the package README).
 */
import { createHash, randomBytes } from "node:crypto";

export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly algorithm: "MD5" | "SHA-256";
  readonly qop: "auth" | undefined;
  readonly opaque: string | undefined;
}

export interface DigestCredentials {
  readonly username: string;
  readonly password: string;
}

/** `name="quoted, value"` or `name=token` pairs after the scheme. */
const PARAM = /([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/gi;

/**
 * The first usable Digest challenge in a `WWW-Authenticate` value, or `undefined` when there is
 * none this client can answer (another scheme, an unknown algorithm, only `auth-int`).
 */
export function parseDigestChallenge(header: string | null): DigestChallenge | undefined {
  const at = header?.search(/(?:^|,\s*)digest\s/i) ?? -1;
  if (header === null || header === undefined || at < 0) return undefined;
  const params = new Map<string, string>();
  for (const match of header
    .slice(at)
    .replace(/^,?\s*digest\s/i, "")
    .matchAll(PARAM)) {
    const name = match[1]!.toLowerCase();
    if (params.has(name)) break; // the next challenge begins
    params.set(name, match[2] === undefined ? match[3]! : match[2].replace(/\\(.)/g, "$1"));
  }
  const realm = params.get("realm");
  const nonce = params.get("nonce");
  const algorithm = (params.get("algorithm") ?? "MD5").toUpperCase();
  if (realm === undefined || nonce === undefined) return undefined;
  if (algorithm !== "MD5" && algorithm !== "SHA-256") return undefined;
  const qops = params
    .get("qop")
    ?.split(",")
    .map((q) => q.trim().toLowerCase());
  if (qops !== undefined && !qops.includes("auth")) return undefined;
  return {
    realm,
    nonce,
    algorithm,
    qop: qops === undefined ? undefined : "auth",
    opaque: params.get("opaque"),
  };
}

const quote = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

/** The `Authorization` value answering `challenge` for one request (`uri`: path and query as sent). */
export function digestAuthorization(
  challenge: DigestChallenge,
  credentials: DigestCredentials,
  method: string,
  uri: string,
  cnonce = randomBytes(8).toString("hex"),
): string {
  const hash = (text: string) =>
    createHash(challenge.algorithm === "MD5" ? "md5" : "sha256")
      .update(text, "utf8")
      .digest("hex");
  const ha1 = hash(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  const ha2 = hash(`${method}:${uri}`);
  const nc = "00000001";
  const response =
    challenge.qop === undefined
      ? hash(`${ha1}:${challenge.nonce}:${ha2}`)
      : hash(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`);
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(uri)}`,
    `response=${quote(response)}`,
    `algorithm=${quote(challenge.algorithm)}`,
  ];
  if (challenge.qop !== undefined) parts.push("qop=auth", `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${parts.join(", ")}`;
}
