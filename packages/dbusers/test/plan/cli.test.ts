import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { USERS, useWorld } from "./support.js";

const world = useWorld();

function noSecretIn(...texts: string[]): void {
  const passwords = world.passwords();
  expect(passwords.length).toBeGreaterThan(0);
  for (const text of texts) for (const p of passwords) expect(text).not.toContain(p);
}

describe("dbusers plan / apply (the binary)", () => {
  it("plan → apply → plan: exit 2, then 0 with no changes; secrets only in --secrets-out (0600)", async () => {
    world.write("dbusers.yaml", world.file(USERS));
    const plan = await world.spawn(["plan", "-f", "dbusers.yaml", "--detailed-exitcode"]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain("  + app-reader\n");
    expect(plan.stdout).toContain("unmanaged (left alone; --prune deletes them): legacy-job");
    expect(plan.stdout).toContain("built-in (never changed): doadmin");
    expect(plan.stdout).toContain("Plan: 4 to create, 0 to change, 0 to delete; 1 unmanaged left alone.");

    const apply = await world.spawn(["apply", "-f", "dbusers.yaml", "--yes", "--secrets-out", "new.json"]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain("+ app-pg: replicator: done");
    expect(apply.stdout).toContain("Apply: 4 done, 0 failed.");
    expect(apply.stderr).toContain("4 new credentials written to");

    const file = join(world.dir, "new.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(file, "utf8")) as {
      target: string;
      name: string;
      password: string;
    }[];
    const state = world.emulator.state.digitalocean;
    expect(written.map((c) => `${c.target}/${c.name}=${c.password}`).sort()).toEqual(
      [
        [world.pg, "app-reader"],
        [world.pg, "replicator"],
        [world.mysql, "app-reader"],
        [world.mysql, "reporting"],
      ]
        .map(
          ([cluster, name]) => `digitalocean:${cluster}/${name}=${state.getUser(cluster!, name!)?.password}`,
        )
        .sort(),
    );
    noSecretIn(plan.stdout, plan.stderr, apply.stdout, apply.stderr);

    const after = await world.spawn(["plan", "-f", "dbusers.yaml", "--detailed-exitcode"]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("Plan: 0 to create, 0 to change, 0 to delete; 1 unmanaged left alone.");
  });

  it("prints the documented JSON, saves a plan, applies exactly it, and refuses it after drift", async () => {
    world.write("dbusers.yaml", world.file(USERS));
    const json = await world.cli(["plan", "-f", "dbusers.yaml", "--json", "--out", "plan.json", "--prune"]);
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(plan).toMatchObject({ format: "dbusers-plan", version: 1, source: "dbusers.yaml", prune: true });
    expect(plan.summary).toEqual({
      create: 4,
      update: 0,
      rotate: 0,
      delete: 1,
      unmanaged: 0,
      failedTargets: 0,
      conflicts: 0,
    });
    expect(plan.targets[0]).toMatchObject({
      name: "app-pg",
      target: `digitalocean:${world.pg}`,
      connection: {
        vendor: "digitalocean",
        id: world.pg,
        engine: "pg",
        credentials: { token: { env: "DO_TOKEN" } },
      },
      changes: [
        { action: "create", user: { name: "app-reader" } },
        { action: "create", user: { name: "replicator", settings: { pg_allow_replication: true } } },
        { action: "delete", user: { name: "legacy-job" } },
      ],
      unmanaged: [{ name: "doadmin", builtIn: true }],
    });
    expect(JSON.parse(readFileSync(join(world.dir, "plan.json"), "utf8"))).toEqual(plan);

    // Someone adds a user after the plan was made: the saved plan is stale and nothing is sent.
    world.emulator.state.digitalocean.addUser(world.mysql, "intruder");
    world.emulator.state.clearRequests();
    const stale = await world.spawn(["apply", "plan.json", "--yes", "--secrets-out", "s1.json"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("the saved plan is stale: app-my changed since it was made");
    expect(world.emulator.state.requests.filter((r) => r.method !== "GET")).toEqual([]);

    const fresh = await world.cli(["plan", "-f", "dbusers.yaml", "--out", "plan2.json"]);
    expect(fresh.code).toBe(0);
    // The file changes after the plan was saved: apply still does exactly what the plan says.
    world.write("dbusers.yaml", world.file("users: []\n"));
    const applied = await world.spawn(["apply", "plan2.json", "--yes", "--secrets-out", "s2.json"]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("Apply: 4 done, 0 failed.");
    const names = world.emulator.state.digitalocean
      .listUsers(world.mysql)
      .map((u) => u.name)
      .sort();
    expect(names).toEqual(["app-reader", "doadmin", "intruder", "reporting"]);
    noSecretIn(json.stdout, stale.stdout, stale.stderr, applied.stdout, applied.stderr);
  });

  it("asks for --yes off a terminal, needs --secrets-out for new credentials, never overwrites one", async () => {
    world.write("dbusers.yaml", world.file(USERS));
    const noYes = await world.cli(["apply", "-f", "dbusers.yaml", "--secrets-out", "a.json"]);
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toContain("pass --yes when not on a terminal");
    const noOut = await world.cli(["apply", "-f", "dbusers.yaml", "--yes"]);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain("--secrets-out FILE is required");
    world.write("old.json", "[]\n");
    const kept = await world.cli(["apply", "-f", "dbusers.yaml", "--yes", "--secrets-out", "old.json"]);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain("already holds data");
    expect(readFileSync(join(world.dir, "old.json"), "utf8")).toBe("[]\n");
    expect(world.emulator.state.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("apply --json reports each step's outcome and exits 1 when a target fails", async () => {
    world.write("dbusers.yaml", world.file(USERS));
    world.emulator.faults.inject(
      { operationId: "databases_add_user", path: new RegExp(world.mysql) },
      { type: "status", status: 500 },
    );
    const run = await world.cli([
      "apply",
      "-f",
      "dbusers.yaml",
      "--yes",
      "--json",
      "--secrets-out",
      "s.json",
    ]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.result.ok).toBe(false);
    expect(
      out.result.outcomes.map((o: { target: string; status: string }) => `${o.target}:${o.status}`).sort(),
    ).toEqual(["app-my:failed", "app-my:failed", "app-pg:done", "app-pg:done"]);
    expect(JSON.parse(readFileSync(join(world.dir, "s.json"), "utf8"))).toHaveLength(2);
    noSecretIn(run.stdout, run.stderr);
    world.emulator.faults.clear();
    const again = await world.cli(["apply", "-f", "dbusers.yaml", "--yes", "--secrets-out", "s2.json"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Apply: 2 done, 0 failed.");
  });
});
