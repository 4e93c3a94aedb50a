import type { JsonObject } from "../lib/json.js";
import { asObject } from "../lib/json.js";
import type { OperationRef } from "../lib/openapi.js";
import type { ChangeKind, Direction, Severity } from "./change.js";
import { isNewVersionOf } from "./media-types.js";
import { diffSchema } from "./schema.js";

/** Records one change of the operation being compared. */
export type Emit = (
  kind: ChangeKind,
  direction: Direction,
  location: string,
  severity: Severity,
  reason: string,
  before?: unknown,
  after?: unknown,
) => void;

export interface Side {
  doc: JsonObject;
  op: OperationRef;
}

function schemaEmitter(emit: Emit, direction: Direction, location: string) {
  return (
    kind: ChangeKind,
    severity: Severity,
    reason: string,
    field: string,
    before?: unknown,
    after?: unknown,
  ) =>
    emit(
      kind,
      direction,
      field === "" ? location : `${location} › ${field}`,
      severity,
      reason,
      before,
      after,
    );
}

export function compareSchemas(
  emit: Emit,
  o: Side,
  n: Side,
  direction: Direction,
  location: string,
  a: unknown,
  b: unknown,
) {
  const ctx = {
    oldDoc: o.doc,
    newDoc: n.doc,
    direction,
    emit: schemaEmitter(emit, direction, location),
    seen: new Set<string>(),
  };
  diffSchema(ctx, a, b);
}

/** Compares two `content` maps (media type → schema) in one direction. */
export function diffContent(
  emit: Emit,
  o: Side,
  n: Side,
  direction: Direction,
  location: string,
  a: unknown,
  b: unknown,
): void {
  const before = asObject(a);
  const after = asObject(b);
  for (const [type, media] of Object.entries(after)) {
    const where = `${location} ${type}`;
    if (type in before) {
      compareSchemas(emit, o, n, direction, where, asObject(before[type]).schema, asObject(media).schema);
      const sunset = asObject(media)["x-sunset"];
      if (sunset !== undefined && sunset !== asObject(before[type])["x-sunset"])
        emit(
          "media-version-sunset",
          direction,
          where,
          "potentially-breaking",
          "this resource version gets a sunset date; after it the server refuses the version (move to a newer one)",
          asObject(before[type])["x-sunset"],
          sunset,
        );
    } else if (isNewVersionOf(type, Object.keys(before)))
      emit(
        "media-version-added",
        direction,
        where,
        "non-breaking",
        "a new resource version, served only to clients that ask for it in Accept or Content-Type",
      );
    else
      emit(
        "media-type-added",
        direction,
        where,
        direction === "response" ? "potentially-breaking" : "non-breaking",
        direction === "response"
          ? "clients may receive a body in a format they do not parse"
          : "one more body format is accepted",
      );
  }
  for (const type of Object.keys(before)) {
    if (!(type in after))
      emit(
        "media-type-removed",
        direction,
        `${location} ${type}`,
        "breaking",
        direction === "response"
          ? "clients that parse this format get nothing"
          : "requests in this format will be rejected",
      );
  }
}
