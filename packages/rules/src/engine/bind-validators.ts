/**
 * The two validators of a provider, and nothing else: no documentation table, JSON Schema,
 * suggestions or passwords. `bindProvider` builds on this, and validate-only entry points
 * (`@dbusers/rules/digitalocean/validate`) use it alone, so a client bundle carries only what
 * validating needs.
 */

import type { FieldSpec, ProviderDefinition, Violation } from "../types.js";
import { checkField, type WalkEnv } from "./check-field.js";
import type { Shape } from "./shape.js";
import { walk } from "./validate.js";
import { nameOf } from "./violation.js";

// biome-ignore lint/suspicious/noExplicitAny: the variance escape hatch for "any provider definition"; never public.
export type AnyDefinition = ProviderDefinition<any, string, string>;
export type CtxOf<D extends AnyDefinition> =
  Parameters<D["resolveContext"]> extends [unknown] ? ReturnType<D["resolveContext"]>["ctx"] : never;

export interface ProviderValidators<D extends AnyDefinition, I> {
  validateField(field: keyof D["fields"] & string, value: unknown, context?: I): Violation[];
  validateRequest(operation: keyof D["operations"] & string, input: unknown, context?: I): Violation[];
}

/** What validating reads of a provider: its name, fields and request shapes, but no context reader. */
export type ProviderValidation<D extends AnyDefinition> = Pick<D, "id" | "vendor" | "fields" | "operations">;

/** The validators of one context fixed in advance: nothing to read or report about a context. */
export interface FixedValidators<D extends AnyDefinition> {
  validateField(field: keyof D["fields"] & string, value: unknown): Violation[];
  validateRequest(operation: keyof D["operations"] & string, input: unknown): Violation[];
}

/**
 * The validators for one context a client fixes in advance (its profile): the same rules,
 * violations and messages as `bindValidators` given that context, without the provider's context
 * reader, which only callers passing context objects of their own need. A client bundle that
 * imports only these does not carry it.
 */
export function bindFixedValidators<D extends AnyDefinition>(
  validation: ProviderValidation<D>,
  ctx: CtxOf<D>,
): FixedValidators<D> {
  const { validateField, validateRequest } = bindValidators({
    ...validation,
    resolveContext: () => ({ ctx, violations: [] }),
  });
  return {
    validateField: (field, value) => validateField(field, value),
    validateRequest: (operation, input) => validateRequest(operation, input),
  };
}

export function bindValidators<D extends AnyDefinition, I = Partial<CtxOf<D>>>(
  definition: D,
): ProviderValidators<D, I> {
  type C = CtxOf<D>;
  const env: WalkEnv = { provider: definition.id, vendor: definition.vendor };
  const fields = definition.fields as Record<string, FieldSpec<C>>;
  const operations = definition.operations as Record<string, Shape<C>>;

  const unknownTarget = (kind: string, name: unknown): Violation => ({
    path: kind,
    rule: `${definition.id}.${kind}.unknown`,
    message: `${nameOf(name)} is not a ${definition.vendor} ${kind}; known: ${Object.keys(kind === "field" ? fields : operations).join(", ")}`,
    params: { known: Object.keys(kind === "field" ? fields : operations) },
  });

  return {
    validateField(field: string, value: unknown, context?: I): Violation[] {
      const spec = typeof field === "string" && Object.hasOwn(fields, field) ? fields[field] : undefined;
      if (!spec) return [unknownTarget("field", field)];
      const { ctx, violations } = definition.resolveContext(context);
      checkField(spec, value, ctx as C, field, env, violations);
      return violations;
    },
    validateRequest(operation: string, input: unknown, context?: I): Violation[] {
      const shape =
        typeof operation === "string" && Object.hasOwn(operations, operation)
          ? operations[operation]
          : undefined;
      if (!shape) return [unknownTarget("operation", operation)];
      const { ctx, violations } = definition.resolveContext(context);
      walk(shape, input, ctx as C, [], env, violations);
      return violations;
    },
  };
}
