/**
 * Path segments for `/databaseUsers/{databaseName}/{username}`, escaped exactly as the official Go
 * SDK does with `url.PathEscape` (atlas.md §5): A–Z a–z 0–9 - _ . ~ and $ & + : = @ stay, every
 * other byte of the UTF-8 encoding becomes %XX with upper-case hex, `/` included (`%2F`). Atlas
 * decodes the path once, so an OIDC or ARN username with `/` addresses the right user.
 */
import { RulesError } from "../../engine/errors.js";

// encodeURIComponent leaves A–Z a–z 0–9 - _ . ! ~ * ' ( ): PathEscape also escapes ! * ' ( ),
// and leaves $ & + : = @ (sub-delims and pchar extras that Go's shouldEscape keeps in a segment).
const KEPT_BY_GO = /%(?:24|26|2B|3A|3D|40)/g;
const ESCAPED_BY_GO = /[!'()*]/g;

/**
 * `url.PathEscape(value)` in TypeScript. Throws a `RulesError` (code `INVALID_PATH_SEGMENT`) for a
 * non-string or a string with a lone surrogate, which has no UTF-8 form: silently sending U+FFFD
 * instead could address (or delete) a different user.
 */
export function encodeAtlasPathSegment(value: string): string {
  if (typeof value !== "string")
    throw new RulesError("INVALID_PATH_SEGMENT", "a path segment must be a string");
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw new RulesError(
      "INVALID_PATH_SEGMENT",
      "the path segment has a lone surrogate, which has no UTF-8 form",
    );
  }
  return encoded
    .replace(KEPT_BY_GO, (m) => String.fromCharCode(Number.parseInt(m.slice(1), 16)))
    .replace(ESCAPED_BY_GO, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
