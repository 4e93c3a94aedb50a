/**
 * A tiny schema language for request bodies as the vendor receives them. Shapes are plain data, so
 * the same description drives validation, JSON Schema, Standard Schema and `describeRules`.
 * Builders carry the TypeScript type of the body they describe (`Infer<typeof shape>`).
 */

import type { BaseContext, FieldSpec, JsonSchema, RuleParams, RuleProfile } from "../types.js";
import type { ItemKey } from "./seen-keys.js";

/** A structural rule that is not about one string (an array's length, a pair of fields). */
export interface StructuralRule<C extends BaseContext = BaseContext> {
  /** Stable id: `<provider>.<operation>.<rule>`; the key of its documentation. */
  readonly id: string;
  readonly profile: RuleProfile;
  when?(ctx: C): boolean;
  message(params: RuleParams): string;
}

interface Typed<T> {
  /** Phantom: never set at run time; carries the body type for `Infer`. */
  readonly "~type"?: T;
}

export interface FieldShape<C extends BaseContext = BaseContext> extends Typed<string> {
  readonly kind: "field";
  readonly spec: FieldSpec<C>;
}

export interface EnumShape<V extends string = string, C extends BaseContext = BaseContext> extends Typed<V> {
  readonly kind: "enum";
  readonly label: string;
  readonly values: readonly V[];
  readonly rule: StructuralRule<C>;
}

export interface BooleanShape extends Typed<boolean> {
  readonly kind: "boolean";
  readonly label: string;
}

export interface Prop<C extends BaseContext = BaseContext> {
  readonly shape: Shape<C>;
  readonly required: boolean;
  /** The property is only meaningful in some contexts (one engine); elsewhere it is refused. */
  readonly allowedWhen?: { test(ctx: C): boolean; readonly rule: StructuralRule<C> };
}

/** A check over a whole object: pairs of fields, "at least one of", and the like. */
export interface ObjectCheck<C extends BaseContext = BaseContext> extends StructuralRule<C> {
  /** Returns failures with the property they point at (or none for the object itself). */
  check(
    obj: Readonly<Record<string, unknown>>,
    ctx: C,
  ): ReadonlyArray<{ readonly key?: string; readonly params: RuleParams }> | undefined;
  readonly jsonSchema?: JsonSchema;
}

/** What to do with keys the vendor does not read. */
export type UnknownKeys = "allow" | "reject" | "reject-in-strict";

export interface ObjectShape<C extends BaseContext = BaseContext, T = unknown> extends Typed<T> {
  readonly kind: "object";
  readonly label: string;
  readonly props: Readonly<Record<string, Prop<C>>>;
  readonly unknownKeys: UnknownKeys;
  readonly checks?: readonly ObjectCheck<C>[];
  /**
   * Some rules depend on sibling fields (Atlas: the auth type decides the username format). Returns
   * the context keys to override for this object and everything inside it.
   */
  deriveContext?(obj: Readonly<Record<string, unknown>>, ctx: C): Partial<C> | undefined;
}

export interface ArrayShape<C extends BaseContext = BaseContext, T = unknown> extends Typed<T[]> {
  readonly kind: "array";
  readonly label: string;
  readonly items: Shape<C>;
  readonly minItems?: { readonly count: number; readonly rule: StructuralRule<C> };
  /**
   * Items whose key is equal are duplicates (e.g. the same `name@host` twice). `key` only has to be
   * equal exactly when the items are: one string, or parts compared one by one (`[name, host]`);
   * `show` writes the `key` param of the violation (default: the key; parts as a JSON array).
   */
  readonly unique?: {
    key(item: unknown): ItemKey | undefined;
    show?(item: unknown): string;
    readonly rule: StructuralRule<C>;
  };
}

export type Shape<C extends BaseContext = BaseContext> =
  | FieldShape<C>
  | EnumShape<string, C>
  | BooleanShape
  | ObjectShape<C, unknown>
  | ArrayShape<C, unknown>;

/** The TypeScript type of the body a shape describes. */
export type Infer<S> = S extends Typed<infer T> ? T : never;

// ---- builders -------------------------------------------------------------------------------

export function field<C extends BaseContext>(spec: FieldSpec<C>): FieldShape<C> {
  return { kind: "field", spec };
}

export function oneOf<const V extends string, C extends BaseContext>(
  label: string,
  values: readonly V[],
  rule: StructuralRule<C>,
): EnumShape<V, C> {
  return { kind: "enum", label, values, rule };
}

export function boolean(label: string): BooleanShape {
  return { kind: "boolean", label };
}

interface RequiredProp<S> {
  readonly "~required": true;
  readonly shape: S;
}
interface OptionalProp<S> {
  readonly "~required": false;
  readonly shape: S;
}

export function required<S>(shape: S): RequiredProp<S> {
  return { "~required": true, shape };
}

export function optional<S>(shape: S): OptionalProp<S> {
  return { "~required": false, shape };
}

type PropInput = RequiredProp<unknown> | OptionalProp<unknown>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectType<P extends Record<string, PropInput>> = Simplify<
  { [K in keyof P as P[K] extends RequiredProp<unknown> ? K : never]: Infer<P[K]["shape"]> } & {
    [K in keyof P as P[K] extends OptionalProp<unknown> ? K : never]?: Infer<P[K]["shape"]>;
  }
>;

export interface ObjectOptions<C extends BaseContext> {
  readonly unknownKeys?: UnknownKeys;
  readonly checks?: readonly ObjectCheck<C>[];
  readonly deriveContext?: ObjectShape<C>["deriveContext"];
  /** Per-property context gates, keyed like `props`. */
  readonly allowedWhen?: Readonly<Record<string, NonNullable<Prop<C>["allowedWhen"]>>>;
}

export function object<C extends BaseContext, const P extends Record<string, PropInput>>(
  label: string,
  props: P,
  options: ObjectOptions<C> = {},
): ObjectShape<C, ObjectType<P>> {
  const built: Record<string, Prop<C>> = {};
  for (const [key, input] of Object.entries(props)) {
    const gate = options.allowedWhen?.[key];
    built[key] = {
      shape: input.shape as Shape<C>,
      required: input["~required"],
      ...(gate ? { allowedWhen: gate } : {}),
    };
  }
  return {
    kind: "object",
    label,
    props: built,
    unknownKeys: options.unknownKeys ?? "allow",
    ...(options.checks ? { checks: options.checks } : {}),
    ...(options.deriveContext ? { deriveContext: options.deriveContext } : {}),
  };
}

export interface ArrayOptions<C extends BaseContext> {
  readonly minItems?: ArrayShape<C>["minItems"];
  readonly unique?: ArrayShape<C>["unique"];
}

export function array<C extends BaseContext, S extends Shape<C>>(
  label: string,
  items: S,
  options: ArrayOptions<C> = {},
): ArrayShape<C, Infer<S>> {
  return { kind: "array", label, items, ...options };
}
