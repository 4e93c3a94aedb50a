/**
 * What each Atlas field rule means and where it comes from, keyed by rule id (read by `describeRules`
 * only). Abbreviations (SPEC, SEED, TF, CLI, AKO) are explained in sources.ts.
 */
import type { RuleDoc } from "../../types.js";
import * as src from "./sources.js";

export const atlasFieldRuleDocs: { readonly [ruleId: string]: RuleDoc } = {
  "atlas.username.minLength": {
    description: "Must not be empty.",
    source: `${src.SPEC_TABLE}; inferred: an empty name cannot be put in the path …/databaseUsers/{databaseName}/{username} (the SDK refuses empty path values, docs/vendors/atlas.md §5)`,
  },
  "atlas.username.maxLength": {
    description: "At most 1024 characters.",
    source: `${src.SPEC_USER}.username maxLength 1024; AKO CRD MaxLength 1024 (docs/vendors/atlas.md §7)`,
  },
  "atlas.username.maxUtf16Units": {
    description: "At most 1024 UTF-16 code units (a character outside the BMP counts 2).",
    source:
      "SPEC maxLength 1024; inferred: Atlas is a Java service (X-Java-Method headers, docs/vendors/atlas.md §2), whose String.length() counts UTF-16 units",
  },
  "atlas.username.alphanumeric": {
    description: "SCRAM: only ASCII letters, digits and hyphens.",
    source: `${src.SPEC_TABLE}: SCRAM-SHA 'Alphanumeric string'; hyphens because MongoDB's own tools create such users on the real server: Terraform acceptance tests (test-acc-tf-…, test-acc-user--…) and the Atlas CLI e2e tests (user-332) (docs/vendors/atlas.md §7, §8 item 1). Other characters stay strict-only: no official tool is shown sending them, and a name with @ may be checked as an e-mail address (§8 item 1, unconfirmed)`,
  },
  "atlas.username.dotElement": {
    description:
      "No '.' or '..' element between slashes (an ARN path step, an OIDC name), plain or percent-encoded.",
    source:
      "inferred: the username travels as one path segment that Atlas decodes once (docs/vendors/atlas.md §5), so a dot element becomes a path step; the clients refuse it before sending",
  },
  "atlas.username.iamUserArn": {
    description:
      "An IAM user ARN: arn:aws|aws-cn|aws-us-gov:iam::<12-digit account>:user/<path/><name>; path / or /…/ (≤512), name 1–64 of [A-Za-z0-9_+=,.@-].",
    source: `${src.SPEC_TABLE}: ARN; AWS IAM API reference CreateUser (Path, UserName); seed example arn:aws:iam::358363220050:user/mongodb-aws-iam-auth-test-user`,
  },
  "atlas.username.iamRoleArn": {
    description:
      "An IAM role ARN: arn:aws|aws-cn|aws-us-gov:iam::<12-digit account>:role/<path/><name>; path / or /…/ (≤512), name 1–64 of [A-Za-z0-9_+=,.@-].",
    source: `${src.SPEC_TABLE}: ARN; AWS IAM API reference CreateRole (Path, RoleName); seed example arn:aws:iam::358363220050:user/mongodb-aws-iam-auth-test-user`,
  },
  "atlas.username.distinguishedName": {
    description: "X.509 self-managed and LDAP: a distinguished name (type=value pairs joined by , ; or +).",
    source: `${src.SPEC_TABLE}: RFC 2253 Distinguished Name; DOCS api-errors: 'The distinguished name specified in the username field, %s, is not valid according to RFC 2253.'`,
  },
  "atlas.username.rfc2253": {
    description:
      "X.509 self-managed and LDAP: an RFC 2253 DN exactly (, between RDNs, no spaces around separators, specials escaped).",
    source: `${src.SPEC_TABLE}: RFC 2253 Distinguished Name for x.509 CUSTOMER and LDAP USER and GROUP; RFC 2253 §2.4, §3 (with RFC 4514 errata). Not for x.509 MANAGED, though SPEC says DN there too: MongoDB's Terraform acceptance tests create MANAGED users with plain names (docs/vendors/atlas.md §7, §8 item 6)`,
  },
  "atlas.username.commonName": {
    description: "X.509 self-managed (CUSTOMER): the DN has a CN attribute.",
    source: `${src.SPEC_USER}.x509Type: 'Users created with the CUSTOMER method require a Common Name (CN) in the username parameter'`,
  },
  "atlas.username.oidcIdentity": {
    description: "OIDC: the 24-hex IdP id, '/', then the IdP group or user name.",
    source: `${src.SPEC_TABLE}: 'Atlas OIDC IdP ID …, followed by a '/', followed by the IdP group/user name'; SPEC example 5dd7496c7a3e5a648454341c/sales; docs/vendors/atlas.md §5 (d0123456789abcdef012345d/user-332 created)`,
  },
  "atlas.password.minLength": {
    description: "At least 8 characters.",
    source: `${src.SPEC_USER}.password minLength 8; SEED`,
  },
  "atlas.password.alphanumeric": {
    description: "Only ASCII letters, digits and + / = ! -.",
    source:
      "SPEC CloudDatabaseUser.password ('Alphanumeric string'); + / = because the Atlas CLI generates base64 passwords (atlas setup, e2e generateRandomBase64String) and - ! because the Terraform acceptance tests create users with test-acc-password and password1! (docs/vendors/atlas.md §7); other characters are shown by no official tool, and Atlas publishes no character set (§10)",
  },
  "atlas.databaseName.enum": {
    description: 'Either "admin" or "$external".',
    source: `${src.SPEC_USER}.databaseName enum [admin, $external]`,
  },
  "atlas.databaseName.authDatabase": {
    description:
      "The auth type's database: admin for SCRAM, LDAP groups and OIDC Workforce; $external for AWS IAM, X.509, LDAP users and OIDC Workload.",
    source: `${src.SPEC_USER}.databaseName and x509Type ('You must create externally authenticated users on the $external database'); docs/vendors/atlas.md §7 table; §8 items 2 (LDAP group: server answers DATABASE_NAME_INVALID_ADMIN) and 3`,
  },
  "atlas.description.maxLength": {
    description: "At most 100 characters.",
    source: `${src.SPEC_USER}.description maxLength 100; AKO CRD`,
  },
  "atlas.description.maxUtf16Units": {
    description: "At most 100 UTF-16 code units (a character outside the BMP counts 2).",
    source: `SPEC description maxLength 100; ${src.JAVA_LENGTH}`,
  },
  "atlas.groupId.objectId": {
    description: "24 hexadecimal digits.",
    source:
      "SPEC path parameter groupId pattern ^([a-f0-9]{24})$ (the body field must equal it, docs/vendors/atlas.md §7); CLI ObjectID check (hex, 12 bytes)",
  },
  "atlas.groupId.lowercase": {
    description: "Lower-case hex only, as the SPEC pattern says.",
    source:
      "SPEC ^([a-f0-9]{24})$; TF ValidateProjectID; the CLI also takes upper case, and the server's answer to it is unconfirmed (docs/vendors/atlas.md §7)",
  },
  "atlas.deleteAfterDate.format": {
    description:
      "An ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm[:ss[.f]][Z|±hh:mm]); no zone means UTC.",
    source:
      "SPEC deleteAfterDate (format date-time; 'ISO 8601 … can include the time zone designation'); docs/vendors/atlas.md §7 (date-only 2020-07-28 accepted, echoed as midnight UTC)",
  },
  "atlas.deleteAfterDate.rfc3339": {
    description:
      "A real calendar day, alone or as an RFC 3339 date-time with seconds and a zone (upper-case T and Z, at most 9 fraction digits).",
    source:
      "SPEC deleteAfterDate (format: date-time, i.e. RFC 3339 §5.6; example 2025-05-04T09:42:00Z); a date alone because MongoDB's tools send one and the server reads it as midnight UTC (2020-07-28 echoed as 2020-07-28T00:00:00Z, docs/vendors/atlas.md §7); inferred: Java ISO_OFFSET_DATE_TIME takes upper-case T/Z and at most 9 fraction digits",
  },
  "atlas.deleteAfterDate.future": {
    description: "Strictly after now (a date equal to now is refused).",
    source: `${src.SPEC_DATE_WINDOW}`,
  },
  "atlas.deleteAfterDate.withinOneWeek": {
    description: "At most 7 days (604800000 ms) after now; exactly 7 days after now is accepted.",
    source: `${src.SPEC_DATE_WINDOW}; docs/vendors/atlas.md §7 (now + 1 month refused by the server)`,
  },
  "atlas.roleName.minLength": {
    description: "Must not be empty.",
    source: "SPEC DatabaseUserRole.roleName (required); DOCS api-errors",
  },
  "atlas.roleName.pattern": {
    description:
      "A built-in role or a custom role name: ASCII letters, digits, - and _, starting with a letter or digit.",
    source:
      "SPEC DatabaseUserRole.roleName enum (built-ins or '<a custom role name>'); DOCS api-errors ATLAS_CUSTOM_ROLE_INVALID_NAME",
  },
  "atlas.roleDatabaseName.minLength": {
    description: "Must not be empty.",
    source: `SPEC DatabaseUserRole.databaseName (required); ${src.LIMITS}`,
  },
  "atlas.roleDatabaseName.forbiddenChars": {
    description: 'Must not contain any of: / \\ . space " $ * < > : | ? NUL.',
    source: `${src.LIMITS}: database names (the Windows set, the larger one)`,
  },
  "atlas.roleDatabaseName.maxBytes": {
    description: "At most 63 bytes in UTF-8.",
    source: `${src.LIMITS}: fewer than 64 bytes`,
  },
  "atlas.collectionName.minLength": {
    description: "Must not be empty.",
    source: `SPEC DatabaseUserRole.collectionName; ${src.LIMITS}`,
  },
  "atlas.collectionName.forbiddenChars": {
    description: "Must not contain any of: $ NUL.",
    source: `${src.LIMITS}: collection names`,
  },
  "atlas.collectionName.systemPrefix": {
    description: 'Must not start with "system.".',
    source: `${src.LIMITS}: collection names`,
  },
  "atlas.scopeName.pattern": {
    description: "Starts with a letter or digit; then letters, digits and hyphens.",
    source: "SPEC UserScope.name pattern ^[a-zA-Z0-9][a-zA-Z0-9-]*$",
  },
  "atlas.labelKey.minLength": {
    description: "Must not be empty.",
    source: `${src.LABEL}`,
  },
  "atlas.labelKey.maxLength": {
    description: "At most 255 characters.",
    source: `${src.LABEL}`,
  },
  "atlas.labelKey.maxUtf16Units": {
    description: "At most 255 UTF-16 code units (a character outside the BMP counts 2).",
    source: `${src.LABEL}; ${src.JAVA_LENGTH}`,
  },
  "atlas.labelValue.minLength": {
    description: "Must not be empty.",
    source: `${src.LABEL}`,
  },
  "atlas.labelValue.maxLength": {
    description: "At most 255 characters.",
    source: `${src.LABEL}`,
  },
  "atlas.labelValue.maxUtf16Units": {
    description: "At most 255 UTF-16 code units (a character outside the BMP counts 2).",
    source: `${src.LABEL}; ${src.JAVA_LENGTH}`,
  },
};
