/** Duplicate detection for `uniqueItems`-like rules: the keys an array's items had so far. */

/**
 * An item's identity: one string, or parts compared one by one (a user's name and host), so that
 * no separator inside a part can make two different items look the same.
 */
export type ItemKey = string | readonly string[];

/**
 * One string per key: each part's length first makes the split unambiguous, and the first unit
 * tells a string key (U+0000) from parts (U+0001), so a string key and a key of parts never meet.
 */
function flatKey(key: ItemKey): string {
  if (typeof key === "string") return `\u0000${key}`;
  let out = "\u0001";
  for (const part of key) out += `${part.length}:${part}`;
  return out;
}

/** The first index of each key seen so far (a Map keeps any array linear). */
export class SeenKeys {
  readonly #first = new Map<string, number>();

  /** The index `key` was first seen at; undefined (and `key` remembered at `index`) if it is new. */
  firstIndexOf(key: ItemKey, index: number): number | undefined {
    const flat = flatKey(key);
    const first = this.#first.get(flat);
    if (first === undefined) this.#first.set(flat, index);
    return first;
  }
}
