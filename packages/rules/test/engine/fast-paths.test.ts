/**
 * Every shared factory in one field, in both profiles and with a context gate, so each fast path
 * (length window, Latin-1 scan tables, edge table, reserved sets, first-unit tables) meets values
 * that only it could get wrong: non-ASCII whitespace at the edges, reserved names in other cases.
 */

import { describe, expect } from "vitest";
import {
  forbidsChars,
  matches,
  maxChars,
  maxUtf8Bytes,
  minChars,
  noEdgeChars,
  noEdgeWhitespace,
  notPrefixed,
  notReserved,
  onlyRange,
  rejects,
  requiresChar,
} from "../../src/checks.js";
import { checkField } from "../../src/engine/check-field.js";
import type { BaseContext, FieldSpec, Violation } from "../../src/types.js";
import { fc, test } from "../support/fc.js";
import { oneRuleAtATime, stressStrings } from "../support/one-rule-at-a-time.js";
import { runs } from "../support/runs.js";

interface Ctx extends BaseContext {
  readonly wide: boolean;
}

const source = "test";
const spec: FieldSpec<Ctx> = {
  name: "thing",
  label: "thing",
  rules: [
    minChars({ id: "t.min", min: 2, source }),
    maxChars({ id: "t.max", max: 20, source }),
    maxChars({ id: "t.strictMax", max: 12, source, profile: "strict" }),
    maxUtf8Bytes({ id: "t.bytes", max: 30, source }),
    noEdgeWhitespace({ id: "t.edgeSpace", source }),
    noEdgeChars({ id: "t.edgeChars", chars: "@?", source, profile: "strict" }),
    requiresChar({ id: "t.letter", charClass: "A-Za-zé", what: "letter", source }),
    forbidsChars({ id: "t.forbidden", chars: "/;ß", source }),
    onlyRange({ id: "t.latin1", from: 0x20, to: 0xff, what: "Latin-1", source, when: (c) => !c.wide }),
    notReserved({ id: "t.reserved", names: ["root", "admin"], source }),
    notReserved({ id: "t.reservedAnyCase", names: ["Public", "none"], caseInsensitive: true, source }),
    notPrefixed({ id: "t.prefix", prefix: "pg_", source, profile: "strict" }),
    matches({
      id: "t.pattern",
      pattern: "^[^x]",
      description: "no x first",
      message: () => "x first",
      source,
    }),
    rejects({ id: "t.noDigitRun", pattern: "\\d{3}", description: "", message: () => "digits", source }),
  ],
};

const SAMPLES = ["alice", "root", "public", "pg_x", "é-name", "a b", "ok?", "abc123", "xyz", "ab"];
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
