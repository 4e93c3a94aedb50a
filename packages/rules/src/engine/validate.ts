/** The two validators: one string field, or a whole request body walked against its shape. */
import type { BaseContext, Violation } from "../types.js";
import { applies, checkField, type WalkEnv } from "./check-field.js";
import { type ItemKey, SeenKeys } from "./seen-keys.js";
import type { ArrayShape, ObjectShape, Shape, StructuralRule } from "./shape.js";
import { read, snapshotOf, UNREADABLE } from "./snapshot.js";
import { generic, structural, typeRule, unreadableRule } from "./structural.js";
import { isArray, type PathSegment, typeName } from "./violation.js";

export type { WalkEnv };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !isArray(value);
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
  const taken = snapshotOf(value);
  if (taken === undefined) {
    structural(out, path, unreadableRule(env), {});
    return;
  }
  const { values: snapshot, keys } = taken;
  for (const key of taken.unreadable) {
    path.push(key);
    structural(out, path, unreadableRule(env), {});
    path.pop();
  }
  const inner = shape.deriveContext ? safeDerive(shape, snapshot, ctx) : ctx;
  let ownKnown = 0;
  for (const key in shape.props) {
    const prop = shape.props[key]!;
    const own = Object.hasOwn(snapshot, key);
    if (own) ownKnown++;
    const got = own ? snapshot[key] : undefined;
    path.push(key);
    if (got === undefined) {
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
      walk(prop.shape, got, inner, path, env, out);
    }
    path.pop();
  }
  // Every key is a known one when as many known keys are present as there are keys.
  if (ownKnown < keys.length) checkUnknownKeys(shape, keys, inner, path, env, out);
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
    const allowed = Object.keys(shape.props);
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
  if (!isArray(value)) {
    structural(out, path, typeRule(env), { expected: "an array", actual: typeName(value) });
    return;
  }
  // A Proxy of an array may throw on any read, `length` included.
  const length = read(value, "length");
  if (typeof length !== "number") {
    structural(out, path, unreadableRule(env), {});
    return;
  }
  if (shape.minItems && applies(shape.minItems.rule, ctx) && length < shape.minItems.count)
    structural(out, path, shape.minItems.rule, { min: shape.minItems.count, actual: length });
  const unique = shape.unique && applies(shape.unique.rule, ctx) ? shape.unique : undefined;
  const seen = unique ? new SeenKeys() : undefined;
  for (let i = 0; i < length; i++) {
    const got = read(value, i);
    path.push(i);
    if (got === UNREADABLE) {
      structural(out, path, unreadableRule(env), {});
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
  seen: SeenKeys,
  path: PathSegment[],
  out: Violation[],
): void {
  let key: ItemKey | undefined;
  try {
    key = unique.key(item);
  } catch {
    key = undefined;
  }
  if (key === undefined) return;
  const first = seen.firstIndexOf(key, index);
  if (first === undefined) return;
  let shown = typeof key === "string" ? key : JSON.stringify(key);
  try {
    if (unique.show) shown = unique.show(item);
  } catch {
    // keep the key
  }
  structural(out, path, unique.rule, { firstIndex: first, key: shown });
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
