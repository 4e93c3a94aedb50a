/**
 * The exported JSON Schema and the validators agree on random inputs wherever JSON Schema can say
 * the rule; where it cannot, the schema says so (`x-dbusers-unexpressed`) and is only ever looser.
 */

import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect } from "vitest";
import { UNEXPRESSED } from "../../src/index.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import { cases, SAMPLES } from "./contexts.js";

const ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: true });

function hasUnexpressed(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  if (UNEXPRESSED in schema) return true;
  return Object.values(schema).some(hasUnexpressed);
}

const stringInput = fc.oneof(
  fc.constantFrom(...SAMPLES),
  fc.string({ maxLength: 70 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.stringMatching(/^[A-Za-z0-9_ .@?#%-]{0,20}$/),
);

describe.each(cases())("$label", ({ api, context }) => {
  describe.each([...api.fieldNames])("field %s", (field) => {
    const schema = api.toJSONSchema(field, context);
    const validate = ajv.compile(schema);
    const exact = !hasUnexpressed(schema);
    test.prop([stringInput], { numRuns: runs(150) })(
      exact ? "the schema and the validator agree" : "the schema is never stricter",
      (value) => {
        const rulesValid = api.validateField(field, value, context).length === 0;
        const schemaValid = validate(value) === true;
        if (exact) expect(schemaValid).toBe(rulesValid);
        else if (rulesValid) expect(schemaValid).toBe(true);
      },
    );
  });
});
