/**
 * Turns one provider's data and documentation into its public functions. Every provider entry
 * point (`@dbusers/rules/rackspace`, …) is `bindProvider(definition, docs)`, so importing one vendor
 * never pulls in another; the documentation table is only read by `describeRules` and `suggestName`.
 */

import type { StandardSchemaV1 } from "../standard-schema-types.js";
import type { BaseContext, FieldSpec, JsonSchema, ProviderDocs, Violation } from "../types.js";
import {
  type AnyDefinition,
  bindValidators,
  type CtxOf,
  type ProviderValidators,
} from "./bind-validators.js";
import { describeField, type RuleDescription } from "./describe.js";
import { NoValidNameError, RulesError, UnknownRuleTargetError } from "./errors.js";
import { documentOf, fieldSchema, shapeSchema } from "./json-schema.js";
import { type GeneratePasswordOptions, generateWithPolicy } from "./password.js";
import type { Infer, Shape } from "./shape.js";
import { nameOf } from "./violation.js";

export interface ProviderRules<D extends AnyDefinition, I> extends ProviderValidators<D, I> {
  readonly id: D["id"];
  readonly vendor: string;
  readonly definition: D;
  /** Fields you can validate, describe and (names only) suggest. */
  readonly fieldNames: readonly (keyof D["fields"] & string)[];
  readonly operationNames: readonly (keyof D["operations"] & string)[];
  describeRules(field: keyof D["fields"] & string, context?: I): RuleDescription[];
  suggestName(field: keyof D["fields"] & string, raw: unknown, context?: I): string;
  generatePassword(options?: GeneratePasswordOptions & { readonly context?: I }): string;
  toJSONSchema(
    shape: (keyof D["fields"] & string) | (keyof D["operations"] & string),
    context?: I,
  ): JsonSchema;
  standardSchema<K extends keyof D["operations"] & string>(
    operation: K,
    context?: I,
  ): StandardSchemaV1<Infer<D["operations"][K]>>;
  standardSchemaForField(field: keyof D["fields"] & string, context?: I): StandardSchemaV1<string>;
}

function pathSegments(path: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  const re = /([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

function toResult<T>(value: unknown, violations: Violation[]): StandardSchemaV1.Result<T> {
  if (violations.length === 0) return { value: value as T };
  return { issues: violations.map((v) => ({ message: v.message, path: pathSegments(v.path) })) };
}

export function bindProvider<D extends AnyDefinition, I = Partial<CtxOf<D>>>(
  definition: D,
  docs: ProviderDocs<CtxOf<D>>,
): ProviderRules<D, I> {
  type C = CtxOf<D>;
  const fields = definition.fields as Record<string, FieldSpec<C>>;
  const operations = definition.operations as Record<string, Shape<C>>;
  // Validation lives in one place, shared with the validate-only entry points.
  const { validateField, validateRequest } = bindValidators<D, I>(definition);

  function requireField(field: string): FieldSpec<C> {
    const spec = typeof field === "string" && Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (!spec) throw new UnknownRuleTargetError(`${nameOf(field)} is not a ${definition.vendor} field`);
    return spec;
  }

  function suggestName(field: string, raw: unknown, context?: I): string {
    const spec = requireField(field);
    if (spec.secret)
      throw new UnknownRuleTargetError(`${spec.label} is a secret: use generatePassword instead`);
    if (typeof raw !== "string")
      throw new NoValidNameError(definition.id, field, "the input is not a string", []);
    const { ctx } = definition.resolveContext(context);
    if (validateField(field, raw, context).length === 0) return raw;
    let candidate: string | undefined;
    try {
      candidate = docs.fields[field]?.suggest?.(raw, ctx as C);
    } catch {
      candidate = undefined;
    }
    const left = candidate === undefined ? undefined : validateField(field, candidate, context);
    if (candidate === undefined || left === undefined || left.length > 0) {
      const rules = validateField(field, raw, context).map((v) => v.rule);
      throw new NoValidNameError(definition.id, field, "nothing usable is left after the fixes", rules);
    }
    return candidate;
  }

  function generatePassword(options: GeneratePasswordOptions & { readonly context?: I } = {}): string {
    const policy = definition.password;
    if (!policy) {
      throw new RulesError(
        "NOT_APPLICABLE",
        `${definition.vendor} generates passwords itself; there is nothing to generate client-side`,
      );
    }
    const validate = (value: string) => validateField(policy.field.name, value, options.context);
    return generateWithPolicy(definition.id, policy, validate, options);
  }

  function toJSONSchema(name: string, context?: I): JsonSchema {
    const { ctx } = definition.resolveContext(context);
    // Only strings: turning another value into a key could run (or trip on) its own `toString`.
    if (typeof name === "string" && Object.hasOwn(fields, name))
      return documentOf(fieldSchema(fields[name]!, ctx as C, docs.schemas));
    if (typeof name === "string" && Object.hasOwn(operations, name))
      return documentOf(shapeSchema(operations[name]!, ctx as C, docs.schemas));
    throw new UnknownRuleTargetError(
      `${nameOf(name)} is neither a ${definition.vendor} field nor a request shape`,
    );
  }

  return {
    id: definition.id,
    vendor: definition.vendor,
    definition,
    fieldNames: Object.keys(fields) as (keyof D["fields"] & string)[],
    operationNames: Object.keys(operations) as (keyof D["operations"] & string)[],
    validateField,
    validateRequest,
    describeRules: (field, context) =>
      describeField(requireField(field), definition.resolveContext(context).ctx as C, docs),
    suggestName,
    generatePassword,
    toJSONSchema,
    standardSchema: (operation, context) => ({
      "~standard": {
        version: 1,
        vendor: "@dbusers/rules",
        validate: (value: unknown) => toResult(value, validateRequest(operation, value, context)),
      },
    }),
    standardSchemaForField: (field, context) => ({
      "~standard": {
        version: 1,
        vendor: "@dbusers/rules",
        validate: (value: unknown) => toResult<string>(value, validateField(field, value, context)),
      },
    }),
  };
}

export type { BaseContext };
