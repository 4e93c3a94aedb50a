/**
 * JSON Schema (draft 2020-12) views of fields and request shapes, for tools that are not JavaScript.
 * Rules JSON Schema cannot say (byte lengths, case-insensitive reserved names, duplicates by key)
 * are listed under `x-dbusers-unexpressed`, so a consumer knows the schema is looser than the rules.
 */
import type { BaseContext, FieldSpec, JsonSchema, Rule } from "../types.js";
import type { ObjectShape, Shape } from "./shape.js";

export const UNEXPRESSED = "x-dbusers-unexpressed";

function active<C extends BaseContext>(
  rule: { profile: string; when?: (ctx: C) => boolean },
  ctx: C,
): boolean {
  if (rule.profile === "strict" && ctx.profile !== "strict") return false;
  return rule.when === undefined || rule.when(ctx);
}

function fragment<C extends BaseContext>(rule: Rule<C>, ctx: C): JsonSchema | undefined {
  const js = rule.jsonSchema;
  return typeof js === "function" ? js(ctx) : js;
}

export function fieldSchema<C extends BaseContext>(spec: FieldSpec<C>, ctx: C): JsonSchema {
  const allOf: JsonSchema[] = [];
  const unexpressed: string[] = [];
  for (const rule of spec.rules) {
    if (!active(rule, ctx)) continue;
    const js = fragment(rule, ctx);
    if (js) allOf.push(js);
    else unexpressed.push(rule.id);
  }
  return {
    type: "string",
    title: spec.label,
    ...(spec.secret ? { writeOnly: true } : {}),
    ...(allOf.length > 0 ? { allOf } : {}),
    ...(unexpressed.length > 0 ? { [UNEXPRESSED]: unexpressed } : {}),
  };
}

function objectSchema<C extends BaseContext>(shape: ObjectShape<C>, ctx: C): JsonSchema {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const unexpressed: string[] = [];
  for (const [key, prop] of Object.entries(shape.props)) {
    const gate = prop.allowedWhen;
    if (gate && active(gate.rule, ctx) && !gate.test(ctx)) {
      properties[key] = false;
      continue;
    }
    properties[key] = shapeSchema(prop.shape, ctx);
    if (prop.required) required.push(key);
  }
  const closed =
    shape.unknownKeys === "reject" || (shape.unknownKeys === "reject-in-strict" && ctx.profile === "strict");
  const allOf: JsonSchema[] = [];
  for (const check of shape.checks ?? []) {
    if (!active(check, ctx)) continue;
    if (check.jsonSchema) allOf.push(check.jsonSchema);
    else unexpressed.push(check.id);
  }
  if (shape.deriveContext) unexpressed.push("context derived from sibling fields");
  const min =
    shape.minProperties && active(shape.minProperties.rule, ctx) ? shape.minProperties.count : undefined;
  return {
    type: "object",
    title: shape.label,
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(closed ? { additionalProperties: false } : {}),
    // minProperties counts any key, the rule counts known ones: exact only when the object is closed.
    ...(min !== undefined ? (closed ? { minProperties: min } : {}) : {}),
    ...(allOf.length > 0 ? { allOf } : {}),
    ...(unexpressed.length > 0 || (min !== undefined && !closed)
      ? {
          [UNEXPRESSED]: [
            ...unexpressed,
            ...(min !== undefined && !closed ? [shape.minProperties!.rule.id] : []),
          ],
        }
      : {}),
  };
}

/** The JSON Schema of any shape in a given context (profile, engine, auth type). */
export function shapeSchema<C extends BaseContext>(shape: Shape<C>, ctx: C): JsonSchema {
  switch (shape.kind) {
    case "field":
      return fieldSchema(shape.spec, ctx);
    case "boolean":
      return { type: "boolean", title: shape.label };
    case "enum":
      return active(shape.rule, ctx)
        ? { type: "string", title: shape.label, enum: [...shape.values] }
        : { type: "string", title: shape.label, examples: [...shape.values] };
    case "object":
      return objectSchema(shape, ctx);
    case "array": {
      const unique = shape.unique && active(shape.unique.rule, ctx) ? [shape.unique.rule.id] : [];
      return {
        type: "array",
        title: shape.label,
        items: shapeSchema(shape.items, ctx),
        ...(shape.minItems && active(shape.minItems.rule, ctx) ? { minItems: shape.minItems.count } : {}),
        ...(shape.maxItems && active(shape.maxItems.rule, ctx) ? { maxItems: shape.maxItems.count } : {}),
        ...(unique.length > 0 ? { [UNEXPRESSED]: unique } : {}),
      };
    }
  }
}
