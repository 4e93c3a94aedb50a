/**
 * Counts the work of string and array methods while a function runs: each call of a method that
 * walks its receiver (slice, shift, splice, join, indexOf, toLowerCase, replace …) costs the
 * receiver's length. A linear algorithm does O(n) of it for an input of length n; one that trims
 * with `shift()` in a loop, or slices off one character at a time, does O(n²). No clock involved.
 */
/** What one call costs: the receiver walked (`this`), or the result built (`out`), or the argument matched. */
type Cost = "this" | "out" | "arg";

const STRING_METHODS: Record<string, Cost> = {
  slice: "out",
  substring: "out",
  substr: "out",
  trim: "this",
  trimStart: "this",
  trimEnd: "this",
  replace: "this",
  replaceAll: "this",
  normalize: "this",
  toLowerCase: "this",
  toUpperCase: "this",
  split: "this",
  startsWith: "arg",
  endsWith: "arg",
  includes: "this",
  indexOf: "this",
  lastIndexOf: "this",
  padEnd: "out",
  padStart: "out",
  concat: "out",
  search: "this",
  match: "this",
  localeCompare: "this",
};
const ARRAY_METHODS: Record<string, Cost> = {
  shift: "this",
  unshift: "this",
  splice: "this",
  slice: "out",
  join: "out",
  indexOf: "this",
  lastIndexOf: "this",
  includes: "this",
  concat: "out",
  reverse: "this",
  filter: "this",
  map: "this",
  forEach: "this",
  some: "this",
  every: "this",
  find: "this",
  findIndex: "this",
  reduce: "this",
};

const lengthOf = (v: unknown) =>
  typeof v === "string" || Array.isArray(v) ? (v as { length: number }).length : 1;

function wrap(proto: object, costs: Record<string, Cost>, add: (n: number) => void): () => void {
  const originals = Object.keys(costs).map((name) => [name, Reflect.get(proto, name)] as const);
  for (const [name, original] of originals) {
    const cost = costs[name]!;
    Reflect.set(proto, name, function (this: { length: number }, ...args: unknown[]) {
      const out = Reflect.apply(original as (...a: unknown[]) => unknown, this, args);
      add(cost === "this" ? this.length : cost === "out" ? lengthOf(out) : lengthOf(args[0]));
      return out;
    });
  }
  return () => {
    for (const [name, original] of originals) Reflect.set(proto, name, original);
  };
}

/** The units of work `fn` does through the instrumented methods (its result is discarded). */
export function workOf(fn: () => unknown): number {
  let work = 0;
  const add = (n: number) => {
    work += n;
  };
  const restore = [wrap(String.prototype, STRING_METHODS, add), wrap(Array.prototype, ARRAY_METHODS, add)];
  try {
    fn();
  } catch {
    // NoValidNameError is an answer too; the work up to it counts.
  } finally {
    for (const undo of restore) undo();
  }
  return work;
}
