/** Validates one value against a field's rules: a plain loop over the rules that apply. */
import type { BaseContext, FieldSpec, Rule, RuleParams, Violation } from "../types.js";
import { fieldInfo, fieldViolation, formatPath, type PathSegment, typeName } from "./violation.js";

export interface WalkEnv {
  readonly provider: string;
  readonly vendor: string;
}

/** Runs `check`, counting a throwing check as a failure (validators are total). */
function failureOf<C extends BaseContext>(rule: Rule<C>, value: string, ctx: C): RuleParams | undefined {
  try {
    return rule.check(value, ctx);
  } catch {
    return {};
  }
}

/** Whether a rule runs in this context: strict rules only in the strict profile, then its `when`. */
export function applies<C extends BaseContext>(
  rule: { readonly profile: string; when?(ctx: C): boolean },
  ctx: C,
): boolean {
  if (rule.profile === "strict" && ctx.profile !== "strict") return false;
  return rule.when === undefined || rule.when(ctx);
}

/**
 * Runs a field's rules on one value, in order, and appends what fails. Total: never throws. `at` is
 * the path, as text or as segments formatted only when something fails.
 */
export function checkField<C extends BaseContext>(
  spec: FieldSpec<C>,
  value: unknown,
  ctx: C,
  at: string | readonly PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  const path = () => (typeof at === "string" ? at : formatPath(at));
  if (typeof value !== "string") {
    const actual = typeName(value);
    out.push({
      path: path(),
      rule: `${env.provider}.${spec.name}.type`,
      message: `${spec.label} must be a string, but got ${actual}`,
      params: { expected: "string", actual },
    });
    return;
  }
  for (const rule of spec.rules) {
    if (!applies(rule, ctx)) continue;
    const params = failureOf(rule, value, ctx);
    if (params !== undefined) out.push(fieldViolation(path(), rule, params, fieldInfo(spec, env.vendor)));
  }
}
