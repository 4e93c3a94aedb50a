import { describe, expect, it } from "vitest";
import type { Credentials } from "../../src/model.js";
import { applyPlan } from "../../src/plan/apply.js";
import { createPlan } from "../../src/plan/plan.js";
import { hasChanges } from "../../src/plan/plan-types.js";
import { USERS, useWorld } from "./support.js";

const world = useWorld();

async function apply(text: string, options: { prune?: boolean } = {}) {
  const connections = world.connections();
  const plan = await createPlan(await world.load(text), connections, options);
  const credentials: Credentials[] = [];
  const result = await applyPlan(plan, connections, { onCredentials: async (c) => void credentials.push(c) });
  await connections.close();
  return { plan, result, credentials };
}

async function converged(text: string): Promise<boolean> {
  const connections = world.connections();
  const plan = await createPlan(await world.load(text), connections);
  await connections.close();
  return !hasChanges(plan);
}

function countOf(cluster: string, name: string): number {
  return world.emulator.state.digitalocean.listUsers(cluster).filter((u) => u.name === name).length;
}

describe("apply under faults", () => {
  it("never creates a user twice when the answer to a create is lost, and still delivers working credentials", async () => {
    world.emulator.faults.inject(
      { operationId: "databases_add_user", when: "after", times: 1 },
      { type: "drop" },
    );
    const { result, credentials } = await apply(world.file(USERS));
    expect(result.ok).toBe(true);
    const lost = result.outcomes.find((o) => o.note?.includes("answer was lost"));
    expect(lost?.change.action).toBe("create");
    const name = lost!.change.user.name;
    const cluster = lost!.target === "app-pg" ? world.pg : world.mysql;
    expect(countOf(cluster, name)).toBe(1);
    // The password delivered is the one the user now has (it was reset to capture it).
    const delivered = credentials.filter((c) => c.name === name && c.target === `digitalocean:${cluster}`);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.password?.reveal()).toBe(
      world.emulator.state.digitalocean.getUser(cluster, name)?.password,
    );
    expect(credentials).toHaveLength(4);
    expect(await converged(world.file(USERS))).toBe(true);
  });

  it("creates again only after a read shows a 5xx left nothing behind", async () => {
    world.emulator.faults.inject(
      { operationId: "databases_add_user", times: 2 },
      { type: "status", status: 503 },
    );
    const { result } = await apply(world.file(USERS));
    expect(result.ok).toBe(true);
    const gets = world.emulator.state.requests.filter((r) => r.operationId === "databases_get_user");
    expect(gets.length).toBeGreaterThanOrEqual(2);
    expect(countOf(world.pg, "app-reader") + countOf(world.mysql, "app-reader")).toBe(2);
    expect(await converged(world.file(USERS))).toBe(true);
  });

  it("slows down on 429 (and connection resets on reads) instead of failing", async () => {
    world.emulator.faults.inject(
      { operationId: "databases_add_user", times: 3 },
      { type: "status", status: 429, retryAfter: 0 },
    );
    world.emulator.faults.inject({ operationId: "databases_list_users", times: 2 }, { type: "drop" });
    world.emulator.faults.inject(
      { operationId: "databases_update_user", times: 1 },
      { type: "status", status: 429, retryAfter: 0 },
    );
    const { result } = await apply(world.file(USERS));
    expect(result.ok).toBe(true);
    expect(result.outcomes).toHaveLength(4);
    const limited = world.emulator.state.requests.filter((r) => r.status === 429);
    expect(limited.length).toBe(3);
    expect(await converged(world.file(USERS))).toBe(true);
  });

  it("finishes an update and a delete whose answers were lost", async () => {
    await apply(world.file(USERS));
    world.emulator.faults.inject(
      { operationId: "databases_update_user", when: "after", times: 1 },
      { type: "drop" },
    );
    world.emulator.faults.inject(
      { operationId: "databases_delete_user", when: "after", times: 1 },
      { type: "drop" },
    );
    const changed = world.file(USERS.replace("pg_allow_replication: true", "pg_allow_replication: false"));
    const { result } = await apply(changed, { prune: true });
    expect(result.ok).toBe(true);
    expect(result.outcomes.map((o) => o.change.action).sort()).toEqual(["delete", "update"]);
    expect(countOf(world.pg, "legacy-job")).toBe(0);
    expect(await converged(changed)).toBe(true);
  });

  it("reports a failing target, carries on with the others, and a second apply finishes the work", async () => {
    world.emulator.faults.inject(
      { operationId: "databases_add_user", path: new RegExp(world.mysql) },
      { type: "status", status: 500 },
    );
    const first = await apply(world.file(USERS));
    expect(first.result.ok).toBe(false);
    const byTarget = (t: string) => first.result.outcomes.filter((o) => o.target === t).map((o) => o.status);
    expect(byTarget("app-pg")).toEqual(["done", "done"]);
    expect(byTarget("app-my")).toEqual(["failed", "failed"]);
    expect(first.result.outcomes.find((o) => o.status === "failed")?.error).toMatch(/500|Server Error/i);
    world.emulator.faults.clear();
    const second = await apply(world.file(USERS));
    expect(second.result.ok).toBe(true);
    expect(second.plan.summary.create).toBe(2);
    expect(await converged(world.file(USERS))).toBe(true);
  });
});
