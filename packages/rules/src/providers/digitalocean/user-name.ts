/**
 * `name` of `POST /v2/databases/{cluster}/users`. DigitalOcean publishes no rule beyond "required"
 * (openapi `models/database_user.yml` @ 7c1300c4), so the server profile is each engine's own
 * limits; strict adds the Aiven service-user pattern DigitalOcean's backend most likely enforces.
 */

import { maxChars, maxUtf8Bytes, minChars, notPrefixed, notReserved } from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
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
    when: (ctx) => ctx.engine === "redis" || ctx.engine === "valkey",
    message: (engine) =>
      `user name cannot be used: ${engine === "valkey" ? "Valkey" : "Caching (redis)"} clusters have no user management on DigitalOcean (the real server answers 500, see terraform-provider-digitalocean#876)`,
  }),
  withMessage(
    minChars({
      id: "digitalocean.userName.notEmpty",
      min: 1,
    }),
    (_p, f) => `${f.label} is empty; ${f.vendor} requires a name (server: "user_name field required")`,
  ),
  withMessage(
    notReserved({
      id: "digitalocean.userName.builtIn",
      names: BUILT_IN_USERS,
    }),
    (p, f) =>
      `${f.label} "${p.value as string}" is DigitalOcean's built-in admin user; it exists already and cannot be created`,
  ),
  withMessage(
    notReserved({
      id: "digitalocean.userName.mongodbBuiltIn",
      names: MONGODB_BUILT_IN_USERS,
      when: is("mongodb"),
    }),
    (p, f) =>
      `${f.label} "${p.value as string}" is a built-in user of DigitalOcean MongoDB clusters; it cannot be created`,
  ),
  withMessage(
    maxUtf8Bytes({
      id: "digitalocean.userName.pgMaxBytes",
      max: PG_MAX_BYTES,
      when: is("pg"),
    }),
    (p, f) =>
      `${f.label} is ${p.actual as number} bytes in UTF-8; PostgreSQL allows at most ${PG_MAX_BYTES} and would silently truncate it`,
  ),
  withMessage(
    notReserved({
      id: "digitalocean.userName.pgReserved",
      names: PG_RESERVED_NAMES,
      when: is("pg"),
    }),
    (p, f) => `${f.label} "${p.value as string}" is a reserved PostgreSQL role name (reserved: public, none)`,
  ),
  reservedInOtherCase({
    id: "digitalocean.userName.pgReservedAnyCase",
    names: PG_RESERVED_NAMES,
    profile: "strict",
    when: is("pg"),
  }),
  withMessage(
    notPrefixed({
      id: "digitalocean.userName.pgPrefix",
      prefix: PG_RESERVED_PREFIX,
      when: is("pg"),
    }),
    (_p, f) => `${f.label} starts with "pg_", which PostgreSQL reserves for its own roles`,
  ),
  prefixInOtherCase({
    id: "digitalocean.userName.pgPrefixAnyCase",
    prefix: PG_RESERVED_PREFIX,
    profile: "strict",
    when: is("pg"),
  }),
  noNul({
    id: "digitalocean.userName.pgNul",
    who: "PostgreSQL",
    when: is("pg"),
  }),
  withMessage(
    maxChars({
      id: "digitalocean.userName.mysqlMaxLength",
      max: MYSQL_MAX_CHARS,
      when: is("mysql"),
    }),
    (p, f) => `${f.label} is ${p.actual as number} characters; MySQL allows at most ${MYSQL_MAX_CHARS}`,
  ),
  noNul({
    id: "digitalocean.userName.mongodbNul",
    who: "MongoDB",
    when: is("mongodb"),
  }),
  forbidsChar({
    id: "digitalocean.userName.opensearchColon",
    char: ":",
    who: "OpenSearch",
    why: "it separates name and password in HTTP basic auth",
    when: is("opensearch"),
  }),
  withMessage(
    maxChars({
      id: "digitalocean.userName.maxLength",
      max: STRICT_MAX_CHARS,
      profile: "strict",
    }),
    (p, f) =>
      `${f.label} is ${p.actual as number} characters; strict allows at most ${STRICT_MAX_CHARS} (the limit of Aiven, which runs DigitalOcean's databases)`,
  ),
  {
    id: "digitalocean.userName.pattern",
    profile: "strict",
    check: (v) => (STRICT_RE.test(v) ? undefined : firstOffender(v)),
    message: (p, f) =>
      p.index === 0
        ? `${f.label} starts with ${quoteJson(p.char)}; strict requires a first character in A-Z a-z 0-9 _ ? (Aiven's service-user pattern)`
        : `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; strict allows only A-Z a-z 0-9 _ ? * . - (Aiven's service-user pattern)`,
    jsonSchema: { pattern: STRICT_PATTERN },
  },
] satisfies Rule<C>[];

export const userName: FieldSpec<C> = { name: "userName", label: "user name", rules: userNameRules };
