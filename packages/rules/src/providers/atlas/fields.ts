/**
 * Every public Atlas field but `username` (see username.ts); their sources are in docs-rules.ts
 * (abbreviations in sources.ts).
 */
import { matches, maxChars, maxUtf8Bytes, minChars, notPrefixed } from "../../checks.js";
import type { FieldSpec, PasswordPolicy, Rule } from "../../types.js";
import { AUTH_DATABASE } from "./auth.js";
import type { AtlasContext } from "./context.js";
import { dateRules } from "./dates.js";
import { forbidsCharsShown, maxUtf16Units } from "./factories.js";
import { username } from "./username.js";

type Spec = FieldSpec<AtlasContext>;

/** A SPEC `minLength`/`maxLength` pair plus the strict UTF-16 reading of the same maximum. */
function lengths(field: string, min: number, max: number): Rule<AtlasContext>[] {
  return [
    minChars({ id: `atlas.${field}.minLength`, min }),
    maxChars({ id: `atlas.${field}.maxLength`, max }),
    maxUtf16Units({
      id: `atlas.${field}.maxUtf16Units`,
      max,
      profile: "strict",
    }),
  ];
}

export const DATABASES = ["admin", "$external"] as const;

const databaseName: Spec = {
  name: "databaseName",
  label: "authentication database",
  rules: [
    {
      id: "atlas.databaseName.enum",
      profile: "both",
      check: (v) => (v === "admin" || v === "$external" ? undefined : { allowed: DATABASES }),
      message: (_p, f) => `${f.label} must be "admin" or "$external" on ${f.vendor}`,
    },
    {
      id: "atlas.databaseName.authDatabase",
      profile: "both",
      check: (v, ctx) => {
        const expected = AUTH_DATABASE[ctx.authType];
        return v !== expected && (v === "admin" || v === "$external")
          ? { expected, authType: ctx.authType }
          : undefined;
      },
      message: (p, f) =>
        `${f.label} must be "${p.expected as string}" for ${p.authType as string} users on ${f.vendor}, not the other one`,
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
    }),
    matches({
      id: "atlas.password.alphanumeric",
      profile: "strict",
      // Documented "Alphanumeric string", plus what MongoDB's own tools send: the CLI's base64
      // passwords (+ / =) and the Terraform tests' `-` and `!` (docs/vendors/atlas.md §7).
      pattern: "^[A-Za-z0-9+/=!-]*$",
      message: (_p, f) =>
        `${f.label} has a character other than A–Z, a–z, 0–9 and + / = ! -; ${f.vendor} documents passwords as alphanumeric and its own tools add only these`,
    }),
  ],
};

const description: Spec = {
  name: "description",
  label: "description",
  rules: [
    maxChars({
      id: "atlas.description.maxLength",
      max: 100,
    }),
    maxUtf16Units({
      id: "atlas.description.maxUtf16Units",
      max: 100,
      profile: "strict",
    }),
  ],
};

const groupId: Spec = {
  name: "groupId",
  label: "project id",
  rules: [
    matches({
      id: "atlas.groupId.objectId",
      pattern: "^[0-9a-fA-F]{24}$",
      message: (_p, f) => `${f.label} must be 24 hexadecimal digits (a ${f.vendor} project id)`,
    }),
    matches({
      id: "atlas.groupId.lowercase",
      profile: "strict",
      pattern: "^[^A-F]*$",
      message: (_p, f) =>
        `${f.label} has upper-case hex digits; ${f.vendor} documents project ids in lower case`,
    }),
  ],
};

const deleteAfterDate: Spec = {
  name: "deleteAfterDate",
  label: "deletion date",
  rules: dateRules(),
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
    }),
    matches({
      id: "atlas.roleName.pattern",
      profile: "strict",
      pattern: "^(?:[A-Za-z0-9][A-Za-z0-9_-]*)?$",
      message: (_p, f) =>
        `${f.label} is neither a built-in role nor a possible custom role name (ASCII letters, digits, - and _, starting with a letter or digit) on ${f.vendor}`,
    }),
  ],
};

const roleDatabaseName: Spec = {
  name: "roleDatabaseName",
  label: "role database",
  rules: [
    minChars({
      id: "atlas.roleDatabaseName.minLength",
      min: 1,
    }),
    forbidsCharsShown({
      id: "atlas.roleDatabaseName.forbiddenChars",
      profile: "strict",
      chars: '/\\. "$*<>:|?\u0000',
      shown: '/ \\ . space " $ * < > : | ? NUL',
    }),
    maxUtf8Bytes({
      id: "atlas.roleDatabaseName.maxBytes",
      max: 63,
      profile: "strict",
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
    }),
    forbidsCharsShown({
      id: "atlas.collectionName.forbiddenChars",
      profile: "strict",
      chars: "$\u0000",
      shown: "$ NUL",
    }),
    notPrefixed({
      id: "atlas.collectionName.systemPrefix",
      prefix: "system.",
      profile: "strict",
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
      message: (_p, f) =>
        `${f.label} must start with a letter or digit and hold only letters, digits and hyphens on ${f.vendor}`,
    }),
  ],
};

const labelKey: Spec = { name: "labelKey", label: "label key", rules: lengths("labelKey", 1, 255) };
const labelValue: Spec = {
  name: "labelValue",
  label: "label value",
  rules: lengths("labelValue", 1, 255),
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
 * environment variables; the longest password seen accepted is 17 characters (docs/vendors/atlas.md §7).
 */
export const passwordPolicy: PasswordPolicy<AtlasContext> = {
  field: password,
  minLength: 8,
  maxLength: 128,
  defaultLength: 24,
  alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
};
