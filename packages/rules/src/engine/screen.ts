/**
 * The screen of a field: one function that tells, for every rule at once, whether the rule may fail
 * on a value, from the rules' `scan` and `fast` descriptions alone. Bit i of the result is rule i
 * (the first 32 rules). Every scan rule runs in one pass over the value (one table load per code
 * unit), the length pre-screens are two comparisons each, the edge rules one ASCII table, then the
 * reserved sets and first-unit tables. A rule with neither description always has its bit set: its
 * own `check` decides. `checkField` then calls `check` only for the rules whose bit is set, so a
 * valid value costs one pass and no call, and violations keep the rules' order.
 */
import type { BaseContext, Rule } from "../types.js";

/** Bits of the rules that may fail on `value` (0: every screened rule passes). */
export type Screen = (value: string) => number;

/** Rules a screen can describe: bit i is rule i. */
export const SCREENED_RULES = 32;
/** Code units with a table entry (ASCII and Latin-1); past it, the rules' own tests decide. */
const TABLE = 256;

interface Bit {
  readonly bit: number;
}
interface Bound extends Bit {
  readonly n: number;
}
interface Test extends Bit {
  test(c: number): boolean;
}
interface Reserved extends Bit {
  readonly set: ReadonlySet<string>;
}
interface FirstUnit extends Bit {
  readonly firsts: Uint8Array;
  /** Marks the lengths a match may have; undefined when any length may. */
  readonly lengths: Uint8Array | undefined;
}

function lengthTable(lengths: ReadonlySet<number> | undefined): Uint8Array | undefined {
  if (lengths === undefined) return undefined;
  const table = new Uint8Array(Math.max(0, ...lengths) + 1);
  for (const n of lengths) table[n] = 1;
  return table;
}

/** A `firstNotIn` rule may fail unless the first unit is ASCII and unmarked, or the length cannot match. */
function firstUnitMayFail(rule: FirstUnit, value: string): boolean {
  const first = value.charCodeAt(0);
  if (first < 128 && rule.firsts[first] === 0) return false;
  const { lengths } = rule;
  return lengths === undefined || (value.length < lengths.length && lengths[value.length] === 1);
}

function edgeBits(edges: Uint32Array, wide: readonly Test[], c: number): number {
  if (c < 128) return edges[c]!;
  let bits = 0;
  for (let k = 0; k < wide.length; k++) if (wide[k]!.test(c)) bits |= wide[k]!.bit;
  return bits;
}

export function buildScreen<C extends BaseContext>(rules: readonly Rule<C>[]): Screen {
  // One table for both kinds: a unit's forbid-rule bits and the require-rule bits it satisfies.
  const units = new Uint32Array(TABLE);
  let forbidMask = 0;
  const wideForbid: Test[] = [];
  const wideRequire: Test[] = [];
  const minima: Bound[] = [];
  const maxima: Bound[] = [];
  const edges = new Uint32Array(128);
  const edgeTests: Test[] = [];
  const sets: Reserved[] = [];
  const firstUnits: FirstUnit[] = [];
  let requireMask = 0;
  let always = 0;
  rules.slice(0, SCREENED_RULES).forEach((rule, i) => {
    const bit = 2 ** i;
    const { scan, fast } = rule;
    if (scan !== undefined) {
      for (let c = 0; c < TABLE; c++) if (scan.test(c)) units[c]! |= bit;
      (scan.kind === "forbid" ? wideForbid : wideRequire).push({ bit, test: scan.test });
      if (scan.kind === "require") requireMask |= bit;
      else forbidMask |= bit;
    } else if (fast?.kind === "minUnits") minima.push({ bit, n: fast.n });
    else if (fast?.kind === "maxUnits") maxima.push({ bit, n: fast.n });
    else if (fast?.kind === "edges") {
      for (let c = 0; c < 128; c++) if (fast.test(c)) edges[c]! |= bit;
      edgeTests.push({ bit, test: fast.test });
    } else if (fast?.kind === "notIn") sets.push({ bit, set: fast.set });
    else if (fast?.kind === "firstNotIn")
      firstUnits.push({ bit, firsts: fast.firsts, lengths: lengthTable(fast.lengths) });
    else always |= bit;
  });

  // The window every length pre-screen passes in: inside it, no length bit needs looking at.
  const shortest = Math.max(0, ...minima.map((m) => m.n));
  const longest = Math.min(Number.POSITIVE_INFINITY, ...maxima.map((m) => m.n));
  // The lengths of the reserved names: a value of another length skips the set lookups.
  const reservedLengths = new Set(sets.flatMap(({ set }) => [...set].map((name) => name.length)));

  return (value) => {
    const n = value.length;
    let hit = 0;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c < TABLE) hit |= units[c]!;
      else {
        for (let k = 0; k < wideForbid.length; k++) if (wideForbid[k]!.test(c)) hit |= wideForbid[k]!.bit;
        for (let k = 0; k < wideRequire.length; k++) if (wideRequire[k]!.test(c)) hit |= wideRequire[k]!.bit;
      }
    }
    // An empty value passes every require rule (length rules report emptiness).
    let mask = always | (hit & forbidMask) | (n > 0 ? requireMask & ~hit : 0);
    if (n < shortest || n > longest) {
      for (let k = 0; k < minima.length; k++) if (n < minima[k]!.n) mask |= minima[k]!.bit;
      for (let k = 0; k < maxima.length; k++) if (n > maxima[k]!.n) mask |= maxima[k]!.bit;
    }
    if (edgeTests.length > 0 && n > 0)
      mask |=
        edgeBits(edges, edgeTests, value.charCodeAt(0)) | edgeBits(edges, edgeTests, value.charCodeAt(n - 1));
    if (reservedLengths.has(n))
      for (let k = 0; k < sets.length; k++) if (sets[k]!.set.has(value)) mask |= sets[k]!.bit;
    for (let k = 0; k < firstUnits.length; k++)
      if (firstUnitMayFail(firstUnits[k]!, value)) mask |= firstUnits[k]!.bit;
    return mask >>> 0;
  };
}
