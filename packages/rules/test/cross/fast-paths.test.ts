/**
 * The engine's fast paths (the one-pass screen of a field, the `fast` pre-screens, the Latin-1
 * tables) must give exactly what running each applicable rule's `check` alone gives:
 * same rules, same order, same messages and params, for every provider field and context.
 */

import { describe, expect } from "vitest";
import type { ProviderDefinition } from "../../src/types.js";
import { test } from "../support/fc.js";
import { oneRuleAtATime, stressStrings } from "../support/one-rule-at-a-time.js";
import { runs } from "../support/runs.js";
import { cases, SAMPLES } from "./contexts.js";

const input = stressStrings(SAMPLES);

describe.each(cases())("$label", ({ api, context }) => {
  const definition = (api as unknown as { definition: ProviderDefinition }).definition;
  const { ctx } = definition.resolveContext(context);
  describe.each([...api.fieldNames])("field %s", (field) => {
    const spec = definition.fields[field]!;
    test.prop([input], { numRuns: runs(200) })("matches each rule run on its own", (value) => {
      expect(api.validateField(field, value, context)).toEqual(
        oneRuleAtATime(spec, value, ctx, field, definition.vendor),
      );
    });
  });
});
