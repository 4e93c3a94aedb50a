/** Named fast-check arbitraries for the Atlas provider, built once. */

import type { AtlasAuthType } from "../../src/providers/atlas/index.js";
import { fc } from "../support/fc.js";

const chars = (s: string) => fc.constantFrom(...s);
const str = (unit: fc.Arbitrary<string>, minLength: number, maxLength: number) =>
  fc.string({ unit, minLength, maxLength });

export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const LOWER = "abcdefghijklmnopqrstuvwxyz";
export const DIGITS = "0123456789";
export const ALNUM = UPPER + LOWER + DIGITS;
const PRINTABLE = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join("");

export const alnumChar = chars(ALNUM);
/** Printable ASCII that is not a letter or digit: what strict SCRAM names and passwords refuse. */
export const nonAlnumChar = chars([...PRINTABLE].filter((c) => !ALNUM.includes(c)).join(""));
/** Printable ASCII outside strict SCRAM user names (letters, digits and the hyphen MongoDB's tools use). */
export const nonScramChar = chars([...PRINTABLE].filter((c) => !`${ALNUM}-`.includes(c)).join(""));
/** Printable ASCII outside strict passwords (letters, digits, base64's + / = and the - ! of MongoDB's tests). */
export const nonPasswordChar = chars([...PRINTABLE].filter((c) => !`${ALNUM}+/=!-`.includes(c)).join(""));
export const lowerHex = chars("0123456789abcdef");
export const anyHex = chars("0123456789abcdefABCDEF");

/** SCRAM names both profiles accept (the strict set: ASCII letters and digits). */
export const scramStrictName = str(alnumChar, 1, 64);
/** SCRAM names the server accepts: anything non-empty up to 1024 code points (no lone surrogates). */
export const scramServerName = str(fc.constantFrom("a", "-", "_", "é", "😀", " ", "@", "/"), 1, 40);
export const anyText = fc.string({ unit: "binary", minLength: 0, maxLength: 40 });

export const groupIdStrict = str(lowerHex, 24, 24);
export const groupIdServer = str(anyHex, 24, 24);
export const idpId = str(lowerHex, 24, 24);

/**
 * Whether a name has a `.` or `..` element between slashes, as it is or after percent-decoding
 * (the clients refuse such a path segment; strict's dotElement rule refuses the name).
 */
export function hasDotElement(name: string): boolean {
  let text = name;
  for (let round = 0; round < 5; round++) {
    if (text.split(/[/\\]/).some((part) => part === "." || part === "..")) return true;
    const next = text.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === text) return false;
    text = next;
  }
  return false;
}

// ---- AWS IAM ARNs (AWS IAM API reference: Path, UserName/RoleName) ----
export const iamName = str(chars(`${ALNUM}_+=,.@-`), 1, 64);
export const iamPath = fc.oneof(
  fc.constant("/"),
  str(chars([...PRINTABLE].filter((c) => c !== " ").join("")), 1, 30).map((s) => `/${s}/`),
);
export const partition = fc.constantFrom("aws", "aws-cn", "aws-us-gov");
export const account = str(chars(DIGITS), 12, 12);
export const iamArn = (resource: "user" | "role") =>
  fc
    .tuple(partition, account, iamPath, iamName)
    .map(([p, a, path, name]) => `arn:${p}:iam::${a}:${resource}${path}${name}`)
    .filter((arn) => !hasDotElement(arn));

// ---- Distinguished names (RFC 2253 strict; the lenient server grammar) ----
const alpha = chars(UPPER + LOWER);
const keyAlpha = fc.tuple(alpha, str(chars(`${ALNUM}-`), 0, 5)).map(([a, b]) => a + b);
const oid = fc
  .array(fc.integer({ min: 0, max: 99999 }), { minLength: 1, maxLength: 4 })
  .map((a) => a.join("."));
export const dnKey = fc.oneof(fc.constantFrom("CN", "OU", "DC", "O", "C", "L", "ST", "UID"), keyAlpha, oid);
const hexPair = str(anyHex, 2, 2);
const safeChar = fc.oneof(
  chars("abcXYZ019 @._-/:'()*!~"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => !',=+<>#;\\"'.includes(c)),
);
const pairUnit = fc.oneof(
  chars(',=+<>#;\\" ').map((c) => `\\${c}`),
  hexPair.map((h) => `\\${h}`),
);
const plainStrict = fc.array(fc.oneof(safeChar, safeChar, pairUnit), { maxLength: 8 }).map((units) => {
  const out = [...units];
  // RFC 2253 §2.4: a space at either end of a value is escaped.
  if (out[0] === " ") out[0] = "\\ ";
  if (out.length > 1 && out[out.length - 1] === " ") out[out.length - 1] = "\\ ";
  return out.join("");
});
const quotedStrict = fc
  .array(fc.oneof(safeChar, chars(",=+<>#;"), pairUnit), { maxLength: 6 })
  .map((u) => `"${u.join("")}"`);
const hexValue = fc.array(hexPair, { minLength: 1, maxLength: 4 }).map((a) => `#${a.join("")}`);
export const strictValue = fc.oneof({ weight: 4, arbitrary: plainStrict }, quotedStrict, hexValue);
const ava = fc.tuple(dnKey, strictValue).map(([k, v]) => `${k}=${v}`);
const sep = fc.constantFrom(",", ",", "+");

function joinAvas(avas: string[], seps: string[]): string {
  return avas.map((a, i) => (i === 0 ? a : `${seps[i % seps.length]}${a}`)).join("");
}

