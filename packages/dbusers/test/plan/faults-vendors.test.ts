/**
 * Apply under faults on Atlas and Rackspace: lost answers, resets, rate limits (Atlas's 429,
 * Rackspace's 413) and server errors never make a user twice, and a second apply converges.
 * Rackspace applies each write some milliseconds after its 202, as Trove does. Atlas is reached
 * with a service account (a bearer token), so each write is one request a fault can hit; with an
 * API key every request is first answered by a Digest challenge.
 */
import { describe, expect, it } from "vitest";
import type { Credentials } from "../../src/model.js";
import { applyPlan } from "../../src/plan/apply.js";
import { createPlan } from "../../src/plan/plan.js";
import { hasChanges } from "../../src/plan/plan-types.js";
import { USERS_ALL, useWorld } from "./support.js";

const world = useWorld({ rackspaceWrites: { delayMs: 15 } });
const WAIT = { intervalMs: 10, timeoutMs: 5000 };
const file = (users: string) => world.fileAll(users, { serviceAccount: true });

async function apply(text: string) {
  const connections = world.connections();
  const plan = await createPlan(await world.load(text), connections);
  const credentials: Credentials[] = [];
  const result = await applyPlan(plan, connections, {
    wait: WAIT,
    onCredentials: async (c) => void credentials.push(c),
  });
  await connections.close();
  return { plan, result, credentials };
}

async function converged(text: string): Promise<boolean> {
  const connections = world.connections();
  const plan = await createPlan(await world.load(text), connections);
  await connections.close();
  return !hasChanges(plan);
}

const atlasCount = (name: string) =>
  world.emulator.state.atlas.users(world.group).filter((u) => u.username === name).length;
const rackspaceUsers = () => world.emulator.state.rackspace.instance(world.instance).users;

describe("apply under faults on Atlas and Rackspace", () => {
  it("never creates twice when the answers to creates are lost, and delivers the passwords users have", async () => {
    world.emulator.faults.inject(
      { operationId: "createGroupDatabaseUser", when: "after", times: 1 },
      { type: "drop" },
    );
    world.emulator.faults.inject({ operationId: "createUsers", when: "after", times: 1 }, { type: "drop" });
    const { result, credentials } = await apply(file(USERS_ALL));
    expect(result.outcomes.filter((o) => o.status !== "done")).toEqual([]);
    expect(result.ok).toBe(true);
    const lost = result.outcomes.filter((o) => o.note?.includes("the answer was lost; the user exists"));
    expect(lost.map((o) => o.target).sort()).toEqual(["analytics", "legacy"]);

    expect(atlasCount("reporting")).toBe(1);
    const atlas = credentials.filter((c) => c.target === `atlas:${world.group}`);
    expect(atlas).toHaveLength(1);
    expect(
      world.emulator.state.atlas.hasPassword(world.group, "admin", "reporting", atlas[0]!.password!.reveal()),
    ).toBe(true);

    const users = rackspaceUsers();
    expect(users.map((u) => `${u.name}@${u.host}`).sort()).toEqual([
      "app-reader@%",
      "etl@10.0.0.%",
      "legacy-rs@%",
    ]);
    const rackspace = credentials.filter((c) => c.target === `rackspace:${world.instance}`);
    expect(rackspace).toHaveLength(2);
    for (const c of rackspace) {
      expect(users.find((u) => u.name === c.name && u.host === c.host)?.password).toBe(c.password?.reveal());
    }
    expect(await converged(file(USERS_ALL))).toBe(true);
  });

  it("slows down on Atlas's 429 and Rackspace's 413, and rides out resets on reads", async () => {
    world.emulator.faults.inject(
      { operationId: "createGroupDatabaseUser", times: 2 },
      { type: "status", status: 429, retryAfter: 0 },
    );
    world.emulator.faults.inject(
      { operationId: "createUsers", times: 2 },
      { type: "status", status: 429, retryAfter: 0 },
    );
    world.emulator.faults.inject({ operationId: "listGroupDatabaseUsers", times: 1 }, { type: "drop" });
    world.emulator.faults.inject({ operationId: "listUsers", times: 1 }, { type: "drop" });
    const { result } = await apply(file(USERS_ALL));
    expect(result.outcomes.filter((o) => o.status !== "done")).toEqual([]);
    expect(result.ok).toBe(true);
    const limited = world.emulator.state.requests.filter((r) => r.status === 429 || r.status === 413);
    expect(limited.map((r) => `${r.vendor} ${r.status}`).sort()).toEqual([
      "atlas 429",
      "atlas 429",
      "rackspace 413",
      "rackspace 413",
    ]);
    expect(atlasCount("reporting")).toBe(1);
    expect(await converged(file(USERS_ALL))).toBe(true);
  });

  it("creates again only after a read shows a 5xx left nothing behind", async () => {
    world.emulator.faults.inject(
      { operationId: "createGroupDatabaseUser", times: 1 },
      { type: "status", status: 503 },
    );
    world.emulator.faults.inject({ operationId: "createUsers", times: 1 }, { type: "status", status: 500 });
    const { result } = await apply(file(USERS_ALL));
    expect(result.outcomes.filter((o) => o.status !== "done")).toEqual([]);
    expect(atlasCount("reporting")).toBe(1);
    expect(rackspaceUsers().filter((u) => u.name === "etl")).toHaveLength(1);
    expect(await converged(file(USERS_ALL))).toBe(true);
  });

  it("reports a failing target, carries on with the others, and a second apply finishes the work", async () => {
    world.emulator.faults.inject({ operationId: "createUsers" }, { type: "status", status: 500 });
    const first = await apply(file(USERS_ALL));
    expect(first.result.ok).toBe(false);
    const statuses = (t: string) => first.result.outcomes.filter((o) => o.target === t).map((o) => o.status);
    expect(statuses("legacy")).toEqual(["failed", "failed"]);
    expect(statuses("analytics")).toEqual(["done"]);
    expect(statuses("app-pg")).toEqual(["done", "done"]);
    world.emulator.faults.clear();
    const second = await apply(file(USERS_ALL));
    expect(second.result.ok).toBe(true);
    expect(second.plan.summary.create).toBe(2);
    expect(await converged(file(USERS_ALL))).toBe(true);

    // An Atlas change whose answer is lost is found in place by a read, not sent twice.
    const changed = file(USERS_ALL.replace("value: bi", "value: finance"));
    world.emulator.faults.inject(
      { operationId: "updateGroupDatabaseUser", when: "after", times: 1 },
      { type: "drop" },
    );
    const third = await apply(changed);
    expect(third.result.ok).toBe(true);
    expect(third.result.outcomes[0]?.note).toContain("the change is in place");
    expect(await converged(changed)).toBe(true);
  });
});
