/**
 * The validate-only entry points (`@dbusers/rules/<vendor>/validate`) give exactly the violations
 * of the full entry points, for every field and request shape, in every context worth sweeping: the
 * clients use the former, the facade and the docs the latter, and the two must never disagree.
 */
import { describe, expect } from "vitest";
import * as atlasOnly from "../../src/providers/atlas/validate.js";
import * as digitaloceanOnly from "../../src/providers/digitalocean/validate.js";
import * as rackspaceOnly from "../../src/providers/rackspace/validate.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import { cases, SAMPLES } from "./contexts.js";

type Validators = {
  validateField(field: string, value: unknown, context?: unknown): unknown[];
  validateRequest(operation: string, input: unknown, context?: unknown): unknown[];
};

const VALIDATE_ONLY: Record<string, Validators> = {
  atlas: atlasOnly as unknown as Validators,
  digitalocean: digitaloceanOnly as unknown as Validators,
  rackspace: rackspaceOnly as unknown as Validators,
};

const value = fc.oneof(fc.constantFrom(...SAMPLES), fc.string(), fc.anything());
/** Request bodies shaped like the vendors' (records of sample strings, arrays of such records). */
const record = fc.dictionary(
  fc.constantFrom("name", "username", "password", "host", "databases", "users", "roles", "databaseName"),
  value,
);
const body = fc.oneof(record, fc.array(record, { maxLength: 3 }), fc.record({ users: fc.array(record) }));

describe.each(cases())("$label", ({ provider, api, context }) => {
  const only = VALIDATE_ONLY[provider]!;
  test.prop([fc.constantFrom(...api.fieldNames), value], { numRuns: runs(60) })(
    "validateField agrees with the full entry",
    (field, input) => {
      expect(only.validateField(field, input, context)).toEqual(api.validateField(field, input, context));
    },
  );
  test.prop([fc.constantFrom(...api.operationNames), body], { numRuns: runs(60) })(
    "validateRequest agrees with the full entry",
    (operation, input) => {
      expect(only.validateRequest(operation, input, context)).toEqual(
        api.validateRequest(operation, input, context),
      );
    },
  );
  test.prop([fc.string()], { numRuns: 5 })("names an unknown field or operation the same way", (name) => {
    expect(only.validateField(`?${name}`, "x", context)).toEqual(api.validateField(`?${name}`, "x", context));
    expect(only.validateRequest(`?${name}`, {}, context)).toEqual(
      api.validateRequest(`?${name}`, {}, context),
    );
  });
});

/** `validatorsFor(profile)`: what the Atlas and Rackspace clients call, with their profile fixed. */
const FIXED = {
  atlas: atlasOnly.validatorsFor,
  rackspace: rackspaceOnly.validatorsFor,
} as unknown as Record<string, (profile: "strict" | "server") => Omit<Validators, never>>;

const fixedCases = Object.keys(FIXED).flatMap((provider) =>
  (["strict", "server"] as const).map((profile) => ({
    provider,
    profile,
    api: cases().find((c) => c.provider === provider)!.api,
  })),
);

describe.each(fixedCases)("validatorsFor($profile) of $provider", ({ provider, profile, api }) => {
  const fixed = FIXED[provider]!(profile);
  test.prop([fc.constantFrom(...api.fieldNames), value], { numRuns: runs(60) })(
    "validateField agrees with the full entry given { profile }",
    (field, input) => {
      expect(fixed.validateField(field, input)).toEqual(api.validateField(field, input, { profile }));
    },
  );
  test.prop([fc.constantFrom(...api.operationNames), body], { numRuns: runs(60) })(
    "validateRequest agrees with the full entry given { profile }",
    (operation, input) => {
      expect(fixed.validateRequest(operation, input)).toEqual(
        api.validateRequest(operation, input, { profile }),
      );
    },
  );
});
