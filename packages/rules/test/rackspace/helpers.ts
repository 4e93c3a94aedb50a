/** Small assertions shared by the Rackspace tests. */
import { expect } from "vitest";
import { type RackspaceField, validateField } from "../../src/providers/rackspace/index.js";
import type { Violation } from "../../src/types.js";

export const STRICT = { profile: "strict" } as const;
export const SERVER = { profile: "server" } as const;

export const ids = (violations: readonly Violation[]) => violations.map((v) => v.rule);

/** The rule ids a value breaks, per profile. */
export function broken(field: RackspaceField, value: unknown) {
  return {
    strict: ids(validateField(field, value, STRICT)),
    server: ids(validateField(field, value, SERVER)),
  };
}

/** Valid in both profiles. */
export function expectValid(field: RackspaceField, value: string) {
  expect(broken(field, value), JSON.stringify(value)).toEqual({ strict: [], server: [] });
}

/** Exactly these rule ids, per profile (server ids also apply in strict, which may add its own). */
export function expectBroken(
  field: RackspaceField,
  value: unknown,
  server: string[],
  strictOnly: string[] = [],
) {
  const got = broken(field, value);
  expect(got.server, `server ${JSON.stringify(value)}`).toEqual(server);
  expect([...got.strict].sort(), `strict ${JSON.stringify(value)}`).toEqual(
    [...server, ...strictOnly].sort(),
  );
}

/** Valid on the server only, refused in strict by exactly these rules. */
export function expectStrictOnly(field: RackspaceField, value: string, strict: string[]) {
  expectBroken(field, value, [], strict);
}
