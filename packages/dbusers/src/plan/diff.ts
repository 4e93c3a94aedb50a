/**
 * Which fields of a desired user differ from the user a target holds. A field the file leaves out
 * is not managed. Within a field, what the file says must hold and what the vendor adds is allowed:
 * object keys the file does not set (a Kafka ACL's server-made `id`) are not differences, and lists
 * are compared without regard to order, each desired item matched by a different actual one.
 */
import type { UserField, UserSpec } from "../model.js";

export interface FieldDiff {
  readonly field: UserField;
  readonly from: unknown;
  readonly to: unknown;
}

const FIELDS: readonly UserField[] = [
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

/** Whether `actual` holds everything `desired` says. */
export function covers(desired: unknown, actual: unknown): boolean {
  if (Array.isArray(desired)) {
    if (!Array.isArray(actual) || actual.length !== desired.length) return false;
    const used = new Set<number>();
    return desired.every((want) => {
      const found = actual.findIndex((have, i) => !used.has(i) && covers(want, have));
      if (found < 0) return false;
      used.add(found);
      return true;
    });
  }
  if (desired !== null && typeof desired === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    return Object.entries(desired).every(([key, want]) =>
      want === undefined ? true : covers(want, (actual as Record<string, unknown>)[key]),
    );
  }
  return Object.is(desired, actual);
}

/** The fields `desired` sets that `actual` does not hold, in a stable order. */
export function diffUser(desired: UserSpec, actual: UserSpec): FieldDiff[] {
  const changes: FieldDiff[] = [];
  for (const field of FIELDS) {
    const want = desired[field];
    if (want === undefined) continue;
    if (!covers(want, actual[field])) changes.push({ field, from: actual[field] ?? null, to: want });
  }
  return changes;
}
