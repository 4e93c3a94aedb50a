/** Laws every provider keeps: total validators, and strict ⊆ server on fields and requests. */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
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
    test.prop([fc.oneof(fc.constantFrom(...SAMPLES), fc.string(), anything)], { numRuns: 150 })(
      "never throws, and whatever strict accepts, server accepts",
      (value) => {
        const strict = api.validateField(field, value, context);
        const loose = api.validateField(field, value, server);
        if (strict.length === 0) expect(loose).toEqual([]);
      },
    );
  });
  describe.each([...api.operationNames])("request %s", (operation) => {
    test.prop([anything], { numRuns: 100 })("never throws on any value", (value) => {
      expect(Array.isArray(api.validateRequest(operation, value, context))).toBe(true);
    });
  });
});
