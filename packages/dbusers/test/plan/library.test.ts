import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/plan/apply.js";
import { createPlan } from "../../src/plan/plan.js";
import { hasChanges } from "../../src/plan/plan-types.js";
import { summaryLine } from "../../src/plan/render.js";
import { USERS, useWorld } from "./support.js";

const world = useWorld();

async function planOf(text: string, options: { prune?: boolean; rotate?: string[] } = {}) {
  const state = await world.load(text);
  const connections = world.connections();
  const plan = await createPlan(state, connections, options);
  return { plan, connections };
}

async function applyText(text: string, options: { prune?: boolean; rotate?: string[] } = {}) {
  const { plan, connections } = await planOf(text, options);
  const credentials: string[] = [];
  const result = await applyPlan(plan, connections, {
    onCredentials: async (c) => {
      credentials.push(`${c.target}/${c.name}`);
    },
  });
  await connections.close();
  return { plan, result, credentials };
}

describe("plan and apply through the library", () => {
  it("round-trips: plan creates, apply makes it so, and plan then shows no changes", async () => {
    const { plan, result, credentials } = await applyText(world.file(USERS));
    expect(plan.summary).toMatchObject({ create: 4, update: 0, delete: 0 });
    expect(result.ok).toBe(true);
    expect(credentials.sort()).toEqual(
      [
        `digitalocean:${world.pg}/app-reader`,
        `digitalocean:${world.pg}/replicator`,
        `digitalocean:${world.mysql}/app-reader`,
        `digitalocean:${world.mysql}/reporting`,
      ].sort(),
    );
    const state = world.emulator.state.digitalocean;
    expect(state.getUser(world.pg, "replicator")?.settings).toEqual({ pg_allow_replication: true });
    expect(state.getUser(world.mysql, "reporting")?.mysql_settings?.auth_plugin).toBe(
      "mysql_native_password",
    );

    const again = await planOf(world.file(USERS));
    await again.connections.close();
    expect(hasChanges(again.plan)).toBe(false);
    expect(summaryLine(again.plan.summary)).toBe(
      "Plan: 0 to create, 0 to change, 0 to delete; 1 unmanaged left alone.",
    );
  });

  it("plans a settings change as one update, never a delete and a create", async () => {
    await applyText(world.file(USERS));
    world.emulator.state.clearRequests();
    const changed = world.file(USERS.replace("pg_allow_replication: true", "pg_allow_replication: false"));
    const { plan, result } = await applyText(changed);
    expect(plan.targets.find((t) => t.name === "app-pg")?.changes).toEqual([
      {
        action: "update",
        user: { name: "replicator" },
        fields: [
          { field: "settings", from: { pg_allow_replication: true }, to: { pg_allow_replication: false } },
        ],
      },
    ]);
    expect(result.ok).toBe(true);
    const writes = world.emulator.state.requests.filter((r) => r.method !== "GET");
    expect(writes.map((r) => `${r.method} ${r.operationId}`)).toEqual(["PUT databases_update_user"]);
  });

  it("changes a MySQL auth plugin with the new password DigitalOcean requires, and delivers it", async () => {
    await applyText(world.file(USERS));
    const { plan, result, credentials } = await applyText(
      world.file(USERS.replace("mysql_native_password", "caching_sha2_password")),
    );
    expect(plan.targets.find((t) => t.name === "app-my")?.changes).toEqual([
      {
        action: "rotate",
        user: { name: "reporting" },
        reason: "mysqlAuthPlugin",
        mysqlAuthPlugin: "caching_sha2_password",
      },
    ]);
    expect(result.ok).toBe(true);
    expect(credentials).toEqual([`digitalocean:${world.mysql}/reporting`]);
    expect(
      world.emulator.state.digitalocean.getUser(world.mysql, "reporting")?.mysql_settings?.auth_plugin,
    ).toBe("caching_sha2_password");
  });

  it("leaves unmanaged and built-in users alone, and deletes only unmanaged ones with prune", async () => {
    const { plan } = await planOf(world.file(USERS));
    const pg = plan.targets.find((t) => t.name === "app-pg")!;
    expect(pg.unmanaged).toEqual([
      { name: "doadmin", builtIn: true },
      { name: "legacy-job", builtIn: false },
    ]);
    expect(pg.changes.some((c) => c.action === "delete")).toBe(false);

    const { plan: pruned, result } = await applyText(world.file(USERS), { prune: true });
    expect(pruned.targets.flatMap((t) => t.changes.filter((c) => c.action === "delete"))).toEqual([
      { action: "delete", user: { name: "legacy-job" } },
    ]);
    expect(result.ok).toBe(true);
    const names = world.emulator.state.digitalocean
      .listUsers(world.pg)
      .map((u) => u.name)
      .sort();
    expect(names).toEqual(["app-reader", "doadmin", "replicator"]);
  });

  it("rotates only when asked, by name or with rotate: true", async () => {
    await applyText(world.file(USERS));
    const quiet = await planOf(world.file(USERS));
    await quiet.connections.close();
    expect(quiet.plan.summary.rotate).toBe(0);
    const byFlag = await planOf(world.file(USERS), { rotate: ["app-pg/app-reader"] });
    await byFlag.connections.close();
    expect(byFlag.plan.targets.flatMap((t) => t.changes)).toEqual([
      { action: "rotate", user: { name: "app-reader" }, reason: "requested" },
    ]);
    const before = world.emulator.state.digitalocean.getUser(world.pg, "replicator")?.password;
    const { result, credentials } = await applyText(
      world.file(
        USERS.replace(
          "settings: { pg_allow_replication: true }",
          "settings: { pg_allow_replication: true }\n    rotate: true",
        ),
      ),
    );
    expect(result.ok).toBe(true);
    expect(credentials).toEqual([`digitalocean:${world.pg}/replicator`]);
    expect(world.emulator.state.digitalocean.getUser(world.pg, "replicator")?.password).not.toBe(before);
  });
});
