/**
 * JSON Schema (draft 2020-12) views of fields and request shapes, for tools that are not JavaScript.
 * Every schema compiles in strict validators as it is (ajv's `strict: true` included): `$schema` at
 * the root, `type` beside every keyword that needs one, `required` only for properties defined at
 * that level. Rules JSON Schema cannot say (byte lengths, case-insensitive reserved names,
 * duplicates by key) are named in the annotation `$comment` of the schema they belong to, so a
 * consumer knows the schema is looser than the rules; `unexpressedRules` reads them back.
 */
import type { BaseContext, FieldSpec, JsonSchema, RuleSchema } from "../types.js";
import { applies } from "./check-field.js";
import type { ObjectShape, Shape } from "./shape.js";

/** The annotation keyword that names the rules a schema cannot express. */
export const UNEXPRESSED = "$comment";
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

const PREFIX = "Rules not expressed in JSON Schema (checked by @dbusers/rules): ";

function unexpressed(ids: readonly string[]): JsonSchema {
  return ids.length > 0 ? { [UNEXPRESSED]: `${PREFIX}${ids.join(", ")}` } : {};
}

/** The rule ids a schema node's `$comment` lists as not expressed (none for other comments). */
export function unexpressedRules(schema: JsonSchema): string[] {
  const comment = schema[UNEXPRESSED];
  if (typeof comment !== "string" || !comment.startsWith(PREFIX)) return [];
  return comment.slice(PREFIX.length).split(", ");
}

/** Hand-written fragments by rule id (a provider's `ProviderDocs.schemas`). */
export type Schemas<C extends BaseContext> = { readonly [ruleId: string]: RuleSchema<C> };

/** A rule's fragment: its own, else the one its provider wrote for it by id. */
function fragment<C extends BaseContext>(
  rule: { readonly id: string; readonly jsonSchema?: RuleSchema<C> },
  ctx: C,
  schemas: Schemas<C>,
): JsonSchema | undefined {
  const js = rule.jsonSchema ?? (Object.hasOwn(schemas, rule.id) ? schemas[rule.id] : undefined);
  return typeof js === "function" ? js(ctx) : js;
}

export function fieldSchema<C extends BaseContext>(
  spec: FieldSpec<C>,
  ctx: C,
  schemas: Schemas<C> = {},
): JsonSchema {
  const allOf: JsonSchema[] = [];
  const missing: string[] = [];
  for (const rule of spec.rules) {
    if (!applies(rule, ctx)) continue;
    const js = fragment(rule, ctx, schemas);
    if (js) allOf.push(js);
    else missing.push(rule.id);
  }
  return {
    type: "string",
    title: spec.label,
    ...(spec.secret ? { writeOnly: true } : {}),
    ...(allOf.length > 0 ? { allOf } : {}),
    ...unexpressed(missing),
  };
}

function objectSchema<C extends BaseContext>(shape: ObjectShape<C>, ctx: C, schemas: Schemas<C>): JsonSchema {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const missing: string[] = [];
  for (const [key, prop] of Object.entries(shape.props)) {
    const gate = prop.allowedWhen;
    if (gate && applies(gate.rule, ctx) && !gate.test(ctx)) {
      properties[key] = false;
      continue;
    }
    properties[key] = shapeSchema(prop.shape, ctx, schemas);
    if (prop.required) required.push(key);
  }
  const closed =
    shape.unknownKeys === "reject" || (shape.unknownKeys === "reject-in-strict" && ctx.profile === "strict");
  const allOf: JsonSchema[] = [];
  for (const check of shape.checks ?? []) {
    if (!applies(check, ctx)) continue;
    const js = fragment(check, ctx, schemas);
    if (js) allOf.push(js);
    else missing.push(check.id);
  }
  if (shape.deriveContext) missing.push("context derived from sibling fields");
  return {
    type: "object",
    title: shape.label,
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(closed ? { additionalProperties: false } : {}),
    ...(allOf.length > 0 ? { allOf } : {}),
    ...unexpressed(missing),
  };
}

/** The JSON Schema of any shape in a given context (profile, engine, auth type), without `$schema`. */
export function shapeSchema<C extends BaseContext>(
  shape: Shape<C>,
  ctx: C,
  schemas: Schemas<C> = {},
): JsonSchema {
  switch (shape.kind) {
    case "field":
      return fieldSchema(shape.spec, ctx, schemas);
    case "boolean":
      return { type: "boolean", title: shape.label };
    case "enum":
      return applies(shape.rule, ctx)
        ? { type: "string", title: shape.label, enum: [...shape.values] }
        : { type: "string", title: shape.label, examples: [...shape.values] };
    case "object":
      return objectSchema(shape, ctx, schemas);
    case "array": {
      const unique = shape.unique && applies(shape.unique.rule, ctx) ? [shape.unique.rule.id] : [];
      return {
        type: "array",
        title: shape.label,
        items: shapeSchema(shape.items, ctx, schemas),
        ...(shape.minItems && applies(shape.minItems.rule, ctx) ? { minItems: shape.minItems.count } : {}),
        ...unexpressed(unique),
      };
    }
  }
}

/** A document a validator can compile on its own: the schema with its dialect. */
export function documentOf(schema: JsonSchema): JsonSchema {
  return { $schema: JSON_SCHEMA_DIALECT, ...schema };
}
