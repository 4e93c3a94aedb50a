/** Validates one string value against a field's rules (the hot path of every validator). */
import type { BaseContext, FieldSpec, Rule, Violation } from "../types.js";
import { type FieldPlan, passesFast, planFor, suspects } from "./plan.js";
import { passesScreen } from "./screen.js";
import { fieldViolation, formatPath, type PathSegment, typeName } from "./violation.js";

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
  const strict = ctx.profile === "strict";
  const { screens } = plan;
  if (passesScreen(strict ? screens.strict : screens.server, screens.edgeAscii, maybe, value, ctx)) return;
  const { rules, bits, strictOnly } = plan;
  for (let i = 0; i < rules.length; i++) {
    const bit = bits[i]!;
    if (bit !== 0 ? (maybe & bit) === 0 : passesFast(plan, i, value)) continue;
    if (strictOnly[i] === 1 && !strict) continue;
    const rule = rules[i]! as unknown as Rule<C>;
    if (rule.when !== undefined && !rule.when(ctx)) continue;
    const params = failureOf(rule, value, ctx);
    if (params !== undefined) {
      const path = typeof at === "string" ? at : formatPath(at);
      out.push(fieldViolation(path, rule as never, params, spec as never, env.vendor));
    }
  }
}
