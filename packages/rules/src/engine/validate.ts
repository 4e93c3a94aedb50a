/** The two validators: one string field, or a whole request body walked against its shape. */
import type { BaseContext, FieldSpec, Rule, Violation } from "../types.js";
import { type FieldPlan, passesFast, planFor, suspects } from "./plan.js";
import type { ArrayShape, ObjectShape, Shape, StructuralRule } from "./shape.js";
import { fieldViolation, formatPath, type PathSegment, typeName } from "./violation.js";

export interface WalkEnv {
  readonly provider: string;
  readonly vendor: string;
}

function applies<C extends BaseContext>(
  rule: { profile: string; when?: (ctx: C) => boolean },
  ctx: C,
): boolean {
  if (rule.profile === "strict" && ctx.profile !== "strict") return false;
  return rule.when === undefined || rule.when(ctx);
}

/**
 * Runs a field's rules on one value and appends what fails. Total: never throws. `at` is the path,
 * as text or as segments formatted only when something fails (the hot path allocates nothing).
 */
export function checkField<C extends BaseContext>(
  spec: FieldSpec<C>,
  value: unknown,
  ctx: C,
  at: string | readonly PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  if (typeof value !== "string") {
    out.push({
      path: typeof at === "string" ? at : formatPath(at),
      rule: `${env.provider}.${spec.name}.type`,
      message: `${spec.label} must be a string, but got ${typeName(value)}`,
      params: { expected: "string", actual: typeName(value) },
    });
    return;
  }
  const plan = planFor(spec) as FieldPlan<never>;
  const maybe = plan.hasScan ? suspects(plan, value) : 0;
  const { rules, bits, strictOnly } = plan;
  const strict = ctx.profile === "strict";
  for (let i = 0; i < rules.length; i++) {
    const bit = bits[i]!;
    if (bit !== 0 ? (maybe & bit) === 0 : passesFast(plan, i, value)) continue;
    if (strictOnly[i] === 1 && !strict) continue;
    const rule = rules[i]! as unknown as Rule<C>;
    if (rule.when !== undefined && !rule.when(ctx)) continue;
    let params: Record<string, unknown> | undefined;
    try {
      params = rule.check(value, ctx);
    } catch {
      params = {};
    }
    if (params !== undefined) {
      const path = typeof at === "string" ? at : formatPath(at);
      out.push(fieldViolation(path, rule as never, params, spec as never, env.vendor));
    }
  }
}

function structural<C extends BaseContext>(
  out: Violation[],
  path: readonly PathSegment[],
  rule: StructuralRule<C>,
  params: Record<string, unknown>,
): void {
  const where = formatPath(path);
  out.push({
    path: where,
    rule: rule.id,
    message: rule.message({ path: where || "the request", ...params }),
    params,
  });
}

const generic = (id: string, message: (p: Record<string, unknown>) => string): StructuralRule<never> => ({
  id,
  description: "",
  source: "",
  profile: "both",
  message,
});

function typeRule(env: WalkEnv): StructuralRule<never> {
  return generic(
    `${env.provider}.request.type`,
    (p) => `${p.path} must be ${p.expected}, but got ${p.actual}`,
  );
}

const UNREADABLE: unique symbol = Symbol("unreadable");

/** Reads a property without letting a throwing getter escape (and without allocating). */
function read(obj: object, key: string | number): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

const propKeys = new WeakMap<object, string[]>();
function keysOf(props: object): string[] {
  let keys = propKeys.get(props);
  if (keys === undefined) {
    keys = Object.keys(props);
    propKeys.set(props, keys);
  }
  return keys;
}

