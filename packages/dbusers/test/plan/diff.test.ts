import { describe, expect, it } from "vitest";
import type { DbUser, UserSpec, VendorName } from "../../src/model.js";
import { makesCredentials } from "../../src/plan/apply.js";
import { diffUser } from "../../src/plan/diff.js";
import { hasPassword, resolvedKey, resolvedSpec } from "../../src/plan/identity.js";
import { planTarget } from "../../src/plan/plan.js";
import type { Plan } from "../../src/plan/plan-types.js";
import { renderPlan } from "../../src/plan/render.js";
import type { Target } from "../../src/target.js";

const NAMES: Record<VendorName, string> = {
  digitalocean: "DigitalOcean",
  atlas: "MongoDB Atlas",
  rackspace: "Rackspace Cloud Databases",
};

/** Only what planning reads of a target: its vendor and display name. */
function targetOf(vendor: VendorName): Target {
  return { ref: { vendor, id: "t" }, capabilities: { displayName: NAMES[vendor] } } as unknown as Target;
}

function held(vendor: VendorName, spec: UserSpec): DbUser {
  return { vendor, builtIn: false, vendorData: {}, ...spec };
}

function plan(vendor: VendorName, desired: UserSpec[], actual: DbUser[], prune = false) {
  return planTarget(
    { name: "t", ref: { vendor, id: "t" }, connection: { vendor, id: "t", credentials: {} } },
    targetOf(vendor),
    desired.map((spec) => ({ spec, targets: ["t"], rotate: false })),
    actual,
    { prune, rotate: new Set() },
  );
}

describe("a desired user's identity on its vendor", () => {
  it("puts an Atlas user on the auth database its auth type needs when the file leaves it out", () => {
    expect(resolvedKey("atlas", { name: "app" })).toEqual({ name: "app", authDatabase: "admin" });
    expect(resolvedKey("atlas", { name: "CN=app", authType: "X509_CUSTOMER" })).toEqual({
      name: "CN=app",
      authDatabase: "$external",
    });
    expect(resolvedKey("atlas", { name: "CN=g", authType: "LDAP_GROUP" }).authDatabase).toBe("admin");
    expect(resolvedKey("atlas", { name: "idp/w", authType: "OIDC_WORKLOAD" }).authDatabase).toBe("$external");
    expect(resolvedKey("atlas", { name: "x", authDatabase: "$external", authType: "SCRAM" })).toEqual({
      name: "x",
      authDatabase: "$external",
    });
  });

  it("makes a Rackspace user without a host the one on host %", () => {
    expect(resolvedSpec("rackspace", { name: "etl" })).toEqual({ name: "etl", host: "%" });
    expect(resolvedSpec("rackspace", { name: "etl", host: "10.0.0.%" }).host).toBe("10.0.0.%");
    expect(resolvedSpec("digitalocean", { name: "etl" })).toEqual({ name: "etl" });
  });

  it("knows which users have a password", () => {
    expect(hasPassword("atlas", {})).toBe(true);
    expect(hasPassword("atlas", { authType: "AWS_IAM_ROLE" })).toBe(false);
    expect(hasPassword("rackspace", {})).toBe(true);
    expect(
      makesCredentials({ action: "create", user: { name: "a", authType: "X509_MANAGED" } }, "atlas"),
    ).toBe(false);
    expect(makesCredentials({ action: "create", user: { name: "a" } }, "atlas")).toBe(true);
  });
});

describe("what counts as a difference", () => {
  it("reads a list left out as an empty one, and an empty description as none", () => {
    expect(diffUser({ name: "a", scopes: [], labels: [] }, { name: "a" })).toEqual([]);
    expect(diffUser({ name: "a", databases: [] }, { name: "a" })).toEqual([]);
    expect(diffUser({ name: "a", description: "" }, { name: "a" })).toEqual([]);
    expect(diffUser({ name: "a", description: "x" }, { name: "a" })).toEqual([
      { field: "description", from: null, to: "x" },
    ]);
  });

  it("compares dates as instants (Atlas answers a date-only expiry as midnight UTC)", () => {
    expect(
      diffUser(
        { name: "a", deleteAfterDate: "2030-07-28" },
        { name: "a", deleteAfterDate: "2030-07-28T00:00:00Z" },
      ),
    ).toEqual([]);
    expect(
      diffUser(
        { name: "a", deleteAfterDate: "2030-07-29" },
        { name: "a", deleteAfterDate: "2030-07-28T00:00:00Z" },
      ),
    ).toHaveLength(1);
  });

  it("compares roles, scopes, labels and databases without regard to order", () => {
    const roles = [
      { role: "read", database: "sales" },
      { role: "readWrite", database: "app", collection: "orders" },
    ];
    expect(diffUser({ name: "a", roles }, { name: "a", roles: [...roles].reverse() })).toEqual([]);
    expect(diffUser({ name: "a", databases: ["b", "a"] }, { name: "a", databases: ["a", "b"] })).toEqual([]);
  });
});

