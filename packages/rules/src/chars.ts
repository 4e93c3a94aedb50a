/** Character tables, folds and measures the rule factories share. */

/** Only ASCII code units. */
export function isAscii(value: string): boolean {
  return /^[\x00-\x7f]*$/.test(value);
}

/** `A`–`Z` to `a`–`z` only: the fold PostgreSQL applies to unquoted identifiers (ASCII only). */
export function asciiLower(value: string): string {
  for (let i = 0; i < value.length; i++) {
    // Past ASCII, toLowerCase would fold more than A–Z (É, Σ …): only then the slower replace.
    if (value.charCodeAt(i) > 0x7f) return value.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  }
  return value.toLowerCase();
}

/**
 * Whether `value` equals one of `names` (lower-case ASCII) after folding A–Z, compared unit by unit
 * against the names of its length: no lower-cased copy, no hashing.
 */
export function foldedMatcher(names: readonly string[]): (value: string) => boolean {
  const byLength = new Map<number, string[]>();
  for (const name of names) byLength.set(name.length, [...(byLength.get(name.length) ?? []), name]);
  return (value) => {
    const candidates = byLength.get(value.length);
    if (candidates === undefined) return false;
    next: for (const name of candidates) {
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(i)) continue next;
      }
      return true;
    }
    return false;
  };
}

/**
 * The ASCII code units whose lower case starts one of `folded` (lower-case names). Lower-casing maps
 * an ASCII first unit to the first unit of the result (only Σ and İ have context or length effects),
 * so a value starting with an unmarked ASCII unit cannot fold to a reserved name.
 */
export function foldedFirsts(folded: Iterable<string>): Uint8Array {
  const firsts = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    for (const name of folded) if (name === "" || name.startsWith(lower)) firsts[c] = 1;
  }
  return firsts;
}

const WIDE_CACHE_LIMIT = 4096;

/** A regex class as a Latin-1 table (for inline loops) and a test for any code unit. */
export interface ClassTable {
  readonly latin1: Uint8Array;
  test(codeUnit: number): boolean;
}

/**
 * Whether one UTF-16 code unit is in a regex class (the body of a `[...]`, `u` flag): a table for
 * Latin-1, and the regex, remembered per unit, beyond it (names rarely use many distinct ones).
 */
export function classTable(charClass: string): ClassTable {
  const one = new RegExp(`^[${charClass}]$`, "u");
  const latin1 = new Uint8Array(256);
  for (let c = 0; c < 256; c++) latin1[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
  const wide = new Map<number, boolean>();
  const test = (c: number): boolean => {
    if (c < 256) return latin1[c] === 1;
    let hit = wide.get(c);
    if (hit === undefined) {
      hit = one.test(String.fromCharCode(c));
      if (wide.size < WIDE_CACHE_LIMIT) wide.set(c, hit);
    }
    return hit;
  };
  return { latin1, test };
}

/** A high surrogate: only a value holding one can have fewer code points than code units. */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Length in code points (what JSON Schema's maxLength and Python's len count), without allocating. */
export function codePointLength(value: string): number {
  // The regex scans natively, several times faster than a charCodeAt loop on a long value.
  if (!HIGH_SURROGATE.test(value)) return value.length;
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
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

const HEX = "0123456789ABCDEF";

/** A code unit as four upper-case hex digits (`U+00E9`), without toString/toUpperCase/padStart. */
export function hex4(c: number): string {
  return HEX[(c >> 12) & 15]! + HEX[(c >> 8) & 15]! + HEX[(c >> 4) & 15]! + HEX[c & 15]!;
}

/** What JS `\s` matches (all BMP): Python's `\s` for str is the same set but for U+001C–U+001F. */
export function isWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The lengths ASCII names can be matched at after lower-casing: the only non-ASCII unit that
 * lower-cases into ASCII is the Kelvin sign (K → k), one unit for one, so a match has the name's
 * length. Non-ASCII names (İ lower-cases to two units) give no lengths.
 */
export function asciiLengths(names: readonly string[]): { lengths?: ReadonlySet<number> } {
  return names.every(isAscii) ? { lengths: new Set(names.map((n) => n.length)) } : {};
}
