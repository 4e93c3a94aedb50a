/**
 * A field's rules compiled once into flat arrays, so `checkField` reads typed arrays instead of
 * rule objects of many shapes (megamorphic loads cost more than the checks themselves). Every rule
 * with a per-character `scan` runs in one shared pass over the value (an ASCII table of rule
 * bits), and rules with a `fast` pre-screen are decided inline; only rules that may fail call
 * their own `check`, which confirms the failure and builds the params. The result is exactly what
 * running each rule alone gives.
 */
import type { BaseContext, FieldSpec, Rule } from "../types.js";
import { buildScreens, type Screens } from "./screen.js";

enum Fast {
  None = 0,
  MaxUnits = 1,
  MinUnits = 2,
  Edges = 3,
  NotIn = 4,
  FirstNotIn = 5,
}

export interface FieldPlan<C extends BaseContext = BaseContext> {
  readonly rules: readonly Rule<C>[];
  /** Scan bit of each rule, or 0. */
  readonly bits: Uint32Array;
  readonly strictOnly: Uint8Array;
  readonly fastKind: Uint8Array;
  readonly fastN: Int32Array;
  readonly fastTest: ReadonlyArray<((c: number) => boolean) | undefined>;
  readonly fastSet: ReadonlyArray<ReadonlySet<string> | undefined>;
  readonly fastFirsts: ReadonlyArray<Uint8Array | undefined>;
  readonly hasScan: boolean;
  readonly forbidAscii: Uint32Array;
  readonly requireAscii: Uint32Array;
  readonly requireMask: number;
  /** The all-pass screens, tried before the ordered loop. */
  readonly screens: Screens<C>;
  /** Scan rules for code units past the tables (rare in names, so a plain loop). */
  readonly wide: ReadonlyArray<{ readonly bit: number; readonly forbid: boolean; test(c: number): boolean }>;
}

const plans = new WeakMap<object, FieldPlan<never>>();
const MAX_SCAN_RULES = 32;
/** Code units with a table entry: ASCII and Latin-1 (é, ü, ß …); the rest go through `wide`. */
const TABLE = 256;

function build<C extends BaseContext>(spec: FieldSpec<C>): FieldPlan<C> {
  const n = spec.rules.length;
  const bits = new Uint32Array(n);
  const strictOnly = new Uint8Array(n);
  const fastKind = new Uint8Array(n);
  const fastN = new Int32Array(n);
  const fastTest: (((c: number) => boolean) | undefined)[] = [];
  const fastSet: (ReadonlySet<string> | undefined)[] = [];
  const fastFirsts: (Uint8Array | undefined)[] = [];
  const forbidAscii = new Uint32Array(TABLE);
  const requireAscii = new Uint32Array(TABLE);
  const wide: { bit: number; forbid: boolean; test(c: number): boolean }[] = [];
  let requireMask = 0;
  let next = 0;
  spec.rules.forEach((rule, i) => {
    strictOnly[i] = rule.profile === "strict" ? 1 : 0;
    const fast = rule.fast;
    fastTest.push(fast?.kind === "edges" ? (c) => fast.test(c) : undefined);
    fastSet.push(fast?.kind === "notIn" ? fast.set : undefined);
    fastFirsts.push(fast?.kind === "firstNotIn" ? fast.firsts : undefined);
    if (fast?.kind === "maxUnits" || fast?.kind === "minUnits") fastN[i] = fast.n;
    fastKind[i] = !fast
      ? Fast.None
      : {
          maxUnits: Fast.MaxUnits,
          minUnits: Fast.MinUnits,
          edges: Fast.Edges,
          notIn: Fast.NotIn,
          firstNotIn: Fast.FirstNotIn,
        }[fast.kind];
    const scan = rule.scan;
    if (!scan || next >= MAX_SCAN_RULES) return;
    const bit = 2 ** next++;
    bits[i] = bit;
    const table = scan.kind === "forbid" ? forbidAscii : requireAscii;
    for (let c = 0; c < TABLE; c++) if (scan.test(c)) table[c]! |= bit;
    if (scan.kind === "require") requireMask |= bit;
    wide.push({ bit, forbid: scan.kind === "forbid", test: (c) => scan.test(c) });
  });
  return {
    rules: spec.rules,
    bits,
    strictOnly,
    fastKind,
    fastN,
    fastTest,
    fastSet,
    fastFirsts,
    hasScan: next > 0,
    forbidAscii,
    requireAscii,
    requireMask,
    screens: buildScreens(spec.rules, bits),
    wide,
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

/** Bits of the scan rules that may fail on `value`; 0 means every scan rule passes. */
export function suspects(plan: FieldPlan<never>, value: string): number {
  const { forbidAscii, requireAscii } = plan;
  let bad = 0;
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < TABLE) {
      bad |= forbidAscii[c]!;
      seen |= requireAscii[c]!;
    } else {
      for (const w of plan.wide) {
        if (w.test(c)) {
          if (w.forbid) bad |= w.bit;
          else seen |= w.bit;
        }
      }
    }
  }
  // An empty value passes every `require` scan (length rules report emptiness).
  return (value.length === 0 ? bad : bad | (plan.requireMask & ~seen)) >>> 0;
}

/** True when rule `i`'s inline pre-screen proves that `value` passes it. */
export function passesFast(plan: FieldPlan<never>, i: number, value: string): boolean {
  switch (plan.fastKind[i]) {
    case Fast.MaxUnits:
      return value.length <= plan.fastN[i]!;
    case Fast.MinUnits:
      return value.length >= plan.fastN[i]!;
    case Fast.Edges: {
      if (value.length === 0) return true;
      const test = plan.fastTest[i]!;
      return !(test(value.charCodeAt(0)) || test(value.charCodeAt(value.length - 1)));
    }
    case Fast.NotIn:
      return !plan.fastSet[i]!.has(value);
    case Fast.FirstNotIn: {
      const c = value.charCodeAt(0);
      return c < 128 && plan.fastFirsts[i]![c] === 0;
    }
    default:
      return false;
  }
}
