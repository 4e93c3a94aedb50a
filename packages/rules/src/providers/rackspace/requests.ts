/** Request bodies exactly as the Rackspace (Trove v1.0) API receives them. */

import { quoteJson } from "../../engine/json-quote.js";
import {
  array,
  field,
  type ObjectCheck,
  object,
  optional,
  required,
  type StructuralRule,
} from "../../engine/shape.js";
import { canonicalCharset, charsetOfCollation, KNOWN_CHARSETS } from "./charsets.js";
import type { RackspaceContext as C } from "./context.js";
import { characterSet, collation, databaseName } from "./database-fields.js";
import { canonicalJson, itemKey, showUser, userKey } from "./item-keys.js";
import * as src from "./sources.js";
import { host, password, userName } from "./user-fields.js";

const IGNORED = `${src.SCHEMA}: "additionalProperties": True, so the server silently ignores unknown keys`;
const OPEN = { unknownKeys: "reject-in-strict", unknownKeysSource: IGNORED } as const;

function rule(
  id: string,
  profile: "both" | "strict",
  source: string,
  description: string,
  message: StructuralRule<C>["message"],
): StructuralRule<C> {
  return { id, profile, source, description, message };
}

/** The server accepts an empty list and does nothing; a client sending one has made a mistake. */
function atLeastOne(op: string, ruleName: string, what: string, source: string) {
  return {
    count: 1,
    rule: rule(
      `rackspace.${op}.${ruleName}`,
      "strict",
      source,
      `At least one ${what}.`,
      (p) =>
        `${p.path} is empty; Rackspace accepts an empty list and does nothing, so send at least 1 ${what}`,
    ),
  };
}

const databaseRef = object("database reference", { name: required(field(databaseName)) }, OPEN);

/** `databases_ref_list`: `[{"name": …}]`, `uniqueItems: True` (whole items compared, as Python's == does). */
function databaseRefs(op: string, minItemsSource: string) {
  return array("database references", databaseRef, {
    minItems: atLeastOne(op, "databasesMinItems", "database", minItemsSource),
    unique: {
      key: itemKey,
      show: (item) => canonicalJson(item) ?? "",
      rule: rule(
        `rackspace.${op}.duplicateDatabase`,
        "both",
        `${src.SCHEMA}: databases_ref_list "uniqueItems": True`,
        "No database reference twice.",
        (p) =>
          `${p.path} repeats database reference ${p.key} (first at index ${p.firstIndex}); Rackspace refuses duplicates`,
      ),
    },
  });
}

const newUser = object(
  "user",
  {
    name: required(field(userName)),
    password: required(field(password)),
    host: optional(field(host)),
    databases: optional(
      databaseRefs(
        "createUsers",
        `${src.DOC_CREATE_USER}: "One or more database names must be specified." (schema minItems 0)`,
      ),
    ),
  },
  OPEN,
);

export const createUsers = object(
  "create users request",
  {
    users: required(
      array("users", newUser, {
        minItems: atLeastOne("createUsers", "minItems", "user", `${src.SCHEMA}: users_list "minItems": 0`),
        unique: {
          key: userKey,
          show: showUser,
          rule: rule(
            "rackspace.createUsers.duplicateUser",
            "both",
            `${src.API_CHECKS}: populate_users raises DatabaseInitialUserDuplicateError`,
            "No two users with the same name and host (a missing host is %).",
            (p) =>
              `${p.path} repeats user ${p.key} (first at index ${p.firstIndex}); Rackspace refuses two users with the same name and host`,
          ),
        },
      }),
    ),
  },
  OPEN,
);

const passwordChange = object(
  "user",
  {
    name: required(field(userName)),
    password: required(field(password)),
    host: optional(field(host)),
    databases: optional(databaseRefs("changePasswords", `${src.SCHEMA}: users_list "minItems": 0`)),
  },
  {
    ...OPEN,
    allowedWhen: {
      // users_list still validates `databases` here, but changing passwords never reads it. The gate
      // is a strict rule, so the server profile never consults it and validates the list instead.
      databases: {
        test: () => false,
        rule: rule(
          "rackspace.changePasswords.databasesIgnored",
          "strict",
          `${src.SCHEMA}: users_list (shared with create); ${src.API_CHECKS}: update_all reads only name, host, password`,
          "No databases when changing passwords: the server ignores them (grant access instead).",
          (p) => `${p.path} is ignored when changing passwords; use grantAccess to change a user's databases`,
        ),
      },
    },
  },
);

