/** The reference the engine's fast paths are tested against, and inputs that stress them. */

import { fieldInfo, fieldViolation } from "../../src/engine/violation.js";
import type { BaseContext, FieldSpec, Violation } from "../../src/types.js";
import { fc } from "./fc.js";

/** Each applicable rule on its own, in order: the definition of what validating a field means. */
export function oneRuleAtATime<C extends BaseContext>(
  spec: FieldSpec<C>,
  value: string,
  ctx: C,
  path: string,
  vendor: string,
): Violation[] {
  const out: Violation[] = [];
  for (const rule of spec.rules) {
    if (rule.profile === "strict" && ctx.profile !== "strict") continue;
    if (rule.when !== undefined && !rule.when(ctx)) continue;
    let params: Record<string, unknown> | undefined;
    try {
      params = rule.check(value, ctx);
    } catch {
      params = {};
    }
    if (params !== undefined)
      out.push(fieldViolation(path, rule as never, params, fieldInfo(spec as never, vendor)));
  }
  return out;
}

/** Characters the fast paths treat specially: edges, reserved first letters, Latin-1, case folding. */
export const TRICKY = [
  ..."aAzZ09_-.@?#% '\"\\/;:$`\t\n\u0000\u007f\u0080éÉßÿĀ\u212aİıſ\u00a0\u2028\u3000😀\ud800\udc00",
];

/** Mostly nothing, sometimes one tricky character: a valid sample stays valid but for one change. */
const affix = fc.oneof(
  { arbitrary: fc.constant(""), weight: 3 },
  { arbitrary: fc.constantFrom(...TRICKY), weight: 2 },
);

const recase = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.charAt(0).toUpperCase() + s.slice(1),
  (s) => [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(""),
);

/** Samples changed a little, tricky characters, plain names of any length, any strings, Latin-1 runs. */
export function stressStrings(samples: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...samples), affix, affix, recase)
      .map(([s, pre, post, change]) => `${pre}${change(s)}${post}`),
    fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 24 }),
    // Plain names of every length around the usual limits (16, 32, 63, 64 …).
    // (`size: "max"`: fast-check otherwise keeps generated strings short.)
    fc.string({ unit: fc.constantFrom(..."abcdefghij_"), minLength: 1, maxLength: 70, size: "max" }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ maxLength: 300, size: "max" }),
    fc.nat({ max: 300 }).map((n) => "é".repeat(n)),
  );
}