function ownKeys(obj: object): string[] | undefined {
  try {
    return Object.keys(obj);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walkObject<C extends BaseContext>(
  shape: ObjectShape<C>,
  value: unknown,
  ctx: C,
  path: PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  if (!isPlainObject(value)) {
    structural(out, path, typeRule(env), { expected: "an object", actual: typeName(value) });
    return;
  }
  const keys = ownKeys(value);
  if (keys === undefined) {
    structural(
      out,
      path,
      generic(`${env.provider}.request.unreadable`, (p) => `${p.path} could not be read`),
      {},
    );
    return;
  }
  // Read every property once, so a getter that returns different values cannot fool the checks.
  const snapshot: Record<string, unknown> = {};
  for (const key of keys) {
    const got = read(value, key);
    if (got !== UNREADABLE) snapshot[key] = got;
    else {
      path.push(key);
      structural(
        out,
        path,
        generic(`${env.provider}.request.unreadable`, (p) => `${p.path} could not be read`),
        {},
      );
      path.pop();
    }
  }
  const inner = shape.deriveContext ? safeDerive(shape, snapshot, ctx) : ctx;
  if (shape.minProperties && applies(shape.minProperties.rule, inner)) {
    const known = keys.filter((k) => k in shape.props && snapshot[k] !== undefined).length;
    if (known < shape.minProperties.count)
      structural(out, path, shape.minProperties.rule, { min: shape.minProperties.count, actual: known });
  }
  for (const key of keysOf(shape.props)) {
    const prop = shape.props[key]!;
    const present = Object.hasOwn(snapshot, key) && snapshot[key] !== undefined;
    path.push(key);
    if (!present) {
      if (prop.required && !(prop.allowedWhen && !prop.allowedWhen.test(inner)))
        structural(
          out,
          path,
          generic(`${env.provider}.request.required`, (p) => `${p.path} is required by ${env.vendor}`),
          {},
        );
    } else if (prop.allowedWhen && applies(prop.allowedWhen.rule, inner) && !prop.allowedWhen.test(inner)) {
      structural(out, path, prop.allowedWhen.rule, {});
    } else {
      walk(prop.shape, snapshot[key], inner, path, env, out);
    }
    path.pop();
  }
  checkUnknownKeys(shape, keys, inner, path, env, out);
  for (const check of shape.checks ?? []) {
    if (!applies(check, inner)) continue;
    let failures: ReturnType<typeof check.check>;
    try {
      failures = check.check(snapshot, inner);
    } catch {
      failures = [{ params: {} }];
    }
    for (const failure of failures ?? []) {
      if (failure.key !== undefined) path.push(failure.key);
      structural(out, path, check, failure.params);
      if (failure.key !== undefined) path.pop();
    }
  }
}

function safeDerive<C extends BaseContext>(
  shape: ObjectShape<C>,
  snapshot: Record<string, unknown>,
  ctx: C,
): C {
  try {
    const patch = shape.deriveContext!(snapshot, ctx);
    return patch ? { ...ctx, ...patch } : ctx;
  } catch {
    return ctx;
  }
}

function checkUnknownKeys<C extends BaseContext>(
  shape: ObjectShape<C>,
  keys: readonly string[],
  ctx: C,
  path: PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  const mode = shape.unknownKeys;
  if (mode === "allow" || (mode === "reject-in-strict" && ctx.profile !== "strict")) return;
  let rule: StructuralRule<never> | undefined;
  for (const key of keys) {
    if (Object.hasOwn(shape.props, key)) continue;
    const allowed = keysOf(shape.props);
    rule ??= generic(`${env.provider}.request.unknownKey`, (p) =>
      mode === "reject"
        ? `${p.path} is not accepted by ${env.vendor} here; allowed: ${allowed.join(", ")}`
        : `${p.path} is not read by ${env.vendor}, which would silently ignore it; allowed: ${allowed.join(", ")}`,
    );
    path.push(key);
    structural(out, path, rule, { key, allowed: [...allowed] });
    path.pop();
  }
}

function walkArray<C extends BaseContext>(
  shape: ArrayShape<C>,
  value: unknown,
  ctx: C,
  path: PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  if (!Array.isArray(value)) {
    structural(out, path, typeRule(env), { expected: "an array", actual: typeName(value) });
    return;
  }
  const length = value.length;
  if (shape.minItems && applies(shape.minItems.rule, ctx) && length < shape.minItems.count)
    structural(out, path, shape.minItems.rule, { min: shape.minItems.count, actual: length });
  if (shape.maxItems && applies(shape.maxItems.rule, ctx) && length > shape.maxItems.count)
    structural(out, path, shape.maxItems.rule, { max: shape.maxItems.count, actual: length });
  const unique = shape.unique && applies(shape.unique.rule, ctx) ? shape.unique : undefined;
  const seen = unique ? new Map<string, number>() : undefined;
  for (let i = 0; i < length; i++) {
    const got = read(value, i);
    path.push(i);
    if (got === UNREADABLE) {
      structural(
        out,
        path,
        generic(`${env.provider}.request.unreadable`, (p) => `${p.path} could not be read`),
        {},
      );
    } else {
      walk(shape.items, got, ctx, path, env, out);
      if (unique && seen) checkDuplicate(unique, got, i, seen, path, out);
    }
    path.pop();
  }
}

function checkDuplicate<C extends BaseContext>(
  unique: NonNullable<ArrayShape<C>["unique"]>,
  item: unknown,
  index: number,
  seen: Map<string, number>,
  path: PathSegment[],
  out: Violation[],
): void {
  let key: string | undefined;
  try {
    key = unique.key(item);
  } catch {
    key = undefined;
  }
  if (key === undefined) return;
  const first = seen.get(key);
  if (first === undefined) seen.set(key, index);
  else structural(out, path, unique.rule, { firstIndex: first, key });
}

/** Walks any shape; appends violations to `out`. Total: never throws. */
export function walk<C extends BaseContext>(
  shape: Shape<C>,
  value: unknown,
  ctx: C,
  path: PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  switch (shape.kind) {
    case "field":
      checkField(shape.spec, value, ctx, path, env, out);
      return;
    case "boolean":
      if (typeof value !== "boolean")
        structural(out, path, typeRule(env), { expected: "a boolean", actual: typeName(value) });
      return;
    case "enum":
      if (typeof value !== "string")
        structural(out, path, typeRule(env), { expected: "a string", actual: typeName(value) });
      else if (!shape.values.includes(value) && applies(shape.rule, ctx))
        structural(out, path, shape.rule, { allowed: shape.values });
      return;
    case "object":
      walkObject(shape, value, ctx, path, env, out);
      return;
    case "array":
      walkArray(shape, value, ctx, path, env, out);
      return;
  }
}
