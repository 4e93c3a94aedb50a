/**
 * The all-pass screen of a field, per profile: every `fast` pre-screen of the field fused into a
 * few comparisons (one length window, one ASCII table for the edge rules, the reserved sets, one
 * first-unit table), plus the scan bits and the `check` of the rules that have neither. A value the
 * screen passes has no violations; anything else goes through the ordered loop in `checkField`,
 * so violations keep the rules' order and exactly match each rule run alone.
 */
import type { BaseContext, Rule } from "../types.js";

export interface Screen<C extends BaseContext = BaseContext> {
  /** Every `minUnits` / `maxUnits` pre-screen at once: the value's length must lie in this window. */
  readonly minUnits: number;
  readonly maxUnits: number;
  /** Bits, in the field's `edgeAscii` table, of this profile's edge rules. */
  readonly edgeMask: number;
  readonly sets: readonly ReadonlySet<string>[];
  /** The `firstNotIn` tables merged; undefined when there are none. */
  readonly firsts: Uint8Array | undefined;
  /** Scan bits of this profile's scan rules. */
  readonly scanMask: number;
  /** Rules with neither a scan nor a `fast` test: their `check` decides. */
  readonly checks: readonly Rule<C>[];
}

export interface Screens<C extends BaseContext = BaseContext> {
  readonly strict: Screen<C>;
  readonly server: Screen<C>;
  /** Per ASCII code unit, the bits of the edge rules it breaks at the first or last position. */
  readonly edgeAscii: Uint32Array;
}

const MAX_EDGE_RULES = 32;

/** `scanBits[i]` is rule i's bit in the field's scan, or 0 when it has none. */
export function buildScreens<C extends BaseContext>(
  rules: readonly Rule<C>[],
  scanBits: Uint32Array,
): Screens<C> {
  const edgeAscii = new Uint32Array(128);
  const edgeBits = new Uint32Array(rules.length);
  let nextEdge = 0;
  rules.forEach((rule, i) => {
    const fast = rule.fast;
    if (fast?.kind !== "edges" || nextEdge >= MAX_EDGE_RULES) return;
    const bit = 2 ** nextEdge++;
    edgeBits[i] = bit;
    for (let c = 0; c < 128; c++) if (fast.test(c)) edgeAscii[c]! |= bit;
  });
  const screen = (applies: (rule: Rule<C>) => boolean): Screen<C> => {
    let minUnits = 0;
    let maxUnits = Number.POSITIVE_INFINITY;
    let edgeMask = 0;
    let scanMask = 0;
    let firsts: Uint8Array | undefined;
    const sets: ReadonlySet<string>[] = [];
    const checks: Rule<C>[] = [];
    rules.forEach((rule, i) => {
      if (!applies(rule)) return;
      const fast = rule.fast;
      if (scanBits[i] !== 0) scanMask |= scanBits[i]!;
      else if (edgeBits[i] !== 0) edgeMask |= edgeBits[i]!;
      else if (fast?.kind === "minUnits") minUnits = Math.max(minUnits, fast.n);
      else if (fast?.kind === "maxUnits") maxUnits = Math.min(maxUnits, fast.n);
      else if (fast?.kind === "notIn") sets.push(fast.set);
      else if (fast?.kind === "firstNotIn") {
        firsts ??= new Uint8Array(128);
        for (let c = 0; c < 128; c++) firsts[c]! |= fast.firsts[c]!;
      } else checks.push(rule);
    });
    return { minUnits, maxUnits, edgeMask, sets, firsts, scanMask: scanMask >>> 0, checks };
  };
  return {
    strict: screen(() => true),
    server: screen((rule) => rule.profile !== "strict"),
    edgeAscii,
  };
}

/**
 * True when `value` passes `screen`, given `suspects` (the field's scan result). False means "not
 * proven", never "invalid": a non-ASCII first or last unit, say, is left to the ordered loop.
 */
export function passesScreen<C extends BaseContext>(
  screen: Screen<C>,
  edgeAscii: Uint32Array,
  suspects: number,
  value: string,
  ctx: C,
): boolean {
  const n = value.length;
  if (n < screen.minUnits || n > screen.maxUnits || (suspects & screen.scanMask) !== 0) return false;
  const first = value.charCodeAt(0);
  if (screen.edgeMask !== 0 && n > 0) {
    const last = value.charCodeAt(n - 1);
    if (first >= 128 || last >= 128) return false;
    if (((edgeAscii[first]! | edgeAscii[last]!) & screen.edgeMask) !== 0) return false;
  }
  const { sets, firsts, checks } = screen;
  for (let k = 0; k < sets.length; k++) if (sets[k]!.has(value)) return false;
  if (firsts !== undefined && !(first < 128 && firsts[first] === 0)) return false;
  for (let k = 0; k < checks.length; k++) {
    const rule = checks[k]!;
    if (rule.when !== undefined && !rule.when(ctx)) continue;
    try {
      if (rule.check(value, ctx) !== undefined) return false;
    } catch {
      return false;
    }
  }
  return true;
}
