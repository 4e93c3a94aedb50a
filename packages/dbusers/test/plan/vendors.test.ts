/**
 * Plan and apply over DigitalOcean, Atlas and Rackspace in one file, through the library, on one
 * emulator. Rackspace applies each accepted write some milliseconds after its 202, so a plan right
 * after an apply shows no changes only if apply waited for them.
 */
import { describe, expect, it, vi } from "vitest";
import type { Credentials } from "../../src/model.js";
import { applyPlan } from "../../src/plan/apply.js";
import { createPlan } from "../../src/plan/plan.js";
import { hasChanges } from "../../src/plan/plan-types.js";
import { summaryLine } from "../../src/plan/render.js";
import { USERS_ALL, useWorld } from "./support.js";

const world = useWorld({ rackspaceWrites: { delayMs: 15 } });
const WAIT = { intervalMs: 10, timeoutMs: 5000 };

async function planOf(text: string, options: { prune?: boolean; rotate?: string[] } = {}) {
  const connections = world.connections();
  const plan = await createPlan(await world.load(text), connections, options);
  return { plan, connections };
}

async function applyText(text: string, options: { prune?: boolean; rotate?: string[] } = {}) {
  const { plan, connections } = await planOf(text, options);
  const credentials: Credentials[] = [];
  const result = await applyPlan(plan, connections, {
    wait: WAIT,
    onCredentials: async (c) => void credentials.push(c),
  });
  await connections.close();
  return { plan, result, credentials };
}

async function noChanges(text: string): Promise<boolean> {
  const { plan, connections } = await planOf(text);
  await connections.close();
  return !hasChanges(plan);
}

/** Writes the vendors carried out (an Atlas Digest challenge's 401 is the same request asked again). */
const writes = () =>
  world.emulator.state.requests
    .filter(
      (r) =>
        r.method !== "GET" &&
        r.operationId !== undefined &&
        r.status !== 401 &&
        !/token/i.test(r.operationId),
    )
    .map((r) => `${r.method} ${r.operationId}`);

