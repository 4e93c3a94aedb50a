/**
 * A field's rules compiled once: the screen that finds, in one pass, the rules that may fail on a
 * value, and which of them each profile runs. `checkField` calls `check` only for those (it confirms
 * the failure and builds the params), so the result is exactly what running each rule alone gives,
 * at the cost of one pass for a valid value.
 */
import type { BaseContext, FieldInfo, FieldSpec, Rule } from "../types.js";
import { buildScreen, SCREENED_RULES, type Screen } from "./screen.js";

export interface FieldPlan<C extends BaseContext = BaseContext> {
  readonly spec: FieldSpec<C>;
  readonly rules: readonly Rule<C>[];
  readonly screen: Screen;
  /** Bits of the screened rules each profile runs (the strict profile runs every rule). */
  readonly strictMask: number;
  readonly serverMask: number;
  /** What messages are told about the field, made at its first violation (a field has one vendor). */
  info: FieldInfo | undefined;
}

const plans = new WeakMap<object, FieldPlan<never>>();

function build<C extends BaseContext>(spec: FieldSpec<C>): FieldPlan<C> {
  let strictMask = 0;
  let serverMask = 0;
  spec.rules.slice(0, SCREENED_RULES).forEach((rule, i) => {
    strictMask |= 2 ** i;
    if (rule.profile !== "strict") serverMask |= 2 ** i;
  });
  return {
    spec,
    rules: spec.rules,
    screen: buildScreen(spec.rules),
    strictMask: strictMask >>> 0,
    serverMask: serverMask >>> 0,
    info: undefined,
  };
}

export function planFor<C extends BaseContext>(spec: FieldSpec<C>): FieldPlan<C> {
  let plan = plans.get(spec) as FieldPlan<C> | undefined;
  if (plan === undefined) {
    plan = build(spec);
    plans.set(spec, plan as FieldPlan<never>);
  }
  return plan;
}
