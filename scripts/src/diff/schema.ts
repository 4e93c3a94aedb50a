import { asArray, asObject, asStringArray, type JsonObject } from "../lib/json.js";
import { deref } from "../lib/openapi.js";
import { type Direction, loosened, loosenedReason, tightened, tightenedReason } from "./change.js";
import { diffConstraints, diffEnum, diffTypes, type SchemaDiffContext } from "./keywords.js";

export type { SchemaDiffContext };

/** Dereferences a schema and folds `allOf` into one object, as a client sees the result. */
function flatten(doc: JsonObject, node: unknown): JsonObject {
  const schema = asObject(deref(doc, node));
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  const merged: JsonObject = { ...rest };
  for (const part of allOf.map((item) => flatten(doc, item))) {
    merged.properties = { ...asObject(merged.properties), ...asObject(part.properties) };
    merged.required = [...new Set([...asStringArray(merged.required), ...asStringArray(part.required)])];
    for (const [key, value] of Object.entries(part)) if (!(key in merged)) merged[key] = value;
  }
  return merged;
}

/** A property is part of a request unless readOnly, part of a response unless writeOnly. */
function visible(schema: JsonObject, direction: Direction): boolean {
  return direction === "request" ? schema.readOnly !== true : schema.writeOnly !== true;
}

function join(field: string, name: string): string {
  return field === "" ? name : `${field}.${name}`;
}

function diffFlag(
  ctx: SchemaDiffContext,
  flag: "readOnly" | "writeOnly",
  o: JsonObject,
  n: JsonObject,
  field: string,
): void {
  if ((o[flag] === true) === (n[flag] === true)) return;
  // readOnly only matters in requests (the client may no longer send it), writeOnly only in responses.
  const relevant = flag === "readOnly" ? "request" : "response";
  if (ctx.direction !== relevant) return;
  const gained = n[flag] === true;
  const reason =
    flag === "readOnly"
      ? gained
        ? "requests may no longer send this field"
        : "requests may now send this field"
      : gained
        ? "responses no longer return this field"
        : "responses now return this field";
  ctx.emit(
    flag === "readOnly" ? "read-only-changed" : "write-only-changed",
    gained ? "breaking" : "non-breaking",
    reason,
    field,
    o[flag] === true,
    n[flag] === true,
  );
}

function diffProperties(ctx: SchemaDiffContext, o: JsonObject, n: JsonObject, field: string): void {
  const oldProps = asObject(o.properties);
  const newProps = asObject(n.properties);
  const oldRequired = asStringArray(o.required);
  const newRequired = asStringArray(n.required);
  const request = ctx.direction === "request";
  for (const name of new Set([...Object.keys(oldProps), ...Object.keys(newProps)])) {
    const path = join(field, name);
    const before = name in oldProps ? flatten(ctx.oldDoc, oldProps[name]) : undefined;
    const after = name in newProps ? flatten(ctx.newDoc, newProps[name]) : undefined;
    const wasVisible = before !== undefined && visible(before, ctx.direction);
    const isVisible = after !== undefined && visible(after, ctx.direction);
    if (before && after) {
      diffFlag(ctx, "readOnly", before, after, path);
      diffFlag(ctx, "writeOnly", before, after, path);
    }
    if (!before && isVisible) {
      const required = newRequired.includes(name);
      ctx.emit(
        "field-added",
        request && required ? "breaking" : "non-breaking",
        request
          ? required
            ? "a new required request field: existing requests lack it"
            : "a new optional request field"
          : "a new response field; clients that ignore unknown fields keep working",
        path,
        undefined,
        after.type,
      );
    } else if (wasVisible && !after) {
      ctx.emit(
        "field-removed",
        "breaking",
        request
          ? "requests that send it may be rejected, or the setting silently ignored"
          : "clients that read this field get nothing",
        path,
        before.type,
        undefined,
      );
    }
    if (!wasVisible || !isVisible) continue;
    const wasRequired = oldRequired.includes(name);
    const isRequired = newRequired.includes(name);
    if (wasRequired !== isRequired) {
      const breaking = request ? isRequired : !isRequired;
      ctx.emit(
        "field-required-changed",
        breaking ? "breaking" : "non-breaking",
        request
          ? isRequired
            ? "requests must now send this field"
            : "requests may now leave this field out"
          : isRequired
            ? "responses now always carry this field"
            : "responses may now leave this field out",
        path,
        wasRequired,
        isRequired,
      );
    }
    diffSchema(ctx, oldProps[name], newProps[name], path);
  }
}

function diffVariants(
  ctx: SchemaDiffContext,
  keyword: "oneOf" | "anyOf",
  o: JsonObject,
  n: JsonObject,
  field: string,
): void {
  const before = asArray(o[keyword]);
  const after = asArray(n[keyword]);
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const path = `${field}<${keyword}[${index}]>`;
    if (index >= before.length)
      ctx.emit("variant-added", loosened(ctx.direction), loosenedReason(ctx.direction), path);
    else if (index >= after.length)
      ctx.emit("variant-removed", tightened(ctx.direction), tightenedReason(ctx.direction), path);
    else diffSchema(ctx, before[index], after[index], path);
  }
}

/** Compares two schemas (either may be a `$ref`) as seen from `ctx.direction`, emitting each change. */
export function diffSchema(ctx: SchemaDiffContext, oldNode: unknown, newNode: unknown, field = ""): void {
  // Only the refs on the current descent are tracked: a recursive schema stops, while the same
  // component used under another field or operation is still compared there.
  const refKey = `${String(asObject(oldNode).$ref)}|${String(asObject(newNode).$ref)}`;
  const isRef = refKey !== "undefined|undefined";
  if (isRef && ctx.seen.has(refKey)) return;
  if (isRef) ctx.seen.add(refKey);
  try {
    const o = flatten(ctx.oldDoc, oldNode);
    const n = flatten(ctx.newDoc, newNode);
    // A type that changed outright makes every keyword below noise.
    if (diffTypes(ctx, o, n, field)) return;
    diffEnum(ctx, o, n, field);
    diffConstraints(ctx, o, n, field);
    diffProperties(ctx, o, n, field);
    if (o.items !== undefined || n.items !== undefined) diffSchema(ctx, o.items, n.items, `${field}[]`);
    diffVariants(ctx, "oneOf", o, n, field);
    diffVariants(ctx, "anyOf", o, n, field);
  } finally {
    if (isRef) ctx.seen.delete(refKey);
  }
}
