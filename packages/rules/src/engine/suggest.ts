/** Small string helpers that provider `suggest` functions compose into "the closest valid name". */
import { utf8Length } from "../chars.js";

/** Strips accents (é → e) and drops what has no ASCII base, for vendors that accept only ASCII. */
export function asciiFold(raw: string): string {
  return raw.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** Replaces every character not matched by `allowed` (a one-character test) with `replacement`. */
export function replaceDisallowed(raw: string, allowed: RegExp, replacement: string): string {
  let out = "";
  for (const ch of raw) out += allowed.test(ch) ? ch : replacement;
  return out;
}

/** Collapses runs of `char` into one. */
export function collapseRuns(raw: string, char: string): string {
  let out = "";
  for (const ch of raw) if (!(ch === char && out.endsWith(char))) out += ch;
  return out;
}

/** The first `max` code points. */
export function truncateCodePoints(raw: string, max: number): string {
  return [...raw].slice(0, max).join("");
}

/** The longest prefix whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function truncateUtf8(raw: string, maxBytes: number): string {
  let bytes = 0;
  let out = "";
  for (const ch of raw) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/**
 * Removes leading and trailing characters matched by `edge` (tested one code point at a time). One
 * pass from each end and one slice: linear, however many characters are trimmed.
 */
export function trimWith(raw: string, edge: RegExp): string {
  let start = 0;
  while (start < raw.length) {
    const ch = String.fromCodePoint(raw.codePointAt(start)!);
    if (!edge.test(ch)) break;
    start += ch.length;
  }
  let end = raw.length;
  while (end > start) {
    // A low surrogate preceded by a high one ends a pair: test the whole code point.
    const pair =
      end - 2 >= start && /[\uDC00-\uDFFF]/.test(raw[end - 1]!) && /[\uD800-\uDBFF]/.test(raw[end - 2]!);
    const ch = raw.slice(pair ? end - 2 : end - 1, end);
    if (!edge.test(ch)) break;
    end -= ch.length;
  }
  return raw.slice(start, end);
}
