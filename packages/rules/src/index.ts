/**
 * @dbusers/rules — every vendor's and engine's naming, character and length rules for database
 * users, as data plus small pure checks. This entry knows every provider; import
 * `@dbusers/rules/<provider>` instead to ship only one vendor's rules.
 */

import type { RuleDescription } from "./engine/describe.js";
import { UnknownRuleTargetError } from "./engine/errors.js";
import type { GeneratePasswordOptions } from "./engine/password.js";
import type { Infer } from "./engine/shape.js";
import { nameOf } from "./engine/violation.js";
import { atlas } from "./providers/atlas/index.js";
import { digitalocean } from "./providers/digitalocean/index.js";
import { rackspace } from "./providers/rackspace/index.js";
import type { StandardSchemaV1 } from "./standard-schema-types.js";
import type { JsonSchema, Violation } from "./types.js";

/** Every provider, by id. Adding a vendor means adding its folder and one line here. */
export const providers = { rackspace, atlas, digitalocean } as const;

type Providers = typeof providers;
export type ProviderName = keyof Providers;
export type FieldName<P extends ProviderName> = Providers[P]["fieldNames"][number];
export type OperationName<P extends ProviderName> = Providers[P]["operationNames"][number];
export type ContextInput<P extends ProviderName> = NonNullable<Parameters<Providers[P]["validateField"]>[2]>;
/** The TypeScript type of a request body, e.g. `RequestBody<"rackspace", "createUsers">`. */
export type RequestBody<P extends ProviderName, O extends OperationName<P>> = Infer<
  Providers[P]["definition"]["operations"][O & keyof Providers[P]["definition"]["operations"]]
>;

function lookup(provider: unknown): Providers[ProviderName] | undefined {
  return typeof provider === "string" && Object.hasOwn(providers, provider)
    ? providers[provider as ProviderName]
    : undefined;
}

function unknownProvider(provider: unknown): Violation[] {
  return [
    {
      path: "provider",
      rule: "rules.provider.unknown",
      message: `${nameOf(provider)} is not a known provider; known: ${Object.keys(providers).join(", ")}`,
      params: { known: Object.keys(providers) },
    },
  ];
}

type Untyped = {
  validateField(field: string, value: unknown, context?: unknown): Violation[];
  validateRequest(operation: string, input: unknown, context?: unknown): Violation[];
  describeRules(field: string, context?: unknown): RuleDescription[];
  suggestName(field: string, raw: unknown, context?: unknown): string;
  generatePassword(options?: GeneratePasswordOptions & { readonly context?: unknown }): string;
  toJSONSchema(shape: string, context?: unknown): JsonSchema;
  standardSchema(operation: string, context?: unknown): StandardSchemaV1<unknown>;
  standardSchemaForField(field: string, context?: unknown): StandardSchemaV1<string>;
};

function api(provider: unknown): Untyped {
  const found = lookup(provider);
  if (!found) throw new UnknownRuleTargetError(unknownProvider(provider)[0]!.message);
  return found as unknown as Untyped;
}

/** Validates one field. An empty array means valid. Never throws. */
export function validateField<P extends ProviderName>(
  provider: P,
  field: FieldName<P>,
  value: unknown,
  context?: ContextInput<P>,
): Violation[] {
  const found = lookup(provider) as Untyped | undefined;
  return found ? found.validateField(field, value, context) : unknownProvider(provider);
}

/** Validates a whole request body as the vendor receives it. Never throws. */
export function validateRequest<P extends ProviderName>(
  provider: P,
  operation: OperationName<P>,
  input: unknown,
  context?: ContextInput<P>,
): Violation[] {
  const found = lookup(provider) as Untyped | undefined;
  return found ? found.validateRequest(operation, input, context) : unknownProvider(provider);
}

/** The rules for a field as readable lines with their sources. */
export function describeRules<P extends ProviderName>(
  provider: P,
  field: FieldName<P>,
  context?: ContextInput<P>,
): RuleDescription[] {
  return api(provider).describeRules(field, context);
}

/** The closest valid name; throws `NoValidNameError` when none exists. */
export function suggestName<P extends ProviderName>(
  provider: P,
  field: FieldName<P>,
  raw: unknown,
  context?: ContextInput<P>,
): string {
  return api(provider).suggestName(field, raw, context);
}

/** A crypto-random password that the vendor accepts. */
export function generatePassword<P extends ProviderName>(
  provider: P,
  options?: GeneratePasswordOptions & { readonly context?: ContextInput<P> },
): string {
  return api(provider).generatePassword(options);
}

/** A JSON Schema (draft 2020-12) of a field or a request shape, for non-JavaScript tools. */
export function toJSONSchema<P extends ProviderName>(
  provider: P,
  shape: FieldName<P> | OperationName<P>,
  context?: ContextInput<P>,
): JsonSchema {
  return api(provider).toJSONSchema(shape, context);
}

/** A Standard Schema v1 object for a request shape, for form and API tooling. */
export function standardSchema<P extends ProviderName, O extends OperationName<P>>(
  provider: P,
  operation: O,
  context?: ContextInput<P>,
): StandardSchemaV1<RequestBody<P, O>> {
  return api(provider).standardSchema(operation, context) as StandardSchemaV1<RequestBody<P, O>>;
}

export type { ProviderRules } from "./engine/bind.js";
export type { RuleDescription } from "./engine/describe.js";
export { NoValidNameError, RulesError, UnknownRuleTargetError } from "./engine/errors.js";
export { JSON_SCHEMA_DIALECT, UNEXPRESSED, unexpressedRules } from "./engine/json-schema.js";
export type { GeneratePasswordOptions } from "./engine/password.js";
export type { Infer } from "./engine/shape.js";
export type { StandardSchemaV1 } from "./standard-schema-types.js";
export type { FieldInfo, JsonSchema, Profile, Rule, Violation } from "./types.js";
export { atlas, digitalocean, rackspace };
