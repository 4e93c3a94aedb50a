/** Character tests, folds and measures the rule factories share. */

/** Only ASCII code units. */
export function isAscii(value: string): boolean {
  return /^[\x00-\x7f]*$/.test(value);
}

/** `A`–`Z` to `a`–`z` only: the fold PostgreSQL applies to unquoted identifiers (ASCII only). */
export function asciiLower(value: string): string {
  return value.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** Length in code points (what JSON Schema's maxLength and Python's len count), without allocating. */
export function codePointLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone half counts as one.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** UTF-8 length; a lone surrogate counts as the 3 bytes of U+FFFD, as TextEncoder writes it. */
export function utf8Length(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** A code unit as four upper-case hex digits (`U+00E9`). */
export function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, "0");
}

/** What JS `\s` matches (all BMP): Python's `\s` for str is the same set but for U+001C–U+001F. */
export function isWhitespace(c: number): boolean {
  return WHITESPACE.test(String.fromCharCode(c));
}
const WHITESPACE = /\s/;