describe("plans for Atlas and Rackspace users", () => {
  it("plans an Atlas roles, scopes, labels and description change as one update", () => {
    const actual = held("atlas", {
      name: "reporting",
      authDatabase: "admin",
      authType: "SCRAM",
      roles: [{ role: "read", database: "sales" }],
      scopes: [],
      labels: [],
    });
    const desired: UserSpec = {
      name: "reporting",
      roles: [{ role: "readWrite", database: "sales" }],
      scopes: [{ name: "Cluster0", type: "CLUSTER" }],
      labels: [{ key: "team", value: "bi" }],
      description: "BI dashboards",
    };
    const { changes, conflicts } = plan("atlas", [desired], [actual]);
    expect(conflicts).toBeUndefined();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      action: "update",
      user: { name: "reporting", authDatabase: "admin" },
    });
    expect(changes[0]?.action === "update" && changes[0].fields.map((f) => f.field)).toEqual([
      "roles",
      "scopes",
      "labels",
      "description",
    ]);
  });

  it("finds an Atlas X.509 user on $external, so it is not created again", () => {
    const actual = held("atlas", {
      name: "CN=svc",
      authDatabase: "$external",
      authType: "X509_CUSTOMER",
      roles: [{ role: "read", database: "a" }],
    });
    const { changes } = plan(
      "atlas",
      [{ name: "CN=svc", authType: "X509_CUSTOMER", roles: [{ role: "read", database: "a" }] }],
      [actual],
    );
    expect(changes).toEqual([]);
  });

  it("never plans an auth type change (Atlas cannot make it) and says so", () => {
    const actual = held("atlas", {
      name: "CN=g",
      authDatabase: "admin",
      authType: "LDAP_GROUP",
      roles: [{ role: "read", database: "a" }],
    });
    const result = plan("atlas", [{ name: "CN=g", authType: "SCRAM", roles: actual.roles! }], [actual]);
    expect(result.changes).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ user: { name: "CN=g", authDatabase: "admin" }, field: "authType" }),
    ]);
    expect(result.conflicts?.[0]?.message).toContain("LDAP_GROUP");
  });

  it("plans Rackspace database access as grants and revokes of one user, never a new user", () => {
    const actual = held("rackspace", { name: "etl", host: "10.0.0.%", databases: ["old", "warehouse"] });
    const result = plan(
      "rackspace",
      [{ name: "etl", host: "10.0.0.%", databases: ["warehouse", "lake"] }],
      [actual],
    );
    expect(result.changes).toEqual([
      {
        action: "update",
        user: { name: "etl", host: "10.0.0.%" },
        fields: [{ field: "databases", from: ["old", "warehouse"], to: ["warehouse", "lake"] }],
      },
    ]);
    const text = renderPlan({
      format: "dbusers-plan",
      version: 1,
      source: "f",
      baseDir: ".",
      prune: false,
      targets: [
        {
          name: "legacy",
          target: "rackspace:i",
          connection: { vendor: "rackspace", id: "i", credentials: {} },
          fingerprint: "",
          changes: result.changes,
          unmanaged: [],
        },
      ],
      summary: { create: 0, update: 1, rotate: 0, delete: 0, unmanaged: 0, failedTargets: 0, conflicts: 0 },
    } satisfies Plan);
    expect(text).toContain("  ~ etl@10.0.0.%\n      databases: grant lake; revoke old\n");
  });

  it("treats the host as part of a Rackspace user's identity", () => {
    const actual = held("rackspace", { name: "etl", host: "%" });
    const result = plan("rackspace", [{ name: "etl", host: "10.0.0.%" }], [actual]);
    expect(result.changes).toEqual([{ action: "create", user: { name: "etl", host: "10.0.0.%" } }]);
    expect(result.unmanaged).toEqual([{ name: "etl", host: "%", builtIn: false }]);
    const same = plan("rackspace", [{ name: "etl" }], [actual]);
    expect(same.changes).toEqual([]);
  });
});
