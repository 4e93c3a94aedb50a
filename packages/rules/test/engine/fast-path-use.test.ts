/**
 * The fast paths must not only be right but be used: a value is decided without calling the
 * `check` of a rule whose scan or pre-screen clears it. Counted against an oracle that applies each
 * rule's own `scan`/`fast` description directly (a screen that flags rules too often would give the
 * right answers, only slower, and these tests would catch it).
 */
import { describe, expect } from "vitest";
import { checkField } from "../../src/engine/check-field.js";
import type { FieldSpec, Rule, Violation } from "../../src/types.js";
import { type Ctx, SAMPLES, spec } from "../support/every-factory.js";
import { fc, test } from "../support/fc.js";
import { stressStrings } from "../support/one-rule-at-a-time.js";

/** Whether the rule's own scan or pre-screen says it may fail on `v` (true when it has neither). */
function mayFail(rule: Rule<Ctx>, v: string): boolean {
  const units = Array.from({ length: v.length }, (_, i) => v.charCodeAt(i));
  if (rule.scan?.kind === "forbid") return units.some((c) => rule.scan!.test(c));
  if (rule.scan?.kind === "require") return v.length > 0 && !units.some((c) => rule.scan!.test(c));
  const fast = rule.fast;
  if (!fast) return true;
  switch (fast.kind) {
    case "maxUnits":
      return v.length > fast.n;
    case "minUnits":
      return v.length < fast.n;
    case "edges":
      return v.length > 0 && (fast.test(v.charCodeAt(0)) || fast.test(v.charCodeAt(v.length - 1)));
    case "notIn":
      return fast.set.has(v);
    case "firstNotIn": {
      const c = v.charCodeAt(0);
      const lengthMayMatch = fast.lengths === undefined || fast.lengths.has(v.length);
      return !(c < 128 && fast.firsts[c] === 0) && lengthMayMatch;
    }
  }
}

const applies = (rule: Rule<Ctx>, ctx: Ctx) =>
  (rule.profile !== "strict" || ctx.profile === "strict") && (rule.when === undefined || rule.when(ctx));

/** The field with every `check` counted. */
function counted(calls: string[]): FieldSpec<Ctx> {
  return {
    ...spec,
    rules: spec.rules.map((rule) => ({
      ...rule,
      check: (v: string, c: Ctx) => {
        calls.push(rule.id);
        return rule.check(v, c);
      },
    })),
  };
}

const env = { provider: "t", vendor: "Test" };

/** Checks a value the screen must clear: no violation, and only the unscreened rules' checks run. */
function expectClearedByTheScreen(v: string, ctx: Ctx): void {
  const unscreened = spec.rules.filter((r) => applies(r, ctx) && !r.scan && !r.fast);
  const calls: string[] = [];
  const out: Violation[] = [];
  checkField(counted(calls), v, ctx, "thing", env, out);
  expect(out).toEqual([]);
  expect(calls).toEqual(unscreened.map((r) => r.id));
}

describe.each([
  { profile: "strict", wide: false },
  { profile: "server", wide: true },
] as const)("profile $profile, wide $wide", (ctx) => {
  const active = spec.rules.filter((r) => applies(r, ctx));
  const unscreened = active.filter((r) => !r.scan && !r.fast);

  test.prop([stressStrings(SAMPLES)], { numRuns: 1500 })("only the rules that may fail are checked", (v) => {
    const calls: string[] = [];
    const out: Violation[] = [];
    checkField(counted(calls), v, ctx, "thing", env, out);
    const suspects = active.filter((r) => (r.scan || r.fast) && mayFail(r, v));
    // Each rule that may fail, and each rule without a screen, is checked once, in the rules' order.
    expect(calls).toEqual(
      active.filter((r) => suspects.includes(r) || unscreened.includes(r)).map((r) => r.id),
    );
  });

  test.prop([fc.constantFrom("alice", "bob_x", "evá", "mañana")])(
    "a valid name runs no screened check",
    (v) => expectClearedByTheScreen(v, ctx),
  );
});

describe("units past the tables", () => {
  const ctx = { profile: "server", wide: true } as const;
  test.prop([fc.constantFrom("ĀĀĀ", "ſſſ", "ab\u0100", "Ōmm")])(
    "a value whose only letters are past Latin-1 runs no screened check",
    (v) => expectClearedByTheScreen(v, ctx),
  );
  test.prop([fc.constantFrom("a\u2028b", "x\u3000y")])("a forbidden unit past the tables is found", (v) => {
    const out: Violation[] = [];
    checkField(spec, v, { profile: "strict", wide: false }, "thing", env, out);
    expect(out.map((o) => o.rule)).toContain("t.latin1");
  });
});
