/** Duplicate detection for `uniqueItems`-like rules: the keys an array's items had so far. */

const LINEAR_LIMIT = 16;

/**
 * Few items (the usual request) are compared one by one: keys of different lengths differ at once,
 * while a Map must flatten and hash every (often concatenated) key in full. Past `LINEAR_LIMIT`
 * keys, a Map keeps large arrays linear.
 */
export class SeenKeys {
  #keys: string[] = [];
  #indexes: number[] = [];
  #map: Map<string, number> | undefined;

  /** The index `key` was first seen at; undefined (and `key` remembered at `index`) if it is new. */
  firstIndexOf(key: string, index: number): number | undefined {
    const map = this.#map;
    if (map !== undefined) {
      const first = map.get(key);
      if (first === undefined) map.set(key, index);
      return first;
    }
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.#indexes[i];
    if (keys.length < LINEAR_LIMIT) {
      keys.push(key);
      this.#indexes.push(index);
      return undefined;
    }
    this.#map = new Map(keys.map((k, i) => [k, this.#indexes[i]!]));
    this.#map.set(key, index);
    this.#keys = [];
    this.#indexes = [];
    return undefined;
  }
}
