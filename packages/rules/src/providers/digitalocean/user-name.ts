/**
 * `name` of `POST /v2/databases/{cluster}/users`. DigitalOcean publishes no rule beyond "required"
 * (openapi `models/database_user.yml` @ 7c1300c4), so the server profile is each engine's own
 * limits; strict adds the Aiven service-user pattern DigitalOcean's backend most likely enforces.
 */

import { maxChars, maxUtf8Bytes, minChars, notPrefixed, notReserved } from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import {
  asciiFold,
  collapseRuns,
  replaceDisallowed,
  trimWith,
  truncateCodePoints,
} from "../../engine/suggest.js";
import type { FieldSpec, Rule } from "../../types.js";
import type { DigitalOceanContext as C, Engine } from "./context.js";
import {
  forbidsChar,
  noNul,
  prefixInOtherCase,
  refusedInContext,
  reservedInOtherCase,
  withMessage,
} from "./factories.js";

const is = (engine: Engine) => (ctx: C) => ctx.engine === engine;

/** Built-in users on every cluster with users: "you can't delete them". */
export const BUILT_IN_USERS = ["doadmin"] as const;
/** MongoDB clusters also come with `do-readonly`. */
export const MONGODB_BUILT_IN_USERS = ["do-readonly"] as const;
/** `CREATE ROLE "public"` / `"none"`: "role name … is reserved". */
export const PG_RESERVED_NAMES = ["public", "none"] as const;
export const PG_RESERVED_PREFIX = "pg_";
/** NAMEDATALEN − 1. */
export const PG_MAX_BYTES = 63;
export const MYSQL_MAX_CHARS = 32;
/** Aiven's service-user `username` maxLength (inferred for DigitalOcean). */
export const STRICT_MAX_CHARS = 64;
/** Aiven's service-user pattern: first `[A-Za-z0-9_?]`, then `[A-Za-z0-9_?*.-]` (empty is left to notEmpty). */
export const STRICT_PATTERN = "^(?:[A-Za-z0-9_?][A-Za-z0-9_?*.-]*)?$";

const DOCS = "docs.digitalocean.com/products/databases";
const PG_IDENTIFIERS =
  "PostgreSQL docs, Identifiers and Key Words (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS)";
const ROLENAMES =
  "postgres/postgres src/test/regress/expected/rolenames.out @ 06f40fbc891771aa5b7a1667f16dff6da2bc5756";
const AIVEN = "aiven/terraform-provider-aiven @ de2e6b0de4bfc70942b001ddb8ee2a600456c02b";
const ON_AIVEN =
  "DigitalOcean Managed Databases run on Aiven (openapi resources/gen-ai/definitions.yml @ 7c1300c4: 'Aiven service name'; aiven_extras on pg)";

// ASCII-only pattern: the `u` flag (which JSON Schema implies) changes nothing here.
const STRICT_RE = new RegExp(STRICT_PATTERN);
const FIRST = /[A-Za-z0-9_?]/;
const NOT_REST = /[^A-Za-z0-9_?*.-]/u;

/** The first character the strict pattern refuses, with its index in UTF-16 units. */
function firstOffender(v: string): { char: string; index: number } {
  const index = FIRST.test(v.charAt(0)) ? v.search(NOT_REST) : 0;
  return { char: String.fromCodePoint(v.codePointAt(index)!), index };
}

