/**
 * Every public Atlas field but `username` (see username.ts). Sources: SPEC = mongodb/openapi
 * v2.yaml (x-xgen-sha 0acdb962…, as mirrored by terraform-provider-mongodbatlas@6fb67ee2);
 * SEED = the "Create One Database User" docs page; atlas.md = our vendor notes; DOCS api-errors =
 * mongodb.com/docs/atlas/reference/api-errors; MongoDB limits = mongodb.com/docs/manual/reference/limits.
 */
import { matches, maxChars, maxUtf8Bytes, minChars, notPrefixed } from "../../checks.js";
import type { FieldSpec, PasswordPolicy, Rule } from "../../types.js";
import { AUTH_DATABASE } from "./auth.js";
import type { AtlasContext } from "./context.js";
import { dateRules } from "./dates.js";
import { forbidsCharsShown, maxUtf16Units } from "./factories.js";
import { username } from "./username.js";

type Spec = FieldSpec<AtlasContext>;

const JAVA_LENGTH =
  "inferred: Atlas is a Java service (X-Java-Method headers, atlas.md §2); Java String.length() counts UTF-16 units";

/** A SPEC `minLength`/`maxLength` pair plus the strict UTF-16 reading of the same maximum. */
function lengths(field: string, min: number, max: number, source: string): Rule<AtlasContext>[] {
  return [
    minChars({ id: `atlas.${field}.minLength`, min, source }),
    maxChars({ id: `atlas.${field}.maxLength`, max, source }),
    maxUtf16Units({
      id: `atlas.${field}.maxUtf16Units`,
      max,
      profile: "strict",
      source: `${source}; ${JAVA_LENGTH}`,
    }),
  ];
}

const DATABASES = ["admin", "$external"] as const;

const databaseName: Spec = {
  name: "databaseName",
  label: "authentication database",
  rules: [
    {
      id: "atlas.databaseName.enum",
      description: 'Either "admin" or "$external".',
      source: "SPEC CloudDatabaseUser.databaseName enum [admin, $external]",
      profile: "both",
      check: (v) => (v === "admin" || v === "$external" ? undefined : { allowed: DATABASES }),
      message: (_p, f) => `${f.label} must be "admin" or "$external" on ${f.vendor}`,
      jsonSchema: { enum: [...DATABASES] },
    },
    {
      id: "atlas.databaseName.authDatabase",
      description:
        "The auth type's database: admin for SCRAM, LDAP groups and OIDC Workforce; $external for AWS IAM, X.509, LDAP users and OIDC Workload.",
      source:
        "SPEC CloudDatabaseUser.databaseName and x509Type ('You must create externally authenticated users on the $external database'); atlas.md §7 table; §8 items 2 (LDAP group: server answers DATABASE_NAME_INVALID_ADMIN) and 3",
      profile: "both",
      check: (v, ctx) => {
        const expected = AUTH_DATABASE[ctx.authType];
        return v !== expected && (v === "admin" || v === "$external")
          ? { expected, authType: ctx.authType }
          : undefined;
      },
      message: (p, f) =>
        `${f.label} must be "${p.expected as string}" for ${p.authType as string} users on ${f.vendor}, not the other one`,
      jsonSchema: (ctx) => ({
        not: { const: AUTH_DATABASE[ctx.authType] === "admin" ? "$external" : "admin" },
      }),
    },
  ],
};

const password: Spec = {
  name: "password",
  label: "password",
  secret: true,
  rules: [
    minChars({
      id: "atlas.password.minLength",
      min: 8,
      source: "SPEC CloudDatabaseUser.password minLength 8; SEED",
    }),
    matches({
      id: "atlas.password.alphanumeric",
      profile: "strict",
      pattern: "^[A-Za-z0-9]*$",
      description: "Only ASCII letters and digits, the 'Alphanumeric string' the SPEC documents.",
      source:
        "SPEC CloudDatabaseUser.password ('Alphanumeric string'); the server also took password1! and test-acc-password (atlas.md §7), so strict keeps to what both accept",
      message: (_p, f) =>
        `${f.label} has a character other than A–Z, a–z, 0–9; ${f.vendor} documents passwords as alphanumeric`,
    }),
  ],
  notes: [
    "Only for SCRAM users (a request with a password for another auth type is refused).",
    "No maximum length or character set is published (atlas.md §10).",
  ],
};

const description: Spec = {
  name: "description",
  label: "description",
  rules: [
    maxChars({
      id: "atlas.description.maxLength",
      max: 100,
      source: "SPEC CloudDatabaseUser.description maxLength 100; AKO CRD",
    }),
    maxUtf16Units({
      id: "atlas.description.maxUtf16Units",
      max: 100,
      profile: "strict",
      source: `SPEC description maxLength 100; ${JAVA_LENGTH}`,
    }),
  ],
  notes: ['An empty description ("") clears it on update (TF model_database_user.go).'],
};

