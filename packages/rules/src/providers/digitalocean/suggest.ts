/** The closest valid DigitalOcean user name (read by `suggestName` only). */
import {
  asciiFold,
  collapseRuns,
  replaceDisallowed,
  trimWith,
  truncateCodePoints,
} from "../../engine/suggest.js";
import type { DigitalOceanContext as C } from "./context.js";
import {
  BUILT_IN_USERS,
  MONGODB_BUILT_IN_USERS,
  MYSQL_MAX_CHARS,
  PG_MAX_BYTES,
  PG_RESERVED_NAMES,
  PG_RESERVED_PREFIX,
  STRICT_MAX_CHARS,
} from "./user-name.js";

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
