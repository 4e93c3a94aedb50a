/**
 * Desired fields as comparable data: `specOf` projects a listed user onto `UserSpec`,
 * `canonicalSpec` puts lists in a stable order, and `diffSpec` says which fields differ. Plans
 * (desired state against what a target holds) are built from these.
 */
import type { DbUser, UserField, UserKey, UserSpec, VendorName } from "./model.js";

/** The `UserSpec` fields beyond the key, in the order they are compared and shown. */
export const USER_FIELDS: readonly UserField[] = [
  "authType",
  "roles",
  "scopes",
  "labels",
  "description",
  "deleteAfterDate",
  "databases",
  "settings",
  "mysqlAuthPlugin",
];

/** The spec of a user: its key and chosen fields, without `vendor`, `builtIn` and `vendorData`. */
export function specOf(user: DbUser): UserSpec {
  const { vendor: _vendor, builtIn: _builtIn, vendorData: _vendorData, ...spec } = user;
  return canonicalSpec(spec);
}

/** JSON with object keys sorted, so equal values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

const byJson = <T>(items: readonly T[] | undefined): T[] | undefined =>
  items === undefined
    ? undefined
    : [...items].sort((a, b) => {
        const x = stableJson(a);
        const y = stableJson(b);
        return x < y ? -1 : x > y ? 1 : 0;
      });

/** The same spec with order-free lists (roles, scopes, labels, databases) sorted; nothing is dropped. */
export function canonicalSpec<S extends UserSpec>(spec: S): S {
  const out: Record<string, unknown> = { ...(spec as object) };
  for (const field of ["roles", "scopes", "labels", "databases"] as const) {
    if (spec[field] !== undefined) out[field] = byJson<unknown>(spec[field]);
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as S;
}

export interface FieldChange {
  readonly field: UserField;
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * The fields `desired` sets that differ from `actual`, in a stable order. A field left out of
 * `desired` is not managed and never reported; lists compare without regard to order.
 */
export function diffSpec(desired: UserSpec, actual: UserSpec): FieldChange[] {
  const want = canonicalSpec(desired);
  const have = canonicalSpec(actual);
  const changes: FieldChange[] = [];
  for (const field of USER_FIELDS) {
    if (want[field] === undefined) continue;
    if (stableJson(want[field]) !== stableJson(have[field])) {
      changes.push({ field, from: have[field], to: want[field] });
    }
  }
  return changes;
}

/** One string per user identity within a target: `name`, `name@host` (Rackspace), `authDatabase/name` (Atlas). */
export function userKeyString(vendor: VendorName, key: UserKey): string {
  if (vendor === "rackspace") return `${key.name}@${key.host ?? "%"}`;
  if (vendor === "atlas") return `${key.authDatabase ?? "admin"}/${key.name}`;
  return key.name;
}
