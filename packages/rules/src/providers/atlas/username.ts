/**
 * `username`: one field whose format depends on the auth type (SPEC `username` table). Only what
 * the server is known to refuse is "both"; the documented formats the server was not seen to
 * enforce are "strict" (see the notes for each type).
 */
import { matches, maxChars, minChars } from "../../checks.js";
import { asciiFold, replaceDisallowed, truncateCodePoints } from "../../engine/suggest.js";
import type { FieldSpec, Rule } from "../../types.js";
import { type IamResource, iamArnPattern, iamArnProblem } from "./arn.js";
import type { AtlasAuthType, AtlasContext } from "./context.js";
import {
  dnHasCommonName,
  isRfc2253,
  LENIENT_DN_PATTERN,
  RFC2253_PATTERN,
  scanLenientDn,
  toStrictDn,
} from "./dn.js";
import { maxUtf16Units } from "./factories.js";

export const USERNAME_MAX = 1024;

const SPEC_TABLE = "SPEC CloudDatabaseUser.username (format table by auth type)";
const is =
  (...types: AtlasAuthType[]) =>
  (ctx: AtlasContext) =>
    types.includes(ctx.authType);

const SERVER_DN_TYPES = ["X509_CUSTOMER", "LDAP_USER", "LDAP_GROUP"] as const;
const STRICT_DN_TYPES = ["X509_CUSTOMER", "X509_MANAGED", "LDAP_USER", "LDAP_GROUP"] as const;

function iamArn(resource: IamResource, authType: AtlasAuthType): Rule<AtlasContext> {
  const expected = `arn:aws|aws-cn|aws-us-gov:iam::<12-digit account>:${resource}/<path/><name>`;
  const problems: Record<string, string> = {
    prefix: `must be an IAM ${resource} ARN (${expected})`,
    resource: `is not an IAM ${resource} ARN: awsIAMType ${resource.toUpperCase()} needs …:${resource}/…`,
    path: "has an IAM path that is not / or /…/ of printable ASCII up to 512 characters",
    name: `ends in an IAM ${resource} name that is not 1–64 of letters, digits and _+=,.@-`,
  };
  return {
    id: `atlas.username.iam${resource === "user" ? "User" : "Role"}Arn`,
    description: `An IAM ${resource} ARN: ${expected}; path / or /…/ (≤512), name 1–64 of [A-Za-z0-9_+=,.@-].`,
    source: `${SPEC_TABLE}: ARN; AWS IAM API reference Create${resource === "user" ? "User" : "Role"} (Path, ${resource === "user" ? "UserName" : "RoleName"}); seed example arn:aws:iam::358363220050:user/mongodb-aws-iam-auth-test-user`,
    profile: "strict",
    when: is(authType),
    check: (v) => {
      const problem = iamArnProblem(v, resource);
      return problem === undefined ? undefined : { problem, expected };
    },
    message: (p, f) =>
      `${f.label} ${problems[p.problem as string] ?? problems.prefix}, as ${f.vendor} documents it`,
    jsonSchema: { pattern: iamArnPattern(resource) },
  };
}