const groupId: Spec = {
  name: "groupId",
  label: "project id",
  rules: [
    matches({
      id: "atlas.groupId.objectId",
      pattern: "^[0-9a-fA-F]{24}$",
      description: "24 hexadecimal digits.",
      source:
        "SPEC path parameter groupId pattern ^([a-f0-9]{24})$ (the body field must equal it, atlas.md §7); CLI ObjectID check (hex, 12 bytes)",
      message: (_p, f) => `${f.label} must be 24 hexadecimal digits (a ${f.vendor} project id)`,
    }),
    matches({
      id: "atlas.groupId.lowercase",
      profile: "strict",
      pattern: "^[^A-F]*$",
      description: "Lower-case hex only, as the SPEC pattern says.",
      source:
        "SPEC ^([a-f0-9]{24})$; TF ValidateProjectID; the CLI also takes upper case, and the server's answer to it is unconfirmed (atlas.md §7)",
      message: (_p, f) =>
        `${f.label} has upper-case hex digits; ${f.vendor} documents project ids in lower case`,
    }),
  ],
};

const deleteAfterDate: Spec = {
  name: "deleteAfterDate",
  label: "deletion date",
  rules: dateRules(),
  notes: [
    "The window is checked against the context's now; the server checks against the moment it receives the request.",
  ],
};

export const BUILT_IN_ROLES = [
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
] as const;

const roleName: Spec = {
  name: "roleName",
  label: "role name",
  rules: [
    minChars({
      id: "atlas.roleName.minLength",
      min: 1,
      source: "SPEC DatabaseUserRole.roleName (required); DOCS api-errors",
    }),
    matches({
      id: "atlas.roleName.pattern",
      profile: "strict",
      pattern: "^(?:[A-Za-z0-9][A-Za-z0-9_-]*)?$",
      description:
        "A built-in role or a custom role name: ASCII letters, digits, - and _, starting with a letter or digit.",
      source:
        "SPEC DatabaseUserRole.roleName enum (built-ins or '<a custom role name>'); DOCS api-errors ATLAS_CUSTOM_ROLE_INVALID_NAME",
      message: (_p, f) =>
        `${f.label} is neither a built-in role nor a possible custom role name (ASCII letters, digits, - and _, starting with a letter or digit) on ${f.vendor}`,
    }),
  ],
  notes: [
    `Built-in roles: ${BUILT_IN_ROLES.join(", ")}; any other name must be a custom role of the project.`,
  ],
};

const LIMITS = "MongoDB limits, Naming Restrictions (mongodb.com/docs/manual/reference/limits)";

const roleDatabaseName: Spec = {
  name: "roleDatabaseName",
  label: "role database",
  rules: [
    minChars({
      id: "atlas.roleDatabaseName.minLength",
      min: 1,
      source: `SPEC DatabaseUserRole.databaseName (required); ${LIMITS}`,
    }),
    forbidsCharsShown({
      id: "atlas.roleDatabaseName.forbiddenChars",
      profile: "strict",
      chars: '/\\. "$*<>:|?\u0000',
      shown: '/ \\ . space " $ * < > : | ? NUL',
      source: `${LIMITS}: database names (the Windows set, the larger one)`,
    }),
    maxUtf8Bytes({
      id: "atlas.roleDatabaseName.maxBytes",
      max: 63,
      profile: "strict",
      source: `${LIMITS}: fewer than 64 bytes`,
    }),
  ],
};

const collectionName: Spec = {
  name: "collectionName",
  label: "collection name",
  rules: [
    minChars({
      id: "atlas.collectionName.minLength",
      min: 1,
      profile: "strict",
      source: `SPEC DatabaseUserRole.collectionName; ${LIMITS}`,
    }),
    forbidsCharsShown({
      id: "atlas.collectionName.forbiddenChars",
      profile: "strict",
      chars: "$\u0000",
      shown: "$ NUL",
      source: `${LIMITS}: collection names`,
    }),
    notPrefixed({
      id: "atlas.collectionName.systemPrefix",
      prefix: "system.",
      profile: "strict",
      source: `${LIMITS}: collection names`,
    }),
  ],
};

const scopeName: Spec = {
  name: "scopeName",
  label: "scope name",
  rules: [
    matches({
      id: "atlas.scopeName.pattern",
      pattern: "^[a-zA-Z0-9][a-zA-Z0-9-]*$",
      description: "Starts with a letter or digit; then letters, digits and hyphens.",
      source: "SPEC UserScope.name pattern ^[a-zA-Z0-9][a-zA-Z0-9-]*$",
      message: (_p, f) =>
        `${f.label} must start with a letter or digit and hold only letters, digits and hyphens on ${f.vendor}`,
    }),
  ],
};

const LABEL = "SPEC ComponentLabel key/value minLength 1, maxLength 255";

const labelKey: Spec = { name: "labelKey", label: "label key", rules: lengths("labelKey", 1, 255, LABEL) };
const labelValue: Spec = {
  name: "labelValue",
  label: "label value",
  rules: lengths("labelValue", 1, 255, LABEL),
};

export const fields = {
  username,
  password,
  databaseName,
  description,
  groupId,
  deleteAfterDate,
  roleName,
  roleDatabaseName,
  collectionName,
  scopeName,
  labelKey,
  labelValue,
};

/**
 * Letters and digits only: strict follows the SPEC's "Alphanumeric string" (the generator must
 * pass the default profile); 24 of 62 symbols is about 143 bits. Atlas publishes no maximum: 128
 * is far past any useful entropy and keeps the value short for connection strings, shells and
 * environment variables; the longest password seen accepted is 17 characters (atlas.md §7).
 */
export const passwordPolicy: PasswordPolicy<AtlasContext> = {
  field: password,
  minLength: 8,
  maxLength: 128,
  defaultLength: 24,
  alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
};
