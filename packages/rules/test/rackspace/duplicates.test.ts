/**
 * Duplicate detection in Rackspace arrays, against the definitions: database references are equal
 * when their JSON is equal whatever the key order (Python's ==); users when name and host (default
 * `%`) are; databases when names are. The engine's cheaper keys must agree on random arrays.
 */

import { describe, expect } from "vitest";
import { validateRequest } from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";

/** Sorted keys at every depth, after `toJSON` and unboxing, as JSON does: what the reference compares. */
function canonical(input: unknown): string {
  let value = input;
  if (typeof (value as { toJSON?: unknown } | null)?.toJSON === "function")
    value = (value as { toJSON(): unknown }).toJSON();
  if (value instanceof String || value instanceof Number || value instanceof Boolean) value = value.valueOf();
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** For each item, the index of its first equal item, when it is a repeat. */
function repeats<T>(items: readonly T[], key: (item: T) => string): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  const out: { index: number; first: number }[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else out.push({ index, first });
  });
  return out;
}

const server = { profile: "server" } as const;
const found = (
  violations: { rule: string; path: string; params?: Record<string, unknown> }[],
  rule: string,
) =>
  violations
    .filter((v) => v.rule === rule)
    .map((v) => ({ index: Number(/\[(\d+)\]$/.exec(v.path)![1]), first: v.params!.firstIndex as number }));

// Names that could collide if keys were joined carelessly: "ab" + "c" vs "a" + "bc", and so on.
const name = fc.constantFrom("a", "ab", "abc", "b", "bc", "c", "a:1", "1:a");
const ref = fc.oneof(
  name.map((n) => ({ name: n })),
  fc.tuple(name, name).map(([n, m]) => ({ name: n, [`name${m}`]: "x" })),
  fc.tuple(name, fc.boolean()).map(([n, flip]) => (flip ? { x: 1, name: n } : { name: n, x: 1 })),
  // One key, one string: {"name":"ab"} and {"namea":"b"} must stay apart.
  fc.tuple(fc.constantFrom("name", "namea", "nam", "n", "0"), name).map(([k, v]) => ({ [k]: v })),
  // Equal in JSON to a plain { name } without being one: each must meet the plain objects it equals.
  name.map((n) => Object.assign(Object.create(null), { name: n })),
  name.map(
    (n) =>
      new (class Ref {
        name = n;
      })(),
  ),
  name.map((n) => ({ toJSON: () => ({ name: n }) })),
  // …and things that are not objects of one member at all: ["a"] is not {"0":"a"}, "a" is not {"0":"a"}.
  name.map((n) => [n]),
  name.map((n) => new String(n)),
  name,
);

describe("rackspace duplicates", () => {
  test.prop([fc.array(ref, { maxLength: 24, size: "max" })], { numRuns: runs(300) })(
    "database references repeat exactly when their JSON is equal in any key order",
    (databases) => {
      const violations = validateRequest("grantAccess", { databases }, server);
      expect(found(violations, "rackspace.grantAccess.duplicateDatabase")).toEqual(
        repeats(databases, canonical),
      );
    },
  );
  test.prop([
    fc.array(fc.record({ name, host: fc.option(fc.constantFrom("%", "a", "c%"), { nil: undefined }) }), {
      maxLength: 24,
      size: "max",
    }),
  ])("users repeat exactly when name and host (default %) are equal", (users) => {
    const body = { users: users.map((u) => ({ ...u, password: "Secret_123_abc" })) };
    const violations = validateRequest("createUsers", body, server);
    expect(found(violations, "rackspace.createUsers.duplicateUser")).toEqual(
      repeats(users, (u) => JSON.stringify([u.name, u.host ?? "%"])),
    );
  });
  test.prop([fc.array(name, { maxLength: 24, size: "max" })])(
    "databases repeat exactly when names are equal",
    (names) => {
      const violations = validateRequest(
        "createDatabases",
        { databases: names.map((n) => ({ name: n })) },
        server,
      );
      expect(found(violations, "rackspace.createDatabases.duplicateName")).toEqual(repeats(names, (n) => n));
    },
  );
});
