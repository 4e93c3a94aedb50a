/** `dbusers plan` / `dbusers apply` as a user runs them, over DigitalOcean, Atlas and Rackspace at once. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { USERS_ALL, useWorld } from "./support.js";

const world = useWorld();

interface Written {
  readonly target: string;
  readonly name: string;
  readonly host?: string;
  readonly authDatabase?: string;
  readonly password: string;
}

function secretsIn(file: string): Written[] {
  return JSON.parse(readFileSync(join(world.dir, file), "utf8")) as Written[];
}

function expectNoSecret(secrets: readonly string[], ...texts: string[]): void {
  expect(secrets.length).toBeGreaterThan(0);
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("dbusers plan / apply over three vendors (the binary)", () => {
  it("plan → apply → plan round-trips to no changes; --secrets-out holds exactly the new credentials", async () => {
    world.write("dbusers.yaml", world.fileAll(USERS_ALL));
    const plan = await world.spawn(["plan", "-f", "dbusers.yaml", "--detailed-exitcode"]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`analytics (atlas:${world.group})\n  + admin/reporting\n`);
    expect(plan.stdout).toContain(
      `legacy (rackspace:${world.instance})\n  + etl@10.0.0.%\n  + app-reader@%\n`,
    );
    expect(plan.stdout).toContain("unmanaged (left alone; --prune deletes them): legacy-rs@%");
    expect(plan.stdout).toContain("Plan: 7 to create, 0 to change, 0 to delete; 3 unmanaged left alone.");

    const apply = await world.spawn(["apply", "-f", "dbusers.yaml", "--yes", "--secrets-out", "new.json"]);
    expect(apply.stderr).not.toContain("FAILED");
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain("+ analytics: admin/reporting: done");
    expect(apply.stdout).toContain("+ legacy: etl@10.0.0.%: done");
    expect(apply.stdout).toContain("Apply: 7 done, 0 failed.");
    expect(apply.stderr).toContain("7 new credentials written to");

    expect(statSync(join(world.dir, "new.json")).mode & 0o777).toBe(0o600);
    const written = secretsIn("new.json");
    const state = world.emulator.state;
    const rackspace = state.rackspace.instance(world.instance).users;
    // Exactly the seven new users, each with the password it now has.
    expect(written.map((c) => `${c.target} ${c.name}${c.host ? `@${c.host}` : ""}`).sort()).toEqual(
      [
        `atlas:${world.group} reporting`,
        `digitalocean:${world.mysql} app-reader`,
        `digitalocean:${world.mysql} reporting`,
        `digitalocean:${world.pg} app-reader`,
        `digitalocean:${world.pg} replicator`,
        `rackspace:${world.instance} app-reader@%`,
        `rackspace:${world.instance} etl@10.0.0.%`,
      ].sort(),
    );
    for (const c of written) {
      const [vendor, id] = c.target.split(":") as [string, string];
      if (vendor === "atlas") {
        expect(c.authDatabase).toBe("admin");
        expect(state.atlas.hasPassword(id, "admin", c.name, c.password)).toBe(true);
      } else if (vendor === "rackspace") {
        expect(rackspace.find((u) => u.name === c.name && u.host === c.host)?.password).toBe(c.password);
      } else {
        expect(state.digitalocean.getUser(id, c.name)?.password).toBe(c.password);
      }
    }
    expectNoSecret(
      [...written.map((c) => c.password), ...world.passwords()],
      plan.stdout,
      plan.stderr,
      apply.stdout,
      apply.stderr,
    );

    const after = await world.spawn(["plan", "-f", "dbusers.yaml", "--detailed-exitcode"]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("Plan: 0 to create, 0 to change, 0 to delete; 3 unmanaged left alone.");
  });

  it("refuses a saved plan once an Atlas project or Rackspace instance changed, and sends nothing", async () => {
    world.write("dbusers.yaml", world.fileAll(USERS_ALL));
    const saved = await world.cli(["plan", "-f", "dbusers.yaml", "--out", "plan.json", "--prune"]);
    expect(saved.code).toBe(0);
    const plan = JSON.parse(readFileSync(join(world.dir, "plan.json"), "utf8"));
    expect(plan.targets.find((t: { name: string }) => t.name === "legacy")).toMatchObject({
      connection: {
        vendor: "rackspace",
        id: world.instance,
        region: "ORD",
        credentials: { username: { env: "RS_USER" }, apiKey: { env: "RS_KEY" } },
      },
      changes: [
        { action: "create", user: { name: "etl", host: "10.0.0.%", databases: ["warehouse"] } },
        { action: "create", user: { name: "app-reader", host: "%" } },
        { action: "delete", user: { name: "legacy-rs", host: "%" } },
      ],
    });
    world.emulator.state.atlas.addUser(world.group, "added-by-hand");
    world.emulator.state.clearRequests();
    const stale = await world.spawn(["apply", "plan.json", "--yes", "--secrets-out", "s.json"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("the saved plan is stale: analytics changed since it was made");
    // Only reads (and Rackspace's token request, which has no operation) reached the emulator.
    expect(
      world.emulator.state.requests.filter(
        (r) => r.method !== "GET" && r.operationId !== undefined && r.status !== 401,
      ),
    ).toEqual([]);

    // A fresh plan of the same file applies, prune included, and leaves the file's state.
    const fresh = await world.cli(["plan", "-f", "dbusers.yaml", "--out", "plan2.json", "--prune"]);
    expect(fresh.code).toBe(0);
    const applied = await world.spawn(["apply", "plan2.json", "--yes", "--secrets-out", "s2.json"]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("- legacy: legacy-rs@%: done");
    expect(applied.stdout).toContain("- analytics: admin/added-by-hand: done");
    const again = await world.cli(["plan", "-f", "dbusers.yaml", "--prune", "--detailed-exitcode"]);
    expect(again.code).toBe(0);
  });
});
