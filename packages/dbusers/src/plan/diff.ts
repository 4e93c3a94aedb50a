/**
 * Which fields of a desired user differ from the user a target holds. A field the file leaves out
 * is not managed. Within a field, what the file says must hold and what the vendor adds is allowed:
 * object keys the file does not set (a Kafka ACL's server-made `id`) are not differences, and lists
 * are compared without regard to order, each desired item matched by a different actual one.
 * What a vendor says in two ways counts once: a list left out is an empty one (Atlas answers `[]`
 * for no scopes, Rackspace leaves out a user's databases), an empty description is none (a PATCH
 * with `""` clears it, docs/vendors/atlas.md §7), and a date is its instant (Atlas answers a
 * date-only `deleteAfterDate` as midnight UTC, §7).
 */
import type { UserField, UserSpec } from "../model.js";
import { USER_FIELDS } from "../spec.js";

export interface FieldDiff {
  readonly field: UserField;
  readonly from: unknown;
  readonly to: unknown;
}

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

const LISTS: ReadonlySet<UserField> = new Set(["roles", "scopes", "labels", "databases"]);

/** Whether the field's actual value holds the desired one, once both say it the same way. */
function holds(field: UserField, want: unknown, have: unknown): boolean {
  if (LISTS.has(field)) return covers(want, have ?? []);
  if (field === "description") return want === (have ?? "");
  if (field === "deleteAfterDate" && typeof want === "string" && typeof have === "string") {
    const a = Date.parse(want);
    return Number.isNaN(a) ? want === have : a === Date.parse(have);
  }
  return covers(want, have);
}

/** The fields `desired` sets that `actual` does not hold, in a stable order. */
export function diffUser(desired: UserSpec, actual: UserSpec): FieldDiff[] {
  const changes: FieldDiff[] = [];
  for (const field of USER_FIELDS) {
    const want = desired[field];
    if (want === undefined) continue;
    if (!holds(field, want, actual[field])) changes.push({ field, from: actual[field] ?? null, to: want });
  }
  return changes;
}
