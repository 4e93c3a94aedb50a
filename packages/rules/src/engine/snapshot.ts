/** Reading request values without letting a throwing getter or proxy trap escape. */

export const UNREADABLE: unique symbol = Symbol("unreadable");

/** Reads a property without letting a throwing getter escape (and without allocating). */
export function read(obj: object, key: string | number): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

export interface Snapshot {
  /** Every own enumerable property, read once, so a getter that returns different values cannot fool the checks. */
  readonly values: Record<string, unknown>;
  /** The snapshot's keys. */
  readonly keys: readonly string[];
  /** Keys whose getter threw: left out of `values`. */
  readonly unreadable: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * Spreading is one builtin call; when a getter or proxy trap throws, the properties are read one by
 * one instead. Undefined when not even the keys can be listed.
 */
export function snapshotOf(value: object): Snapshot | undefined {
  try {
    const values = { ...value };
    return { values, keys: Object.keys(values), unreadable: NONE };
  } catch {
    // read key by key below
  }
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return undefined;
  }
  const values: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const key of keys) {
    const got = read(value, key);
    if (got !== UNREADABLE) values[key] = got;
    else unreadable.push(key);
  }
  return { values, keys, unreadable };
}
