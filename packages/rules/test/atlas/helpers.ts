/** Small helpers shared by the Atlas tests. */

import { type AtlasAuthType, atlas } from "../../src/providers/atlas/index.js";
import type { Violation } from "../../src/types.js";

export const ids = (violations: readonly Violation[]) => violations.map((v) => v.rule);

type FieldName = (typeof atlas.fieldNames)[number];

/** Rule ids of one field value in a profile and auth type. */
export function fieldIds(
  field: FieldName,
  value: unknown,
  profile: "strict" | "server" = "strict",
  authType: AtlasAuthType = "SCRAM",
  now?: Date,
): string[] {
  return ids(atlas.validateField(field, value, { profile, authType, ...(now ? { now } : {}) }));
}

export const NOW = new Date("2026-08-10T03:06:08Z");
export const WEEK = 7 * 24 * 60 * 60 * 1000;

/** Walks a JSON-like value and returns every string in it (to look for leaked secrets). */
export function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}
