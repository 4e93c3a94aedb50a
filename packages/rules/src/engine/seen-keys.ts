/** Duplicate detection for `uniqueItems`-like rules: the keys an array's items had so far. */

/**
 * An item's identity: one string, or parts compared one by one (a user's name and host). Parts
 * spare the concatenated key, which every comparison would have to flatten first.
 */
export type ItemKey = string | readonly string[];

const LINEAR_LIMIT = 16;

function sameKey(a: ItemKey, b: ItemKey): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One string per key for the Map: each part's length first makes the split unambiguous, and the
 * first unit tells a string key (U+0000) from parts (U+0001).
 */
function flatKey(key: ItemKey): string {
  if (typeof key === "string") return `\u0000${key}`;
  let out = "\u0001";
  for (const part of key) out += `${part.length}:${part}`;
  return out;
}

/**
 * Few items (the usual request) are compared one by one: keys of different lengths differ at once,
 * while a Map must hash every key in full. Past `LINEAR_LIMIT` keys, a Map keeps large arrays linear.
 * A string key and a key of parts are never equal.
 */
export class SeenKeys {
  #keys: ItemKey[] = [];
  #indexes: number[] = [];
  #map: Map<string, number> | undefined;

  /** The index `key` was first seen at; undefined (and `key` remembered at `index`) if it is new. */
  firstIndexOf(key: ItemKey, index: number): number | undefined {
    const map = this.#map;
    if (map !== undefined) {
      const flat = flatKey(key);
      const first = map.get(flat);
      if (first === undefined) map.set(flat, index);
      return first;
    }
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) if (sameKey(keys[i]!, key)) return this.#indexes[i];
    if (keys.length < LINEAR_LIMIT) {
      keys.push(key);
      this.#indexes.push(index);
      return undefined;
    }
    this.#map = new Map(keys.map((k, i) => [flatKey(k), this.#indexes[i]!]));
    this.#map.set(flatKey(key), index);
    this.#keys = [];
    this.#indexes = [];
    return undefined;
  }
}
