/**
 * Every shared factory in one field, in both profiles and with a context gate, so each fast path
 * (length window, Latin-1 scan tables, edge table, reserved sets, first-unit tables) meets values
 * that only it could get wrong: non-ASCII whitespace at the edges, reserved names in other cases.
 */

import { describe, expect, it } from "vitest";
import { forbidsChars } from "../../src/checks.js";
import { checkField } from "../../src/engine/check-field.js";
import type { Violation } from "../../src/types.js";
import { SAMPLES, spec } from "../support/every-factory.js";
import { fc, test } from "../support/fc.js";
import { oneRuleAtATime, stressStrings } from "../support/one-rule-at-a-time.js";
import { runs } from "../support/runs.js";

const env = { provider: "t", vendor: "Test" };

describe.each([
  { profile: "strict", wide: false },
  { profile: "strict", wide: true },
  { profile: "server", wide: false },
  { profile: "server", wide: true },
] as const)("profile $profile, wide $wide", (ctx) => {
  test.prop([stressStrings(SAMPLES)], { numRuns: runs(1500) })(
    "matches each rule run on its own",
    (value) => {
      const out: Violation[] = [];
      checkField(spec, value, ctx, "thing", env, out);
      expect(out).toEqual(oneRuleAtATime(spec, value, ctx, "thing", "Test"));
    },
  );
  test.prop([
    fc.constantFrom("\u00a0alice", "alice\u3000", "PUBLIC", "None", "ﬀroot", "\u212aey", "ab\u0100c", "ĀĀĀ"),
  ])("examples only a fast path could get wrong", (value) => {
    const out: Violation[] = [];
    checkField(spec, value, ctx, "thing", env, out);
    expect(out).toEqual(oneRuleAtATime(spec, value, ctx, "thing", "Test"));
  });
});

describe("a field with more rules than the screen has bits", () => {
  // 40 rules, one forbidden letter each, some strict only: the rules past the 32nd run unscreened.
  const many = {
    name: "many",
    label: "many",
    rules: Array.from({ length: 40 }, (_, i) =>
      forbidsChars<{ profile: "strict" | "server" }>({
        id: `m.${i}`,
        chars: String.fromCharCode(0x41 + (i % 26)) + String.fromCharCode(0x100 + i),
        source: "test",
        profile: i % 3 === 0 ? "strict" : "both",
      }),
    ),
  };
  const letters = fc.string({
    unit: fc.constantFrom(..."ABCXYZabc", "\u0100", "\u0121", "\u0127"),
    maxLength: 12,
  });
  test.prop([letters, fc.constantFrom("strict", "server")])(
    "matches each rule run on its own",
    (value, profile) => {
      const out: Violation[] = [];
      const ctx = { profile } as const;
      checkField(many, value, ctx, "many", env, out);
      expect(out).toEqual(oneRuleAtATime(many, value, ctx, "many", "Test"));
    },
  );
});

describe("checkField, the edges of the loop", () => {
  const many = {
    name: "many",
    label: "many",
    rules: Array.from({ length: 36 }, (_, i) =>
      forbidsChars<{ profile: "strict" | "server" }>({
        id: `m.${i}`,
        chars: String.fromCharCode(0x100 + i),
        source: "test",
        profile: i === 33 ? "strict" : "both",
      }),
    ),
  };
  it("runs the rules past the 32nd in order, skipping strict ones in the server profile", () => {
    const run = (profile: "strict" | "server") => {
      const out: Violation[] = [];
      checkField(many, "\u0100\u0121\u0122", { profile }, "many", env, out);
      return out.map((v) => v.rule);
    };
    expect(run("strict")).toEqual(["m.0", "m.33", "m.34"]);
    expect(run("server")).toEqual(["m.0", "m.34"]);
  });

  const throwing = {
    name: "odd",
    label: "odd",
    rules: [
      {
        id: "o.throws",
        source: "test",
        profile: "both" as const,
        description: "throws",
        check: (): never => {
          throw new Error("boom");
        },
        message: () => "odd breaks o.throws",
      },
    ],
  };
  it("counts a check that throws as a failure, with the path as given", () => {
    const out: Violation[] = [];
    checkField(throwing, "x", { profile: "strict" }, ["users", 1, "name"], env, out);
    expect(out).toEqual([
      { path: "users[1].name", rule: "o.throws", message: "odd breaks o.throws", params: {} },
    ]);
  });
  it("names the vendor of each validator when two share a field", () => {
    const run = (vendor: string) => {
      const out: Violation[] = [];
      checkField(spec, "x/y", { profile: "strict", wide: false }, "thing", { provider: "t", vendor }, out);
      return out.find((v) => v.rule === "t.forbidden")?.message;
    };
    expect(run("Alpha")).toContain("Alpha does not allow");
    expect(run("Beta")).toContain("Beta does not allow");
  });
});
