/**
 * Values a careless or hostile caller can pass where data is expected: revoked Proxies, Proxies
 * whose every trap throws, objects whose getters, `toString`, `toJSON` or `Symbol.toPrimitive`
 * throw, null-prototype objects, arrays whose elements or length cannot be read. Built fresh for
 * every run (a revoked Proxy stays revoked).
 */
import { fc } from "./fc.js";

const boom = () => {
  throw new Error("hostile");
};

const ALL_TRAPS_THROW: ProxyHandler<object> = {
  get: boom,
  set: boom,
  has: boom,
  ownKeys: boom,
  getOwnPropertyDescriptor: boom,
  getPrototypeOf: boom,
  defineProperty: boom,
  deleteProperty: boom,
  isExtensible: boom,
  preventExtensions: boom,
  setPrototypeOf: boom,
  apply: boom,
  construct: boom,
};

function revoked(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

export const HOSTILE_KINDS = {
  revokedObject: () => revoked({}),
  revokedArray: () => revoked([]),
  revokedFunction: () => revoked(() => undefined),
  trapsThrow: () => new Proxy({}, ALL_TRAPS_THROW),
  arrayTrapsThrow: () => new Proxy([], ALL_TRAPS_THROW),
  throwingGetter: () =>
    Object.defineProperty({}, "name", { get: boom, enumerable: true }) as Record<string, unknown>,
  throwingConversions: () => ({ toString: boom, valueOf: boom, toJSON: boom, [Symbol.toPrimitive]: boom }),
  nullPrototype: () => Object.assign(Object.create(null) as object, { name: "x", toString: boom }),
  nullPrototypeEmpty: () => Object.create(null) as object,
  unreadableElements: () =>
    Object.defineProperty(["a", "b"], 0, { get: boom, enumerable: true, configurable: true }) as unknown[],
  unreadableLength: () =>
    new Proxy(["a"], {
      get: (target, key) => (key === "length" ? boom() : Reflect.get(target, key)),
    }),
  boxedString: () => new String("root"),
  symbol: () => Symbol("x"),
  bigint: () => 10n,
} as const;

export type HostileKind = keyof typeof HOSTILE_KINDS;

/** Kinds nothing can be read from: wherever one sits, the validators must report it. */
export const UNREADABLE_KINDS: readonly HostileKind[] = [
  "revokedObject",
  "revokedArray",
  "revokedFunction",
  "trapsThrow",
  "arrayTrapsThrow",
];

/** One hostile value, made fresh when the property runs. */
export const hostile: fc.Arbitrary<() => unknown> = fc
  .constantFrom(...(Object.keys(HOSTILE_KINDS) as HostileKind[]))
  .map((kind) => HOSTILE_KINDS[kind]);

/** An unreadable value, made fresh when the property runs. */
export const unreadable: fc.Arbitrary<() => unknown> = fc
  .constantFrom(...UNREADABLE_KINDS)
  .map((kind) => HOSTILE_KINDS[kind]);

/** Every path (as keys) inside a JSON-like value, the value itself included (the empty path). */
export function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) for (const [i, item] of value.entries()) out.push(...pathsOf(item, [...at, i]));
  else if (typeof value === "object" && value !== null)
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...at, key]));
  return out;
}

/** A deep copy of `value` with `replacement` at `path`. */
export function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}
