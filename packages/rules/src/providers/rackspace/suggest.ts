/**
 * The closest valid user and database names. The engine re-validates every suggestion and returns
 * already-valid input unchanged, so these only need to turn an invalid name into a valid one.
 */
import { asciiFold, replaceDisallowed, trimWith, truncateCodePoints } from "../../engine/suggest.js";
import {
  DB_DOCUMENTED_WORD_CLASS,
  DB_SPECIALS,
  DB_WORD_CLASS,
  DOCUMENTED_NOT_AT_EDGES,
  FORBIDDEN_CHARS,
  RESERVED_DATABASES,
  RESERVED_DATABASES_ANY_VERSION,
  RESERVED_USERS,
} from "./constants.js";
import type { RackspaceContext as C } from "./context.js";

const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, "\\$&");

/** One character the profile allows in a user name (or password). */
const PRINTABLE = /^[ -~]$/u;
const FORBIDDEN = new RegExp(`[${escapeClass(FORBIDDEN_CHARS)}]`, "u");
const USER_EDGE = {
  strict: new RegExp(`^[\\s${escapeClass(DOCUMENTED_NOT_AT_EDGES)}]$`, "u"),
  server: /^\s$/u,
};

function userCharAllowed(ch: string): boolean {
  return PRINTABLE.test(ch) && !FORBIDDEN.test(ch);
}

/** Reserved names are short, and none of them ends in `_1`. */
const unreserve = (name: string, reserved: boolean) => (reserved ? `${name}_1` : name);

export function suggestUserName(raw: string, ctx: C): string {
  let name = "";
  for (const ch of asciiFold(raw)) name += userCharAllowed(ch) ? ch : "_";
  const edge = USER_EDGE[ctx.profile];
  name = trimWith(truncateCodePoints(trimWith(name, edge), 16), edge);
  const key = ctx.profile === "strict" ? name.toLowerCase() : name;
  return unreserve(name, (RESERVED_USERS as readonly string[]).includes(key));
}

const DB_CHAR = {
  strict: new RegExp(`^[${DB_DOCUMENTED_WORD_CLASS}${DB_SPECIALS}]$`, "u"),
  server: new RegExp(`^[${DB_WORD_CLASS}${DB_SPECIALS}]$`, "u"),
};
const DB_EDGE = new RegExp(`^[${DB_SPECIALS}]$`, "u");
const DB_RUN = new RegExp(`[${DB_SPECIALS}]+`, "u");
const DB_SPECIAL = new RegExp(`[${DB_SPECIALS}]`, "gu");

/** Keeps the first run of spaces/?/#/@ and turns later ones into `_` ("a b c" → "a b_c"). */
function keepFirstRun(name: string): string {
  const run = DB_RUN.exec(name);
  if (run === null) return name;
  const end = run.index + run[0].length;
  return name.slice(0, end) + name.slice(end).replace(DB_SPECIAL, "_");
}

/** The engine re-validates the result, so a name with no letter or digit left ends as NoValidNameError. */
export function suggestDatabaseName(raw: string, ctx: C): string {
  let name = keepFirstRun(trimWith(replaceDisallowed(asciiFold(raw), DB_CHAR[ctx.profile], "_"), DB_EDGE));
  name = trimWith(truncateCodePoints(name, 64), DB_EDGE);
  if (name.length === 1) name += "_";
  const reserved: readonly string[] =
    ctx.profile === "strict" ? RESERVED_DATABASES_ANY_VERSION : RESERVED_DATABASES;
  return unreserve(name, reserved.includes(ctx.profile === "strict" ? name.toLowerCase() : name));
}
