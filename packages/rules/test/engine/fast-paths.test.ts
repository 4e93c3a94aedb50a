/**
 * Every shared factory in one field, in both profiles and with a context gate, so each fast path
 * (length window, Latin-1 scan tables, edge table, reserved sets, first-unit tables) meets values
 * that only it could get wrong: non-ASCII whitespace at the edges, reserved names in other cases.
 */

import { describe, expect } from "vitest";
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
  test.prop([fc.constantFrom("\u00a0alice", "alice\u3000", "PUBLIC", "None", "ﬀroot", "\u212aey")])(
    "examples only a fast path could get wrong",
    (value) => {
      const out: Violation[] = [];
      checkField(spec, value, ctx, "thing", env, out);
      expect(out).toEqual(oneRuleAtATime(spec, value, ctx, "thing", "Test"));
    },
  );
});
