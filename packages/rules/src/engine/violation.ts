/** Building violations: path text, secret-safe params, and type names that never run caller code. */
import type { BaseContext, FieldInfo, FieldSpec, Rule, RuleParams, Violation } from "../types.js";

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["users", 1, "name"]` → `users[1].name`; odd keys are quoted: `labels["a b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Params that would reveal part of a value; dropped for secret fields. */
const REVEALING_PARAMS = new Set(["char", "chars", "value", "found", "sample", "index", "codeUnit"]);

function safeParams(params: RuleParams, secret: boolean): RuleParams {
  if (!secret) return params;
  const out: RuleParams = {};
  for (const key of Object.keys(params)) if (!REVEALING_PARAMS.has(key)) out[key] = params[key];
  return out;
}

/** What a rule's message is told about its field. */
export function fieldInfo<C extends BaseContext>(spec: FieldSpec<C>, vendor: string): FieldInfo {
  return { label: spec.label, vendor, secret: spec.secret === true };
}

export function fieldViolation<C extends BaseContext>(
  path: string,
  rule: Rule<C>,
  params: RuleParams,
  info: FieldInfo,
): Violation {
  const kept = safeParams(params, info.secret);
  let message: string;
  try {
    message = rule.message(kept, info);
  } catch {
    message = `${info.label} breaks rule ${rule.id}`;
  }
  return { path, rule: rule.id, message, params: kept };
}

/**
 * `Array.isArray` that never throws: it throws a TypeError for a revoked Proxy, which is then
 * treated as what it is, an object nothing can be read from.
 */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * A caller-given name (a field, an operation, a provider) for a message: the string itself, or its
 * type. `String(x)` would throw for an object whose `toString` is not callable, or run its code.
 */
export function nameOf(value: unknown): string {
  return typeof value === "string" ? value : typeName(value);
}

/** A JS type name for messages: never the value itself, and no code of the value runs. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (isArray(value)) return "an array";
  const t = typeof value;
  if (t === "object") return "an object";
  if (t === "undefined") return "undefined";
  return `a ${t}`;
}
