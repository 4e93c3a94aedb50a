/**
 * Validators are total: a revoked Proxy, a Proxy whose traps throw, throwing getters or conversions,
 * null-prototype objects and unreadable arrays never make one throw. Each becomes a violation that
 * names where it sat (the field, or the request path), in every provider, field, operation and
 * context, and as the context itself.
 */
import { describe, expect } from "vitest";
import { formatPath } from "../../src/engine/violation.js";
import { standardSchema, validateField, validateRequest } from "../../src/index.js";
import type { Violation } from "../../src/types.js";
import { fc, test } from "../support/fc.js";
import { HOSTILE_KINDS, hostile, pathsOf, replaceAt, unreadable } from "../support/hostile.js";
import { runs } from "../support/runs.js";
import { cases } from "./contexts.js";

const GROUP = "5dd7496c7a3e5a648454341c";
/** One valid body per operation; a hostile value replaces any part of it. */
const BODIES: Record<string, Record<string, unknown>> = {
  rackspace: {
    createUsers: { users: [{ name: "app1", password: "secret99", host: "%", databases: [{ name: "db1" }] }] },
    changePasswords: { users: [{ name: "app1", password: "secret99" }] },
    modifyUser: { user: { name: "app2", host: "10.0.0.1" } },
    grantAccess: { databases: [{ name: "db1" }, { name: "db2" }] },
    createDatabases: { databases: [{ name: "db1", character_set: "utf8", collate: "utf8_general_ci" }] },
  },
  atlas: {
    createUser: {
      groupId: GROUP,
      databaseName: "admin",
      username: "app1",
      password: "secret99",
      roles: [{ roleName: "readWrite", databaseName: "orders", collectionName: "items" }],
      scopes: [{ name: "Cluster0", type: "CLUSTER" }],
      labels: [{ key: "team", value: "core" }],
    },
    updateUser: { description: "rotated", roles: [{ roleName: "read", databaseName: "orders" }] },
  },
  digitalocean: {
    addUser: { name: "app1", settings: { pg_allow_replication: false } },
    updateUser: { settings: { acl: [{ topic: "orders", permission: "consume" }] } },
    resetUserAuth: { mysql_settings: { auth_plugin: "caching_sha2_password" } },
  },
};

function wellFormed(violations: unknown): void {
  expect(Array.isArray(violations)).toBe(true);
  for (const v of violations as Violation[]) {
    expect(typeof v.path).toBe("string");
    expect(typeof v.rule).toBe("string");
    expect(typeof v.message).toBe("string");
  }
}

describe.each(cases())("$label", ({ provider, api, context }) => {
  test.prop([fc.constantFrom(...api.fieldNames), hostile], { numRuns: runs(60) })(
    "a hostile value for a field is a violation naming the field",
    (field, make) => {
      const violations = validateField(provider as never, field as never, make(), context as never);
      wellFormed(violations);
      expect(violations.map((v) => v.path)).toContain(field);
    },
  );
  const bodies = Object.entries(BODIES[provider]!);
  const placed = fc
    .constantFrom(...bodies)
    .chain(([operation, body]) =>
      fc.tuple(fc.constant(operation), fc.constant(body), fc.constantFrom(...pathsOf(body))),
    );
  test.prop([placed, hostile], { numRuns: runs(150) })(
    "a hostile value anywhere in a request never makes a validator throw",
    ([operation, body, path], make) => {
      const input = replaceAt(body, path, make());
      wellFormed(validateRequest(provider as never, operation as never, input, context as never));
      const schema = standardSchema(provider as never, operation as never, context as never);
      expect(schema["~standard"].validate(input)).toBeDefined();
    },
  );
  test.prop([placed, unreadable], { numRuns: runs(100) })(
    "an unreadable value in a request is a violation at its path (or where a gate refused its parent)",
    ([operation, body, path], make) => {
      const input = replaceAt(body, path, make());
      const violations = validateRequest(provider as never, operation as never, input, context as never);
      wellFormed(violations);
      const at = formatPath(path);
      const covers = (p: string) => p === at || p === "" || at.startsWith(`${p}.`) || at.startsWith(`${p}[`);
      expect(violations.some((v) => covers(v.path))).toBe(true);
    },
  );
});

describe("a hostile context", () => {
  const providerNames = fc.constantFrom("rackspace", "atlas", "digitalocean");
  const fieldOf = (provider: string) => (provider === "atlas" ? "username" : "userName");
  test.prop([providerNames, hostile], { numRuns: runs(100) })(
    "never makes a validator throw, and validation goes on with the defaults",
    (provider, make) => {
      const violations = validateField(
        provider as never,
        fieldOf(provider) as never,
        "app1",
        make() as never,
      );
      wellFormed(violations);
      expect(violations.every((v) => v.path.startsWith("context"))).toBe(true);
    },
  );
  test.prop([providerNames, unreadable], { numRuns: runs(50) })(
    "is reported as a context violation when it cannot be read",
    (provider, make) => {
      const violations = validateField(
        provider as never,
        fieldOf(provider) as never,
        "app1",
        make() as never,
      );
      expect(violations.length).toBeGreaterThan(0);
      expect(violations.every((v) => v.path.startsWith("context"))).toBe(true);
    },
  );
  test.prop([fc.constantFrom(...Object.values(HOSTILE_KINDS))], { numRuns: runs(30) })(
    "or as the provider, field or operation name",
    (make) => {
      wellFormed(validateField(make() as never, "userName" as never, "x"));
      wellFormed(validateField("rackspace", make() as never, "x"));
      wellFormed(validateRequest("rackspace", make() as never, {}));
      wellFormed(standardSchema("rackspace", "createUsers")["~standard"].validate(make()) && []);
    },
  );
});
