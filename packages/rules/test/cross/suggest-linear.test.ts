/**
 * `suggestName` is linear in the length of its input, for every provider, name field and context:
 * a property over sizes holds the work of the string and array methods it calls under a fixed
 * multiple of the input's length (see support/work.ts). Trimming a long run of spaces one `shift()`
 * at a time, as it once did, is quadratic and fails at the first size.
 */
import { describe, expect } from "vitest";
import { trimWith } from "../../src/engine/suggest.js";
import { suggestName } from "../../src/index.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import { workOf } from "../support/work.js";
import { cases } from "./contexts.js";

/** Work per input character a linear suggestion stays under (measured: about 20). */
const PER_CHAR = 100;
const SLACK = 5_000;

const NAME_FIELDS: Record<string, readonly string[]> = {
  rackspace: ["userName", "databaseName"],
  atlas: ["username"],
  digitalocean: ["userName", "mongoDatabase"],
};

/** Long inputs made of one repeated unit, the shapes that trigger edge trimming and run handling. */
const UNITS = [" ", "-", "_", "a", "é", "@", ".", "A ", " x", "😀", "\u0000", "CN=a,"];
const sizes = fc.integer({ min: 1_000, max: 20_000 });

describe.each(cases())("$label", ({ provider, context }) => {
  const fields = NAME_FIELDS[provider] ?? [];
  test.prop([sizes], { numRuns: runs(3) })(
    "suggestName does work linear in the input's length, for every name field and repeated unit",
    (size) => {
      for (const field of fields)
        for (const unit of UNITS) {
          const raw = unit.repeat(Math.ceil(size / unit.length));
          const work = workOf(() => suggestName(provider as never, field as never, raw, context as never));
          expect(work, `${field} ${JSON.stringify(unit)}`).toBeLessThanOrEqual(PER_CHAR * raw.length + SLACK);
        }
    },
  );
});

describe("trimWith", () => {
  test.prop([fc.integer({ min: 1_000, max: 50_000 })], { numRuns: runs(20) })(
    "trims a run of any length with work linear in it",
    (n) => {
      const raw = `${" ".repeat(n)}x${" ".repeat(n)}`;
      let out = "";
      const work = workOf(() => {
        out = trimWith(raw, /^\s$/u);
      });
      expect(out).toBe("x");
      expect(work).toBeLessThanOrEqual(4 * raw.length);
    },
  );
  test.prop([fc.string({ unit: fc.constantFrom(" ", "a", "😀", "\ud800", "\udc00"), maxLength: 30 })])(
    "removes exactly the edge characters the test matches, whole code points",
    (raw) => {
      const chars = [...raw];
      let start = 0;
      let end = chars.length;
      while (start < end && /^[ \ud800\udc00]$/u.test(chars[start]!)) start++;
      while (end > start && /^[ \ud800\udc00]$/u.test(chars[end - 1]!)) end--;
      expect(trimWith(raw, /^[ \ud800\udc00]$/u)).toBe(chars.slice(start, end).join(""));
    },
  );
});