export const changePasswords = object(
  "change passwords request",
  {
    users: required(
      array("users", passwordChange, {
        minItems: atLeastOne(
          "changePasswords",
          "minItems",
          "user",
          `${src.SCHEMA}: users_list "minItems": 0`,
        ),
      }),
    ),
  },
  OPEN,
);

const atLeastOneAttribute: ObjectCheck<C> = {
  ...rule(
    "rackspace.modifyUser.minProperties",
    "both",
    `${src.SCHEMA}: user_attributes "minProperties": 1`,
    "At least one of name, password, host.",
    (p) => `${p.path} is empty; Rackspace requires at least one of name, password, host`,
  ),
  // JSON drops undefined values, so they do not count; the schema counts any key, known or not.
  check: (obj) =>
    Object.keys(obj).some((k) => obj[k] !== undefined) ? undefined : [{ params: { min: 1, actual: 0 } }],
  jsonSchema: { minProperties: 1 },
};

export const modifyUser = object(
  "modify user request",
  {
    user: required(
      object(
        "user attributes",
        { name: optional(field(userName)), password: optional(field(password)), host: optional(field(host)) },
        { ...OPEN, checks: [atLeastOneAttribute] },
      ),
    ),
  },
  OPEN,
);

export const grantAccess = object(
  "grant access request",
  { databases: required(databaseRefs("grantAccess", `${src.SCHEMA}: databases_ref_list "minItems": 0`)) },
  OPEN,
);

const KNOWN_CHARSET_SET = new Set(KNOWN_CHARSETS);

const collationMatchesCharset: ObjectCheck<C> = {
  ...rule(
    "rackspace.createDatabases.collationCharset",
    "both",
    `${src.MODEL}: MySQLSchema.collate "%(val)s not a valid collation for charset %(char)s."; ${src.MYSQL_CHARSETS_DOC}`,
    "When both are given, the collation belongs to the character set (utf8 and utf8mb3 are one set).",
    (p) =>
      `${p.path} ${quoteJson(p.collation)} is a collation of ${p.collationCharset}, not of ${quoteJson(p.characterSet)}; Rackspace refuses the pair`,
  ),
  check: (obj) => {
    const cs = obj.character_set;
    const co = obj.collate;
    if (typeof cs !== "string" || typeof co !== "string" || !KNOWN_CHARSET_SET.has(cs)) return undefined;
    const owner = charsetOfCollation(co);
    if (owner === undefined || owner === canonicalCharset(cs)) return undefined;
    return [{ key: "collate", params: { collation: co, characterSet: cs, collationCharset: owner } }];
  },
};

const newDatabase = object(
  "database",
  {
    name: required(field(databaseName)),
    character_set: optional(field(characterSet)),
    collate: optional(field(collation)),
  },
  { ...OPEN, checks: [collationMatchesCharset] },
);

export const createDatabases = object(
  "create databases request",
  {
    databases: required(
      array("databases", newDatabase, {
        minItems: atLeastOne(
          "createDatabases",
          "minItems",
          "database",
          `${src.SCHEMA}: databases_def "minItems": 0`,
        ),
        unique: {
          key: (item) => {
            const name = (item as { name?: unknown }).name;
            return typeof name === "string" ? name : undefined;
          },
          show: (item) => quoteJson((item as { name: string }).name),
          rule: rule(
            "rackspace.createDatabases.duplicateName",
            "both",
            `${src.API_CHECKS}: populate_validated_databases raises DatabaseInitialDatabaseDuplicateError`,
            "No database name twice.",
            (p) =>
              `${p.path} repeats database ${p.key} (first at index ${p.firstIndex}); Rackspace refuses duplicates`,
          ),
        },
      }),
    ),
  },
  OPEN,
);

export const operations = { createUsers, changePasswords, modifyUser, grantAccess, createDatabases };
