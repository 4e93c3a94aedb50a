/**
 * What makes two items of a Rackspace request the same, for its `uniqueItems` rules: database
 * references compared as Python compares JSON (by value, whatever the key order), users by name and
 * host (default `%`).
 */
import { quoteJson } from "../../engine/json-quote.js";
import type { ItemKey } from "../../engine/seen-keys.js";

/** Boxed primitives (`new String("a")`): JSON writes their value, so they are left to it. */
const boxed = (v: object) => v instanceof String || v instanceof Number || v instanceof Boolean;

/** Sorted-key JSON: Python compares JSON objects by value, whatever the key order (uniqueItems). */
export function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) && !boxed(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** One member whose value is a string: the key as its two parts. */
function singleStringMember(value: object): ItemKey | undefined {
  const keys = Object.keys(value);
  const only = keys.length === 1 ? (value as Record<string, unknown>)[keys[0]!] : undefined;
  return typeof only === "string" ? [keys[0]!, only] : undefined;
}

/**
 * Equal exactly when the canonical JSON is. An item whose canonical JSON is one member with a
 * string value (the usual `{ "name": "…" }`) is keyed by that member's two parts; every other item
 * by its canonical JSON (one string, so never equal to a key of parts). A plain object is read
 * directly; anything else (a null-prototype or class object, `toJSON`, a boxed string) is
 * stringified first, so it meets the plain objects it equals.
 */
export function itemKey(value: unknown): ItemKey | undefined {
  if (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  ) {
    const parts = singleStringMember(value);
    if (parts !== undefined) return parts;
  }
  const json = canonicalJson(value);
  if (json?.startsWith("{")) return singleStringMember(JSON.parse(json) as object) ?? json;
  return json;
}

/** Trove defaults a missing host to '%' before comparing (name, host) pairs. */
function nameAndHost(item: unknown): { name: string; host: string } | undefined {
  const { name, host: h } = item as { name?: unknown; host?: unknown };
  if (typeof name !== "string" || (h !== undefined && typeof h !== "string")) return undefined;
  return { name, host: h ?? "%" };
}

/** The pair as two parts, compared one by one. */
export const userKey = (item: unknown): ItemKey | undefined => {
  const pair = nameAndHost(item);
  return pair && [pair.name, pair.host];
};

export const showUser = (item: unknown): string => {
  const pair = nameAndHost(item);
  return pair ? `${quoteJson(pair.name)}@${quoteJson(pair.host)}` : "";
};
