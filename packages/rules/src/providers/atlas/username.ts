/**
 * `username`: one field whose format depends on the auth type (SPEC `username` table). Only what
 * the server is known to refuse is "both"; the documented formats the server was not seen to
 * enforce are "strict" (see the notes for each type).
 */
import { matches, maxChars, minChars } from "../../checks.js";
import type { FieldSpec, Rule } from "../../types.js";
import { type IamResource, iamArnProblem } from "./arn.js";
import type { AtlasAuthType, AtlasContext } from "./context.js";
import { dnHasCommonName, isRfc2253, scanLenientDn } from "./dn.js";
import { maxUtf16Units } from "./factories.js";

export const USERNAME_MAX = 1024;

const DOT_ELEMENT = /(?:^|[/\\])\.\.?(?:$|[/\\])/;

/**
 * Whether a `.` or `..` stands between slashes or backslashes (or at an end), as written or after
 * up to four rounds of percent-decoding: the same test the clients apply to a path segment.
 */
function hasDotElement(name: string): boolean {
  let text = name;
  for (let round = 0; round <= 4; round++) {
    if (DOT_ELEMENT.test(text)) return true;
    if (!/%[0-9a-f]{2}/i.test(text)) return false;
    try {
      text = decodeURIComponent(text);
    } catch {
      return false;
    }
  }
  return false;
}

const is =
  (...types: AtlasAuthType[]) =>
  (ctx: AtlasContext) =>
    types.includes(ctx.authType);

const SERVER_DN_TYPES = ["X509_CUSTOMER", "LDAP_USER", "LDAP_GROUP"] as const;
// Not X509_MANAGED: MongoDB's Terraform acceptance tests create those users with plain names
// (docs/vendors/atlas.md §7, §8 item 6).
const STRICT_DN_TYPES = ["X509_CUSTOMER", "LDAP_USER", "LDAP_GROUP"] as const;

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
    profile: "strict",
    when: is(authType),
    check: (v) => {
      const problem = iamArnProblem(v, resource);
      return problem === undefined ? undefined : { problem, expected };
    },
    message: (p, f) =>
      `${f.label} ${problems[p.problem as string] ?? problems.prefix}, as ${f.vendor} documents it`,
  };
}

const rules: Rule<AtlasContext>[] = [
  minChars({
    id: "atlas.username.minLength",
    min: 1,
  }),
  maxChars({
    id: "atlas.username.maxLength",
    max: USERNAME_MAX,
  }),
  maxUtf16Units({
    id: "atlas.username.maxUtf16Units",
    max: USERNAME_MAX,
    profile: "strict",
  }),
  matches({
    id: "atlas.username.alphanumeric",
    profile: "strict",
    when: is("SCRAM"),
    // Documented "Alphanumeric string", plus the hyphen MongoDB's own CLI and Terraform tests create
    // users with (docs/vendors/atlas.md §7, §8 item 1).
    pattern: "^[A-Za-z0-9-]*$",
    message: (_p, f) =>
      `${f.label} has a character other than A–Z, a–z, 0–9 and -; ${f.vendor} documents SCRAM user names as alphanumeric and its own tools add only hyphens`,
  }),
  {
    // The clients send the name as one path segment and refuse one with a dot element: Atlas
    // decodes the segment once, and a `/../` in the decoded path could address another resource
    // (docs/vendors/atlas.md §5). Such a user could be created but never read, changed or deleted.
    id: "atlas.username.dotElement",
    profile: "strict",
    check: (v) => (hasDotElement(v) ? {} : undefined),
    message: (_p, f) =>
      `${f.label} has a "." or ".." element between slashes; ${f.vendor} would take it for a path step, so the user could be created but never read, changed or deleted`,
  },
  iamArn("user", "AWS_IAM_USER"),
  iamArn("role", "AWS_IAM_ROLE"),
  {
    id: "atlas.username.distinguishedName",
    profile: "both",
    when: is(...SERVER_DN_TYPES),
    check: (v) => (scanLenientDn(v) ? undefined : {}),
    message: (_p, f) =>
      `${f.label} is not a distinguished name such as CN=Dylan Bloggs,OU=Enterprise,DC=Example,DC=COM; ${f.vendor} refuses it`,
  },
  {
    id: "atlas.username.rfc2253",
    profile: "strict",
    when: is(...STRICT_DN_TYPES),
    check: (v) => (isRfc2253(v) ? undefined : {}),
    message: (_p, f) =>
      `${f.label} is not an RFC 2253 distinguished name as ${f.vendor} documents it (e.g. CN=ellen@example.com,OU=users,DC=example,DC=com)`,
  },
  {
    id: "atlas.username.commonName",
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
    message: (_p, f) =>
      `${f.label} must be <24 lower-case hex IdP id>/<name> for OIDC users on ${f.vendor} (e.g. 5dd7496c7a3e5a648454341c/sales)`,
  }),
];

export const username: FieldSpec<AtlasContext> = { name: "username", label: "user name", rules };