const rules: Rule<AtlasContext>[] = [
  minChars({
    id: "atlas.username.minLength",
    min: 1,
    source: `${SPEC_TABLE}; inferred: an empty name cannot be put in the path …/databaseUsers/{databaseName}/{username} (the SDK refuses empty path values, atlas.md §5)`,
  }),
  maxChars({
    id: "atlas.username.maxLength",
    max: USERNAME_MAX,
    source: "SPEC CloudDatabaseUser.username maxLength 1024; AKO CRD MaxLength 1024 (atlas.md §7)",
  }),
  maxUtf16Units({
    id: "atlas.username.maxUtf16Units",
    max: USERNAME_MAX,
    profile: "strict",
    source:
      "SPEC maxLength 1024; inferred: Atlas is a Java service (X-Java-Method headers, atlas.md §2), whose String.length() counts UTF-16 units",
  }),
  matches({
    id: "atlas.username.alphanumeric",
    profile: "strict",
    when: is("SCRAM"),
    pattern: "^[A-Za-z0-9]*$",
    description: "SCRAM: only ASCII letters and digits, the 'Alphanumeric string' the SPEC documents.",
    source: `${SPEC_TABLE}: SCRAM-SHA 'Alphanumeric string'; the server also takes - and _ (user-332, test-acc-tf-…, atlas.md §8 item 1), so strict, the set both accept, is [A-Za-z0-9]`,
    message: (_p, f) =>
      `${f.label} has a character other than A–Z, a–z, 0–9; ${f.vendor} documents SCRAM user names as alphanumeric`,
  }),
  iamArn("user", "AWS_IAM_USER"),
  iamArn("role", "AWS_IAM_ROLE"),
  {
    id: "atlas.username.distinguishedName",
    description: "X.509 self-managed and LDAP: a distinguished name (type=value pairs joined by , ; or +).",
    source: `${SPEC_TABLE}: RFC 2253 Distinguished Name; DOCS api-errors: 'The distinguished name specified in the username field, %s, is not valid according to RFC 2253.'`,
    profile: "both",
    when: is(...SERVER_DN_TYPES),
    check: (v) => (scanLenientDn(v) ? undefined : {}),
    message: (_p, f) =>
      `${f.label} is not a distinguished name such as CN=Dylan Bloggs,OU=Enterprise,DC=Example,DC=COM; ${f.vendor} refuses it`,
    jsonSchema: { pattern: LENIENT_DN_PATTERN },
  },
  {
    id: "atlas.username.rfc2253",
    description:
      "X.509 and LDAP: an RFC 2253 DN exactly (, between RDNs, no spaces around separators, specials escaped).",
    source: `${SPEC_TABLE}: RFC 2253 Distinguished Name for x.509 CUSTOMER and MANAGED and LDAP USER and GROUP; RFC 2253 §2.4, §3 (with RFC 4514 errata)`,
    profile: "strict",
    when: is(...STRICT_DN_TYPES),
    check: (v) => (isRfc2253(v) ? undefined : {}),
    message: (_p, f) =>
      `${f.label} is not an RFC 2253 distinguished name as ${f.vendor} documents it (e.g. CN=ellen@example.com,OU=users,DC=example,DC=com)`,
    jsonSchema: { pattern: RFC2253_PATTERN },
  },
  {
    id: "atlas.username.commonName",
    description: "X.509 self-managed (CUSTOMER): the DN has a CN attribute.",
    source:
      "SPEC CloudDatabaseUser.x509Type: 'Users created with the CUSTOMER method require a Common Name (CN) in the username parameter'",
    profile: "strict",
    when: is("X509_CUSTOMER"),
    check: (v) => (dnHasCommonName(v) === false ? {} : undefined),
    message: (_p, f) =>
      `${f.label} has no CN attribute; ${f.vendor} requires a Common Name for self-managed X.509 users`,
  },
  matches({
    id: "atlas.username.oidcIdentity",
    profile: "strict",
    when: is("OIDC_WORKFORCE", "OIDC_WORKLOAD"),
    pattern: String.raw`^[a-f0-9]{24}/[\s\S]+$`,
    description: "OIDC: the 24-hex IdP id, '/', then the IdP group or user name.",
    source: `${SPEC_TABLE}: 'Atlas OIDC IdP ID …, followed by a '/', followed by the IdP group/user name'; SPEC example 5dd7496c7a3e5a648454341c/sales; atlas.md §5 (d0123456789abcdef012345d/user-332 created)`,
    message: (_p, f) =>
      `${f.label} must be <24 lower-case hex IdP id>/<name> for OIDC users on ${f.vendor} (e.g. 5dd7496c7a3e5a648454341c/sales)`,
  }),
];

const NOTES: Readonly<Record<AtlasAuthType, readonly string[]>> = {
  SCRAM: [
    "Server profile: only the length; real servers accept -, _ and mixed case (atlas.md §8 item 1).",
    "Unconfirmed: a SCRAM name with @ may be checked as an e-mail address (atlas.md §8 item 1).",
  ],
  AWS_IAM_USER: ["The server's own ARN check is not published: the ARN format is a strict-profile rule."],
  AWS_IAM_ROLE: ["The server's own ARN check is not published: the ARN format is a strict-profile rule."],
  X509_MANAGED: [
    "SPEC says RFC 2253 DN, but the server takes plain names for MANAGED users (Terraform acceptance tests, atlas.md §8 item 6).",
  ],
  X509_CUSTOMER: ["The server also refuses DNs with 'illegal metacharacters'; which ones is not published."],
  LDAP_USER: ["The server also refuses DNs with 'illegal metacharacters'; which ones is not published."],
  LDAP_GROUP: ["The server also refuses DNs with 'illegal metacharacters'; which ones is not published."],
  OIDC_WORKFORCE: [
    "The server's own check of the IdP id is not published: the format is a strict-profile rule.",
  ],
  OIDC_WORKLOAD: [
    "The server's own check of the IdP id is not published: the format is a strict-profile rule.",
  ],
};

/** The closest valid username; only obvious fixes for the formats that carry an identity. */
export function suggestUsername(raw: string, ctx: AtlasContext): string | undefined {
  const strict = ctx.profile === "strict";
  const trimmed = raw.trim();
  switch (ctx.authType) {
    case "SCRAM": {
      // An empty result fails minLength, and the engine then throws NoValidNameError.
      const kept = strict ? replaceDisallowed(asciiFold(raw), /^[A-Za-z0-9]$/, "") : raw;
      return truncateCodePoints(kept, USERNAME_MAX);
    }
    case "X509_MANAGED":
      if (!strict) return truncateCodePoints(raw, USERNAME_MAX);
      return toStrictDn(scanLenientDn(trimmed) ? trimmed : raw);
    case "X509_CUSTOMER":
    case "LDAP_USER":
    case "LDAP_GROUP": {
      // Trimming can cut an escaped trailing space (`CN=a\ `): keep the raw value then.
      const dn = scanLenientDn(trimmed) ? trimmed : raw;
      return strict ? toStrictDn(dn) : dn;
    }
    case "OIDC_WORKFORCE":
    case "OIDC_WORKLOAD":
      // The IdP id is an ObjectId: the same id in lower case, as Atlas prints it.
      return /^[0-9a-fA-F]{24}\//.test(trimmed)
        ? trimmed.slice(0, 24).toLowerCase() + trimmed.slice(24)
        : trimmed;
    default:
      return trimmed;
  }
}

export const username: FieldSpec<AtlasContext> = {
  name: "username",
  label: "user name",
  rules,
  suggest: suggestUsername,
  notes: (ctx) => NOTES[ctx.authType],
};
