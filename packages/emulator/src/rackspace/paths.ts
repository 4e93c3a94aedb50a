/**
 * How Trove reads URLs (docs/vendors/rackspace.md §3.1, §3.2). The web server percent-decodes the
 * whole path once before routing; the routes library cuts a trailing `.json` off the `{user}` id; Trove
 * percent-decodes that id again and splits it at the last `@`. A client that encodes a user segment
 * only once fails here exactly as it does on the real service.
 */

const HEX = /^[0-9A-Fa-f]{2}$/;
const UTF8 = new TextDecoder("utf-8");

/**
 * Python's `urllib.parse.unquote`: `%XX` runs become bytes read as UTF-8 (U+FFFD for bad bytes); a
 * `%` without two hex digits stays as it is. Unlike `decodeURIComponent`, it never throws.
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

/** Trove re-attaches a routes "format" suffix unless it is an expected one, now only `json`. */
export function dropJsonFormat(id: string): string {
  return id.length > ".json".length && id.endsWith(".json") ? id.slice(0, -".json".length) : id;
}

export interface UserAddress {
  readonly name: string;
  readonly host: string;
}

/**
 * `unquote_user_host` on a segment the web server has already decoded once: decode again, then
 * split at the last `@`; no `@`, or one at the very end, means the whole text is the name at `%`.
 */
export function userFromSegment(onceDecoded: string): UserAddress {
  const text = pythonUnquote(dropJsonFormat(onceDecoded));
  const at = text.lastIndexOf("@");
  if (at === -1 || at === text.length - 1) return { name: text, host: "%" };
  return { name: text.slice(0, at), host: text.slice(at + 1) };
}

/** Python's `urllib.parse.quote` with its default safe character `/`. */
function pythonQuote(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, "/");
}

/**
 * The `next` link Trove builds: the marker goes through `url_quote` and then `urlencode`, so it is
 * percent-encoded twice (`app@%` becomes `app%2540%2525`); decoding it once gives back `app%40%25`,
 * not the marker.
 */
export function nextLink(pageUrl: string, limit: number, marker: string): string {
  const once = pythonQuote(marker);
  const twice = encodeURIComponent(once).replace(/%20/g, "+");
  return `${pageUrl}?limit=${limit}&marker=${twice}`;
}