export const strictDn = fc
  .tuple(fc.array(ava, { minLength: 1, maxLength: 5 }), fc.array(sep, { minLength: 1, maxLength: 5 }))
  .map(([a, s]) => joinAvas(a, s));

const isCn = (k: string) => ["cn", "commonname", "2.5.4.3"].includes(k.toLowerCase());
const avaNoCn = fc
  .tuple(
    dnKey.filter((k) => !isCn(k)),
    strictValue,
  )
  .map(([k, v]) => `${k}=${v}`);
/** Strict DNs without a CN attribute (refused for X.509 CUSTOMER in strict). */
export const strictDnWithoutCn = fc
  .tuple(fc.array(avaNoCn, { minLength: 1, maxLength: 4 }), fc.array(sep, { minLength: 1, maxLength: 4 }))
  .map(([a, s]) => joinAvas(a, s));
/** Strict DNs with a CN attribute somewhere. */
export const strictDnWithCn = fc
  .tuple(strictDnWithoutCn, plainStrict, fc.boolean(), fc.constantFrom("CN", "cn", "2.5.4.3", "commonName"))
  .map(([dn, v, first, key]) => (first ? `${key}=${v},${dn}` : `${dn}+${key}=${v}`));

const spaces = fc.constantFrom("", "", " ", "  ");
const lenientOnlyValue = fc
  .tuple(str(chars("abc"), 1, 3), str(chars('=<>#"'), 1, 2), str(chars("xyz"), 0, 3))
  .map(([a, b, c]) => a + b + c);
const lenientAva = fc
  .tuple(spaces, dnKey, spaces, spaces, fc.oneof(strictValue, lenientOnlyValue, fc.constant("")), spaces)
  .map(([s1, k, s2, s3, v, s4]) => `${s1}${k}${s2}=${s3}${v}${s4}`);
/** DNs the server grammar takes, most of them not strict RFC 2253 (spaces, `;`, raw `=` in values). */
export const lenientDn = fc
  .tuple(
    fc.array(lenientAva, { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(",", ";", "+"), { minLength: 1, maxLength: 4 }),
  )
  .map(([a, s]) => joinAvas(a, s));

/** Strings made of DN-ish characters: good at finding disagreements between scanner and regex. */
export const dnNoise = str(chars('CNOU=,;+"#\\ a1.-é\u00a0AFGfgZz09:/@[`{<>'), 0, 24);

/** A valid OIDC username: IdP id, '/', IdP group or user name. */
export const oidcName = fc
  .tuple(idpId, fc.string({ unit: "binary", minLength: 1, maxLength: 20 }))
  .map(([id, n]) => `${id}/${n}`)
  .filter((name) => !hasDotElement(name));

/** A valid username for each auth type in the strict profile (so also in the server profile). */
export const validUserName: Record<AtlasAuthType, fc.Arbitrary<string>> = {
  SCRAM: scramStrictName,
  AWS_IAM_USER: iamArn("user"),
  AWS_IAM_ROLE: iamArn("role"),
  X509_MANAGED: strictDn.filter((dn) => !hasDotElement(dn)),
  X509_CUSTOMER: strictDnWithCn.filter((dn) => !hasDotElement(dn)),
  LDAP_USER: strictDn.filter((dn) => !hasDotElement(dn)),
  LDAP_GROUP: strictDn.filter((dn) => !hasDotElement(dn)),
  OIDC_WORKFORCE: oidcName,
  OIDC_WORKLOAD: oidcName,
};

export const authType = fc.constantFrom<AtlasAuthType>(
  "SCRAM",
  "AWS_IAM_USER",
  "AWS_IAM_ROLE",
  "X509_MANAGED",
  "X509_CUSTOMER",
  "LDAP_USER",
  "LDAP_GROUP",
  "OIDC_WORKFORCE",
  "OIDC_WORKLOAD",
);
export const profile = fc.constantFrom<"strict" | "server">("strict", "server");

export const validPassword = str(alnumChar, 8, 64);
/** Passwords the server takes but strict refuses (a symbol somewhere). */
export const symbolPassword = fc
  .tuple(str(alnumChar, 4, 20), nonPasswordChar, str(alnumChar, 4, 20))
  .map(([a, b, c]) => a + b + c);

export const bmpText = (min: number, max: number) =>
  fc.string({ unit: "grapheme-composite", minLength: min, maxLength: max }).filter((s) => s.length <= max);
export const customRoleName = fc.tuple(alnumChar, str(chars(`${ALNUM}_-`), 0, 20)).map(([a, b]) => a + b);
export const builtInRole = fc.constantFrom(
  "atlasAdmin",
  "backup",
  "clusterMonitor",
  "dbAdmin",
  "dbAdminAnyDatabase",
  "enableSharding",
  "read",
  "readAnyDatabase",
  "readWrite",
  "readWriteAnyDatabase",
);
export const dbName = str(chars(`${ALNUM}_-`), 1, 30);
export const collection = str(chars(`${ALNUM}_-.`), 1, 30).filter((c) => !c.startsWith("system."));
export const scopeName = fc.tuple(alnumChar, str(chars(`${ALNUM}-`), 0, 30)).map(([a, b]) => a + b);

/** Any string of mixed origin, for the strict ⊆ server properties. */
export const mixedString = fc.oneof(
  anyText,
  scramServerName,
  strictDn,
  lenientDn,
  dnNoise,
  iamArn("user"),
  iamArn("role"),
  oidcName,
  symbolPassword,
  groupIdServer,
);
