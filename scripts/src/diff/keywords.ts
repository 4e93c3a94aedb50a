import { asArray, asStringArray, isDeepEqual, isObject, type JsonObject } from "../lib/json.js";
import {
  type ChangeKind,
  type Direction,
  loosened,
  loosenedReason,
  type Severity,
  tightened,
  tightenedReason,
} from "./change.js";

/*
 * Keyword-level comparisons of one schema pair: type, enum and value constraints. Whether a change
 * narrows or widens the accepted values decides its severity, via the direction (see change.ts).
 */

export interface SchemaDiffContext {
  oldDoc: JsonObject;
  newDoc: JsonObject;
  direction: Direction;
  /** Receives each change; `field` is the dotted path inside the schema ("" for the root). */
  emit(
    kind: ChangeKind,
    severity: Severity,
    reason: string,
    field: string,
    before?: unknown,
    after?: unknown,
  ): void;
  /** Pairs of `$ref`s being compared on the current descent, so recursive schemas end. */
  seen: Set<string>;
}

/** Bounds whose larger value is the stricter one, and the reverse. */
const LOWER_BOUNDS = ["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum"];
const UPPER_BOUNDS = ["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum"];
/** Keywords where any new or different value may reject old values. */
const OPAQUE_CONSTRAINTS = ["pattern", "format", "multipleOf"];

export function typesOf(schema: JsonObject): string[] {
  const types = Array.isArray(schema.type)
    ? asStringArray(schema.type)
    : typeof schema.type === "string"
      ? [schema.type]
      : [];
  if (types.length === 0 && isObject(schema.properties)) types.push("object");
  if (schema.nullable === true && !types.includes("null")) types.push("null");
  return types.sort();
}

/** Returns true when the type changed outright, so the caller can skip comparing the rest. */
export function diffTypes(ctx: SchemaDiffContext, o: JsonObject, n: JsonObject, field: string): boolean {
  const before = typesOf(o);
  const after = typesOf(n);
  if (isDeepEqual(before, after)) return false;
  const widened = before.length > 0 && (after.length === 0 || before.every((type) => after.includes(type)));
  const narrowed = after.length > 0 && (before.length === 0 || after.every((type) => before.includes(type)));
  const severity = widened ? loosened(ctx.direction) : narrowed ? tightened(ctx.direction) : "breaking";
  const reason = widened
    ? loosenedReason(ctx.direction)
    : narrowed
      ? tightenedReason(ctx.direction)
      : "the value has a different type";
  ctx.emit("type-changed", severity, reason, field, before, after);
  return !widened && !narrowed;
}

export function diffEnum(ctx: SchemaDiffContext, o: JsonObject, n: JsonObject, field: string): void {
  if (!Array.isArray(o.enum) || !Array.isArray(n.enum)) {
    if (Array.isArray(o.enum) !== Array.isArray(n.enum)) {
      const added = Array.isArray(n.enum);
      ctx.emit(
        "constraint-changed",
        added ? tightened(ctx.direction) : loosened(ctx.direction),
        `enum ${added ? "added" : "removed"}: ${added ? tightenedReason(ctx.direction) : loosenedReason(ctx.direction)}`,
        field,
        o.enum,
        n.enum,
      );
    }
    return;
  }
  const has = (list: unknown[], value: unknown) => list.some((item) => isDeepEqual(item, value));
  for (const value of n.enum.filter((item) => !has(asArray(o.enum), item))) {
    ctx.emit(
      "enum-value-added",
      loosened(ctx.direction),
      ctx.direction === "response"
        ? "clients that switch over the known values meet one they do not handle"
        : "one more value is accepted",
      field,
      undefined,
      value,
    );
  }
  for (const value of o.enum.filter((item) => !has(asArray(n.enum), item))) {
    ctx.emit(
      "enum-value-removed",
      tightened(ctx.direction),
      ctx.direction === "request"
        ? "requests that send this value will be rejected"
        : "the value is no longer returned",
      field,
      value,
      undefined,
    );
  }
}

export function diffConstraints(ctx: SchemaDiffContext, o: JsonObject, n: JsonObject, field: string): void {
  const report = (keyword: string, tighter: boolean) =>
    ctx.emit(
      "constraint-changed",
      tighter ? tightened(ctx.direction) : loosened(ctx.direction),
      `${keyword} ${o[keyword] === undefined ? "added" : n[keyword] === undefined ? "removed" : "changed"}: ${
        tighter ? tightenedReason(ctx.direction) : loosenedReason(ctx.direction)
      }`,
      field,
      o[keyword],
      n[keyword],
    );
  for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const before = o[keyword];
    const after = n[keyword];
    if (isDeepEqual(before, after)) continue;
    const lower = LOWER_BOUNDS.includes(keyword);
    if (typeof before !== "number") report(keyword, true);
    else if (typeof after !== "number") report(keyword, false);
    else report(keyword, lower ? after > before : after < before);
  }
  for (const keyword of OPAQUE_CONSTRAINTS) {
    if (!isDeepEqual(o[keyword], n[keyword])) report(keyword, n[keyword] !== undefined);
  }
  if (o.uniqueItems !== n.uniqueItems && (o.uniqueItems === true || n.uniqueItems === true)) {
    report("uniqueItems", n.uniqueItems === true);
  }
  if (ctx.direction === "request" && !isDeepEqual(o.default, n.default)) {
    ctx.emit(
      "default-changed",
      "potentially-breaking",
      "requests that leave the field out now get another value",
      field,
      o.default,
      n.default,
    );
  }
}
