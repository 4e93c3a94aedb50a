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
import { host, password, userName } from "./user-fields.js";

/** The API schemas allow unknown keys and the server ignores them: refused in strict only. */
const OPEN = { unknownKeys: "reject-in-strict" } as const;

function rule(
  id: string,
  profile: "both" | "strict",
  message: StructuralRule<C>["message"],
): StructuralRule<C> {
  return { id, profile, message };
}

/** The server accepts an empty list and does nothing; a client sending one has made a mistake. */
function atLeastOne(op: string, ruleName: string, what: string) {
  return {
    count: 1,
    rule: rule(
      `rackspace.${op}.${ruleName}`,
      "strict",
      (p) =>
        `${p.path} is empty; Rackspace accepts an empty list and does nothing, so send at least 1 ${what}`,
    ),
  };
}

const databaseRef = object("database reference", { name: required(field(databaseName)) }, OPEN);

/** `databases_ref_list`: `[{"name": …}]`, `uniqueItems: True` (whole items compared, as Python's == does). */
function databaseRefs(op: string) {
  return array("database references", databaseRef, {
    minItems: atLeastOne(op, "databasesMinItems", "database"),
    unique: {
      key: itemKey,
      show: (item) => canonicalJson(item) ?? "",
      rule: rule(
        `rackspace.${op}.duplicateDatabase`,
        "both",
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
    databases: optional(databaseRefs("createUsers")),
  },
  OPEN,
);

export const createUsers = object(
  "create users request",
  {
    users: required(
      array("users", newUser, {
        minItems: atLeastOne("createUsers", "minItems", "user"),
        unique: {
          key: userKey,
          show: showUser,
          rule: rule(
            "rackspace.createUsers.duplicateUser",
            "both",
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
    databases: optional(databaseRefs("changePasswords")),
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
        minItems: atLeastOne("changePasswords", "minItems", "user"),
      }),
    ),
  },
  OPEN,
);

const atLeastOneAttribute: ObjectCheck<C> = {
  ...rule(
    "rackspace.modifyUser.minProperties",
    "both",
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
  { databases: required(databaseRefs("grantAccess")) },
  OPEN,
);

const KNOWN_CHARSET_SET = new Set(KNOWN_CHARSETS);

const collationMatchesCharset: ObjectCheck<C> = {
  ...rule(
    "rackspace.createDatabases.collationCharset",
    "both",
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
        minItems: atLeastOne("createDatabases", "minItems", "database"),
        unique: {
          key: (item) => {
            const name = (item as { name?: unknown }).name;
            return typeof name === "string" ? name : undefined;
          },
          show: (item) => quoteJson((item as { name: string }).name),
          rule: rule(
            "rackspace.createDatabases.duplicateName",
            "both",
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