const userNameRules = [
  refusedInContext({
    id: "digitalocean.userName.engineUnsupported",
    description: "Caching (redis) and Valkey clusters have no database users.",
    source:
      "openapi databases_add_user.yml @ 7c1300c4 ('User management is not supported for Caching or Valkey clusters'); the server answers 500, not 4xx: https://github.com/digitalocean/terraform-provider-digitalocean/issues/876",
    when: (ctx) => ctx.engine === "redis" || ctx.engine === "valkey",
    message: (engine) =>
      `user name cannot be used: ${engine === "valkey" ? "Valkey" : "Caching (redis)"} clusters have no user management on DigitalOcean (the real server answers 500, see terraform-provider-digitalocean#876)`,
  }),
  withMessage(
    minChars({
      id: "digitalocean.userName.notEmpty",
      min: 1,
      source:
        "openapi models/database_user.yml @ 7c1300c4 (required: name); server: 422 'invalid request: user_name field required' (https://github.com/digitalocean/droplet_kit/pull/269)",
    }),
    (_p, f) => `${f.label} is empty; ${f.vendor} requires a name (server: "user_name field required")`,
  ),
  withMessage(
    notReserved({
      id: "digitalocean.userName.builtIn",
      names: BUILT_IN_USERS,
      description: "Not doadmin: the built-in admin user already exists on every cluster.",
      source: `${DOCS}/{postgresql,mysql,mongodb,kafka,opensearch}/how-to/manage-users-* ('a default administrative user (doadmin) … you can't delete them'); the create answer for an existing name is unobserved (409 or 422)`,
    }),
    (p, f) =>
      `${f.label} "${p.value as string}" is DigitalOcean's built-in admin user; it exists already and cannot be created`,
  ),
  withMessage(
    notReserved({
      id: "digitalocean.userName.mongodbBuiltIn",
      names: MONGODB_BUILT_IN_USERS,
      when: is("mongodb"),
      description: "Not do-readonly: a built-in user of every MongoDB cluster.",
      source: `${DOCS}/mongodb/how-to/manage-users-and-databases (defaults doadmin and do-readonly cannot be deleted)`,
    }),
    (p, f) =>
      `${f.label} "${p.value as string}" is a built-in user of DigitalOcean MongoDB clusters; it cannot be created`,
  ),
  withMessage(
    maxUtf8Bytes({
      id: "digitalocean.userName.pgMaxBytes",
      max: PG_MAX_BYTES,
      when: is("pg"),
      description: `At most ${PG_MAX_BYTES} bytes in UTF-8 (PostgreSQL NAMEDATALEN − 1).`,
      source: `${PG_IDENTIFIERS}: 'The system uses no more than NAMEDATALEN-1 bytes of an identifier; longer names … will be truncated' (refused here: the role created would not have the requested name)`,
    }),
    (p, f) =>
      `${f.label} is ${p.actual as number} bytes in UTF-8; PostgreSQL allows at most ${PG_MAX_BYTES} and would silently truncate it`,
  ),
  withMessage(
    notReserved({
      id: "digitalocean.userName.pgReserved",
      names: PG_RESERVED_NAMES,
      when: is("pg"),
      description: "Not public or none (exact case): PostgreSQL reserves these role names.",
      source: `${ROLENAMES} ('role name "public" is reserved', "none" likewise). Case-sensitive: quoted "Public" is accepted, and DigitalOcean quotes names (it creates tf-acc-test-… with dashes on pg, terraform-provider-digitalocean resource_database_user_test.go @ 401992a1)`,
    }),
    (p, f) => `${f.label} "${p.value as string}" is a reserved PostgreSQL role name (reserved: public, none)`,
  ),
  reservedInOtherCase({
    id: "digitalocean.userName.pgReservedAnyCase",
    names: PG_RESERVED_NAMES,
    profile: "strict",
    when: is("pg"),
    source:
      "inferred: whether DigitalOcean folds case before CREATE ROLE is unknown (vendor notes on user names §6); folded, Public becomes the reserved public",
  }),
  withMessage(
    notPrefixed({
      id: "digitalocean.userName.pgPrefix",
      prefix: PG_RESERVED_PREFIX,
      when: is("pg"),
      source: `${ROLENAMES} ('Role names starting with "pg_" are reserved', since PostgreSQL 9.6)`,
    }),
    (_p, f) => `${f.label} starts with "pg_", which PostgreSQL reserves for its own roles`,
  ),
  prefixInOtherCase({
    id: "digitalocean.userName.pgPrefixAnyCase",
    prefix: PG_RESERVED_PREFIX,
    profile: "strict",
    when: is("pg"),
    source:
      "inferred: whether DigitalOcean folds case before CREATE ROLE is unknown (vendor notes on user names §6)",
  }),
  noNul({
    id: "digitalocean.userName.pgNul",
    who: "PostgreSQL",
    when: is("pg"),
    source: `${PG_IDENTIFIERS}: 'Quoted identifiers can contain any character, except the character with code zero'`,
  }),
  withMessage(
    maxChars({
      id: "digitalocean.userName.mysqlMaxLength",
      max: MYSQL_MAX_CHARS,
      when: is("mysql"),
      description: `At most ${MYSQL_MAX_CHARS} characters (MySQL 8).`,
      source:
        "https://dev.mysql.com/doc/en/replication-features-user-names.html ('The maximum length for user names in MySQL 8.0 is 32 characters'; longer: error 1470)",
    }),
    (p, f) => `${f.label} is ${p.actual as number} characters; MySQL allows at most ${MYSQL_MAX_CHARS}`,
  ),
  noNul({
    id: "digitalocean.userName.mongodbNul",
    who: "MongoDB",
    when: is("mongodb"),
    source:
      "mongodb/mongo src/mongo/db/commands/user_management_commands.cpp, CmdUMCTyped<CreateUserCommand>::typedRun ('Username cannot contain NULL characters')",
  }),
  forbidsChar({
    id: "digitalocean.userName.opensearchColon",
    char: ":",
    who: "OpenSearch",
    why: "it separates name and password in HTTP basic auth",
    when: is("opensearch"),
    source:
      "opensearch-project/security src/main/java/org/opensearch/security/user/UserService.java @ 0351efa26177a07df3c650b0f3fa3a6530dae95f (RESTRICTED_FROM_USERNAME: 'A restricted character(s) was detected in the account name. Please remove: ':'')",
  }),
  withMessage(
    maxChars({
      id: "digitalocean.userName.maxLength",
      max: STRICT_MAX_CHARS,
      profile: "strict",
      description: `At most ${STRICT_MAX_CHARS} characters (Aiven service users; inferred).`,
      source: `inferred, not documented: ${ON_AIVEN}; Aiven's service-user username maxLength is 64 (${AIVEN}, internal/plugin/service/{pg,mysql,kafka,opensearch}/user/zz_resource.go)`,
    }),
    (p, f) =>
      `${f.label} is ${p.actual as number} characters; strict allows at most ${STRICT_MAX_CHARS} (the limit of Aiven, which runs DigitalOcean's databases)`,
  ),
  {
    id: "digitalocean.userName.pattern",
    profile: "strict",
    description: "Letters, digits and _ ? * . - only, not starting with -, . or *.",
    source: `inferred, not documented: ${ON_AIVEN}; Aiven's service-user validator ^(\\*$|[a-zA-Z0-9_?][a-zA-Z0-9-_?*.].{0,62})$ (${AIVEN}, internal/schemautil/common.go)`,
    check: (v) => (STRICT_RE.test(v) ? undefined : firstOffender(v)),
    message: (p, f) =>
      p.index === 0
        ? `${f.label} starts with ${quoteJson(p.char)}; strict requires a first character in A-Z a-z 0-9 _ ? (Aiven's service-user pattern)`
        : `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; strict allows only A-Z a-z 0-9 _ ? * . - (Aiven's service-user pattern)`,
    jsonSchema: { pattern: STRICT_PATTERN },
  },
] satisfies Rule<C>[];