describe("plan and apply over all three vendors", () => {
  it("round-trips to no changes, with every new password delivered and working", async () => {
    const { plan, result, credentials } = await applyText(world.fileAll(USERS_ALL));
    expect(plan.summary).toMatchObject({ create: 7, update: 0, delete: 0, unmanaged: 3 });
    expect(plan.targets.find((t) => t.name === "legacy")?.changes).toEqual([
      { action: "create", user: { name: "etl", host: "10.0.0.%", databases: ["warehouse"] } },
      { action: "create", user: { name: "app-reader", host: "%" } },
    ]);
    expect(result.outcomes.filter((o) => o.status !== "done")).toEqual([]);
    expect(result.ok).toBe(true);

    const state = world.emulator.state;
    const reporting = state.atlas.users(world.group).find((u) => u.username === "reporting");
    expect(reporting).toMatchObject({
      databaseName: "admin",
      roles: [{ roleName: "read", databaseName: "sales" }],
      labels: [{ key: "team", value: "bi" }],
    });
    const atlasCredential = credentials.find((c) => c.target === `atlas:${world.group}`);
    expect(
      state.atlas.hasPassword(world.group, "admin", "reporting", atlasCredential!.password!.reveal()),
    ).toBe(true);
    const rs = state.rackspace.instance(world.instance).users;
    expect(rs.find((u) => u.name === "etl")).toMatchObject({ host: "10.0.0.%", databases: ["warehouse"] });
    for (const c of credentials.filter((c) => c.target === `rackspace:${world.instance}`)) {
      expect(rs.find((u) => u.name === c.name && u.host === c.host)?.password).toBe(c.password?.reveal());
    }
    expect(
      credentials.map((c) => `${c.target.split(":")[0]}/${c.name}${c.host ? `@${c.host}` : ""}`).sort(),
    ).toEqual([
      "atlas/reporting",
      "digitalocean/app-reader",
      "digitalocean/app-reader",
      "digitalocean/replicator",
      "digitalocean/reporting",
      "rackspace/app-reader@%",
      "rackspace/etl@10.0.0.%",
    ]);

    const again = await planOf(world.fileAll(USERS_ALL));
    await again.connections.close();
    expect(hasChanges(again.plan)).toBe(false);
    expect(summaryLine(again.plan.summary)).toBe(
      "Plan: 0 to create, 0 to change, 0 to delete; 3 unmanaged left alone.",
    );
    expect(again.plan.targets.find((t) => t.name === "legacy")?.unmanaged).toEqual([
      { name: "legacy-rs", host: "%", builtIn: false },
    ]);
  });

  it("changes Atlas roles, scopes, labels and description with one PATCH", async () => {
    await applyText(world.fileAll(USERS_ALL));
    world.emulator.state.clearRequests();
    const changed = world.fileAll(
      USERS_ALL.replace(
        "roles: [{ role: read, database: sales }]",
        'roles: [{ role: readWrite, database: sales }]\n    scopes: [{ name: Cluster0, type: CLUSTER }]\n    description: "BI dashboards"',
      ).replace("value: bi", "value: finance"),
    );
    const { plan, result } = await applyText(changed);
    const atlas = plan.targets.find((t) => t.name === "analytics")!;
    expect(atlas.changes).toHaveLength(1);
    expect(atlas.changes[0]).toMatchObject({
      action: "update",
      user: { name: "reporting", authDatabase: "admin" },
    });
    expect(result.ok).toBe(true);
    expect(writes()).toEqual(["PATCH updateGroupDatabaseUser"]);
    expect(await noChanges(changed)).toBe(true);
  });

  it("changes a Rackspace user's databases by grants and revokes, never a new user", async () => {
    await applyText(world.fileAll(USERS_ALL));
    world.emulator.state.clearRequests();
    const changed = world.fileAll(USERS_ALL.replace("databases: [warehouse]", "databases: [sales, orders]"));
    const { plan, result } = await applyText(changed);
    expect(plan.targets.find((t) => t.name === "legacy")?.changes).toEqual([
      {
        action: "update",
        user: { name: "etl", host: "10.0.0.%" },
        fields: [{ field: "databases", from: ["warehouse"], to: ["sales", "orders"] }],
      },
    ]);
    expect(result.ok).toBe(true);
    expect(writes().sort()).toEqual(["DELETE revokeUserAccess", "PUT grantUserAccess"]);
    const etl = world.emulator.state.rackspace.instance(world.instance).users.find((u) => u.name === "etl");
    expect([...etl!.databases].sort()).toEqual(["orders", "sales"]);
    expect(await noChanges(changed)).toBe(true);
  });

  it("prunes what the file does not list on every vendor, and only that", async () => {
    await applyText(world.fileAll(USERS_ALL));
    const { plan, result } = await applyText(world.fileAll(USERS_ALL), { prune: true });
    expect(
      plan.targets.flatMap((t) =>
        t.changes.filter((c) => c.action === "delete").map((c) => `${t.name} ${c.user.name}`),
      ),
    ).toEqual(["app-pg legacy-job", "analytics legacy-atlas", "legacy legacy-rs"]);
    expect(result.ok).toBe(true);
    const state = world.emulator.state;
    expect(state.atlas.users(world.group).map((u) => u.username)).toEqual(["reporting"]);
    expect(
      state.rackspace
        .instance(world.instance)
        .users.map((u) => `${u.name}@${u.host}`)
        .sort(),
    ).toEqual(["app-reader@%", "etl@10.0.0.%"]);
    expect(
      state.digitalocean
        .listUsers(world.pg)
        .map((u) => u.name)
        .sort(),
    ).toEqual(["app-reader", "doadmin", "replicator"]);
    expect(await noChanges(world.fileAll(USERS_ALL))).toBe(true);
  });

  it("creates an Atlas user that has no password without one, and hands over no credential for it", async () => {
    const users = `users:
  - name: "arn:aws:iam::123456789012:role/etl"
    targets: [analytics]
    authType: AWS_IAM_ROLE
    roles: [{ role: read, database: sales }]
`;
    const { plan, result, credentials } = await applyText(world.fileAll(users));
    expect(plan.targets.find((t) => t.name === "analytics")?.changes).toEqual([
      {
        action: "create",
        user: {
          name: "arn:aws:iam::123456789012:role/etl",
          authType: "AWS_IAM_ROLE",
          authDatabase: "$external",
          roles: [{ role: "read", database: "sales" }],
        },
      },
    ]);
    expect(result.ok).toBe(true);
    expect(credentials).toEqual([]);
    const made = world.emulator.state.atlas.users(world.group).find((u) => u.username.startsWith("arn:"));
    expect(made).toMatchObject({ databaseName: "$external", awsIAMType: "ROLE" });
    expect(await noChanges(world.fileAll(users))).toBe(true);
  });

  it("rotates Atlas and Rackspace passwords only when asked", async () => {
    await applyText(world.fileAll(USERS_ALL));
    const { plan, result, credentials } = await applyText(world.fileAll(USERS_ALL), {
      rotate: ["analytics/reporting", "legacy/etl"],
    });
    expect(plan.summary).toMatchObject({ create: 0, update: 0, rotate: 2 });
    expect(result.ok).toBe(true);
    const atlas = credentials.find((c) => c.name === "reporting")!;
    expect(
      world.emulator.state.atlas.hasPassword(world.group, "admin", "reporting", atlas.password!.reveal()),
    ).toBe(true);
    const etl = credentials.find((c) => c.name === "etl")!;
    // Trove applies the accepted change later and never shows a password, so apply cannot wait for
    // it to be visible (docs/vendors/rackspace.md §3): the emulator's state gets it after the delay.
    await vi.waitFor(
      () =>
        expect(
          world.emulator.state.rackspace.instance(world.instance).users.find((u) => u.name === "etl")
            ?.password,
        ).toBe(etl.password!.reveal()),
      { timeout: 5_000, interval: 10 },
    );
  });
});
