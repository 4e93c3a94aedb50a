/**
 * The `{user}` and `{db}` URL path segments (facts §3.1). A user segment is percent-decoded twice by
 * the server (once by the proxy or WSGI, once more by Trove's `unquote_user_host`), and in between
 * the routes library cuts a trailing `.json` off as a "format". Encoding `.` as `%2E` and `%` as
 * `%25` before the ordinary encoding (the vendor's `%252E` rule) survives all three steps exactly.
 */
import { RulesError } from "../../engine/errors.js";

/** A user as the server addresses it: `name@host`, host `%` when absent. */
export interface UserAddress {
  readonly name: string;
  readonly host: string;
}

function encode(value: string, what: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw new RulesError(
      "INVALID_PATH_SEGMENT",
      `${what} contains a lone surrogate and cannot be put in a URL`,
    );
  }
}

/** The `{user}` segment for `name` at `host` (default `%`), safe through both server-side decodes. */
export function encodeUserPathSegment(name: string, host = "%"): string {
  return encode(`${name}@${host}`.replace(/%/g, "%25").replace(/\./g, "%2E"), "user name or host");
}

/** The `{db}` segment (delete database, revoke access): decoded once, and database names have no dot. */
export function encodeDatabasePathSegment(name: string): string {
  return encode(name, "database name");
}

const HEX = /^[0-9A-Fa-f]{2}$/;
const UTF8 = new TextDecoder("utf-8");

/**
 * Python's `urllib.parse.unquote`: ASCII runs are percent-decoded to bytes and read as UTF-8 with
 * U+FFFD for bad bytes; a `%` not followed by two hex digits stays as it is; other characters pass through.
 */
export function pythonUnquote(value: string): string {
  if (!value.includes("%")) return value;
  let out = "";
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) out += UTF8.decode(new Uint8Array(bytes));
    bytes = [];
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) {
      flush();
      out += value[i];
    } else if (c === 0x25 && HEX.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c);
  }
  flush();
  return out;
}

/** Trove ≥ 2013-11 re-attaches a routes "format" suffix unless it is an expected one: now only `json`. */
function dropJsonFormat(id: string): string {
  return id.length > ".json".length && id.endsWith(".json") ? id.slice(0, -".json".length) : id;
}

/**
 * How the server reads a `{user}` segment: decode, drop a `.json` suffix, decode again, then split
 * at the last `@` (no `@`, or a trailing one, means the whole text is the name and the host is `%`).
 */
export function decodeUserPathSegment(segment: string): UserAddress {
  const text = pythonUnquote(dropJsonFormat(pythonUnquote(segment)));
  const at = text.lastIndexOf("@");
  if (at === -1 || at === text.length - 1) return { name: text, host: "%" };
  return { name: text.slice(0, at), host: text.slice(at + 1) };
}
