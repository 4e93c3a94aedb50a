/** Laws every provider keeps: total validators, and strict ⊆ server on fields and requests. */

import { describe, expect } from "vitest";
import { UnknownRuleTargetError } from "../../src/engine/errors.js";
import { validateField } from "../../src/index.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import { cases, SAMPLES } from "./contexts.js";

const strictCases = cases().filter((c) => c.context.profile === "strict");
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
});

describe.each(strictCases)("$label", ({ api, context }) => {
  const server = { ...context, profile: "server" };
  describe.each([...api.fieldNames])("field %s", (field) => {
    test.prop([fc.oneof(fc.constantFrom(...SAMPLES), fc.string(), anything)], { numRuns: runs(150) })(
      "never throws, and whatever strict accepts, server accepts",
      (value) => {
        const strict = api.validateField(field, value, context);
        const loose = api.validateField(field, value, server);
        if (strict.length === 0) expect(loose).toEqual([]);
      },
    );
  });
  describe.each([...api.operationNames])("request %s", (operation) => {
    test.prop([anything], { numRuns: runs(100) })("never throws on any value", (value) => {
      expect(Array.isArray(api.validateRequest(operation, value, context))).toBe(true);
    });
  });
});

describe("names of fields, operations and providers", () => {
  const hostile = [
    { toString: "" },
    {
      toString: () => {
        throw new Error("no");
      },
    },
    Symbol("s"),
    1n,
    null,
  ];
  const names = fc.oneof(fc.constantFrom(...hostile), fc.anything());
  test.prop([names])("an unknown name of any kind is a violation, never a throw", (name) => {
    for (const c of strictCases) {
      expect(c.api.validateField(name as never, "x")[0]!.rule).toMatch(/\.field\.unknown$/);
      expect(c.api.validateRequest(name as never, {})[0]!.rule).toMatch(/\.operation\.unknown$/);
    }
    expect(validateField(name as never, "userName" as never, "x")[0]!.rule).toBe("rules.provider.unknown");
  });
  test.prop([fc.constantFrom(...hostile)])("throwing APIs throw their typed error", (name) => {
    for (const c of strictCases) {
      expect(() => (c.api as unknown as { toJSONSchema(n: unknown): unknown }).toJSONSchema(name)).toThrow(
        UnknownRuleTargetError,
      );
    }
  });
});