function notes(ctx: C): string[] {
  const out = [
    "DigitalOcean publishes no length, character or reserved-name rule for user names: its OpenAPI only requires name (models/database_user.yml @ 7c1300c4). The rules are the engines' own limits plus, in strict, Aiven's inferred pattern.",
  ];
  if (ctx.engine === undefined)
    out.push(
      "No engine given: engine-specific rules (PostgreSQL 63 bytes, public/none, pg_ prefix, NUL; MySQL 32 characters; MongoDB NUL and do-readonly; OpenSearch ':'; Caching/Valkey refusal) are skipped. Pass { engine } to apply them.",
    );
  if (ctx.engine === "kafka")
    out.push(
      "Kafka: no user-name length or character limit is documented for SASL/SCRAM principals (RFC 5802 only escapes ',' and '='), so none is checked here.",
    );
  if (ctx.engine === "mongodb") out.push("MongoDB documents no user-name length limit; only NUL is refused.");
  if (ctx.engine === "opensearch")
    out.push(
      "OpenSearch documents no user-name length limit; only ':' is refused (security plugin UserService).",
    );
  if (ctx.engine === "mysql")
    out.push(
      "MySQL's own accounts (root, mysql.sys, mysql.session, mysql.infoschema) are user@localhost pairs, so the name alone is not refused.",
    );
  return out;
}

const SUFFIX = "-user";

function reservedFor(ctx: C): readonly string[] {
  if (ctx.engine === "pg") return [...BUILT_IN_USERS, ...PG_RESERVED_NAMES];
  if (ctx.engine === "mongodb") return [...BUILT_IN_USERS, ...MONGODB_BUILT_IN_USERS];
  return BUILT_IN_USERS;
}

/**
 * Lowercase ASCII letters, digits, `_` and `-` (the only characters seen accepted by a real
 * DigitalOcean server are lowercase letters and `-`), within the engine's limit, away from the
 * reserved names by a `-user` suffix and from PostgreSQL's `pg_` by `pg-`.
 */
export function suggestUserName(raw: string, ctx: C): string {
  // Caching/Valkey and inputs with nothing usable left come out invalid: the engine then throws NoValidNameError.
  const limit =
    ctx.engine === "pg" ? PG_MAX_BYTES : ctx.engine === "mysql" ? MYSQL_MAX_CHARS : STRICT_MAX_CHARS;
  let name = replaceDisallowed(asciiFold(raw).toLowerCase(), /[a-z0-9_-]/, "-");
  name = trimWith(collapseRuns(name, "-"), /-/);
  if (ctx.engine === "pg" && name.startsWith(PG_RESERVED_PREFIX))
    name = `pg-${name.slice(PG_RESERVED_PREFIX.length)}`;
  name = trimWith(truncateCodePoints(name, limit), /-/);
  return reservedFor(ctx).includes(name) ? `${name}${SUFFIX}` : name;
}

export const userName: FieldSpec<C> = {
  name: "userName",
  label: "user name",
  rules: userNameRules,
  suggest: suggestUserName,
  notes,
};
