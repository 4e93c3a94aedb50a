/** Character tables and folds the rule factories share, built once per rule. */

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
