/** Validates one string value against a field's rules (the hot path of every validator). */
import type { BaseContext, FieldSpec, Rule, Violation } from "../types.js";
import { type FieldPlan, planFor } from "./plan.js";
import { SCREENED_RULES } from "./screen.js";
import { fieldInfo, fieldViolation, formatPath, type PathSegment, typeName } from "./violation.js";

export interface WalkEnv {
  readonly provider: string;
  readonly vendor: string;
}

/** Runs `check`, counting a throwing check as a failure (validators are total). */
function failureOf<C extends BaseContext>(
  rule: Rule<C>,
  value: string,
  ctx: C,
): Record<string, unknown> | undefined {
  try {
    return rule.check(value, ctx);
  } catch {
    return {};
  }
}

/** Runs rule `i` of the plan on `value`, appending its violation if it fails. */
function runRule<C extends BaseContext>(
  plan: FieldPlan<C>,
  i: number,
  value: string,
  ctx: C,
  at: string | readonly PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  const rule = plan.rules[i]!;
  if (rule.when !== undefined && !rule.when(ctx)) return;
  const params = failureOf(rule, value, ctx);
  if (params === undefined) return;
  const path = typeof at === "string" ? at : formatPath(at);
  let info = plan.info;
  if (info === undefined || info.vendor !== env.vendor) {
    info = fieldInfo(plan.spec as never, env.vendor);
    plan.info = info;
  }
  out.push(fieldViolation(path, rule as never, params, info));
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
  checkPlanned(planFor(spec), value, ctx, at, env, out);
}

/** `checkField` with the field's plan already at hand (callers that validate it often keep it). */
export function checkPlanned<C extends BaseContext>(
  plan: FieldPlan<C>,
  value: unknown,
  ctx: C,
  at: string | readonly PathSegment[],
  env: WalkEnv,
  out: Violation[],
): void {
  const { spec } = plan;
  if (typeof value !== "string") {
    out.push({
      path: typeof at === "string" ? at : formatPath(at),
      rule: `${env.provider}.${spec.name}.type`,
      message: `${spec.label} must be a string, but got ${typeName(value)}`,
      params: { expected: "string", actual: typeName(value) },
    });
    return;
  }
  const strict = ctx.profile === "strict";
  let suspects = plan.screen(value) & (strict ? plan.strictMask : plan.serverMask);
  const { rules } = plan;
  // Lowest bit first: the rules run in their order, so violations keep it.
  while (suspects !== 0) {
    const i = 31 - Math.clz32(suspects & -suspects);
    suspects &= suspects - 1;
    runRule(plan, i, value, ctx, at, env, out);
  }
  // Rules past the screen's 32 (no field has that many) run one by one.
  for (let i = SCREENED_RULES; i < rules.length; i++) {
    if (rules[i]!.profile === "strict" && !strict) continue;
    runRule(plan, i, value, ctx, at, env, out);
  }
}
