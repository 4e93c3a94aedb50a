/** Accepted writes applied later, newer Trove's silent failures (§1.1), and Rackspace's limits per kind of request (§3). */
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import { INSTANCE, useRackspace } from "../helpers/rackspace.js";

const users = `/instances/${INSTANCE}/users`;

describe('writes: "manual" and validation: "guest"', () => {
  const ctx = useRackspace({ writes: "manual", validation: "guest" });
  const names = () => ctx.emulator.state.rackspace.instance(INSTANCE).users.map((u) => u.name);

  it("answers 202 and applies the write only when the test says so", async () => {
    expect((await ctx.trove("POST", users, { users: [{ name: "later", password: "pw-1" }] })).status).toBe(
      202,
    );
    expect(names()).toEqual([]);
    expect(ctx.emulator.state.rackspace.pendingWrites).toBe(1);
    expect(ctx.emulator.state.rackspace.applyWrites()).toBe(1);
    expect(names()).toEqual(["later"]);
  });

  it("accepts a name only the MySQL model refuses with 202, and it never appears", async () => {
    const res = await ctx.trove("POST", users, {
      users: [
        { name: "fine", password: "pw-1" },
        { name: "much-too-long-for-mysql", password: "pw-1" },
        { name: "after", password: "pw-1" },
      ],
    });
    expect(res.status).toBe(202);
    ctx.emulator.state.rackspace.applyWrites();
    // The guest agent stops at the first user it refuses; the ones before it exist.
    expect(names()).toEqual(["fine"]);
  });

  it("still refuses reserved names and the JSON schema at the API", async () => {
    expect((await ctx.trove("POST", users, { users: [{ name: "os_admin", password: "pw-1" }] })).status).toBe(
      400,
    );
    expect((await ctx.trove("POST", users, { users: [{ name: "x", password: "" }] })).status).toBe(400);
  });
});

describe("writes: { delayMs }", () => {
  const ctx = useRackspace({ writes: { delayMs: 60_000 } });

  it("holds the write until the delay passes (or applyWrites)", async () => {
    await ctx.trove("POST", `/instances/${INSTANCE}/databases`, { databases: [{ name: "slow" }] });
    expect(ctx.emulator.state.rackspace.instance(INSTANCE).databases).toEqual(["orders"]);
    ctx.emulator.state.rackspace.applyWrites();
    expect(ctx.emulator.state.rackspace.instance(INSTANCE).databases).toEqual(["orders", "slow"]);
  });
});

describe("Rackspace's default rate limits", () => {
  it("answers the 21st enable-root in a minute with 413 overLimit and Retry-After, while reads go on", async () => {
    const emulator = await startEmulator({
      rackspace: { accounts: [{ username: "u", apiKey: "k", tenantId: "9", instances: [{ id: "i" }] }] },
    });
    try {
      const auth = await fetch(`${emulator.url}/v2.0/tokens`, {
        method: "POST",
        body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "u", apiKey: "k" } } }),
      });
      const token = ((await auth.json()) as { access: { token: { id: string } } }).access.token.id;
      const call = (method: string, path: string) =>
        fetch(`${emulator.url}/v1.0/9/instances/i${path}`, { method, headers: { "x-auth-token": token } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call("POST", "/root")).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const limited = await call("POST", "/root");
      expect(limited.status).toBe(413);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await limited.json()) as { overLimit: { code: number } }).overLimit.code).toBe(413);
      expect((await call("GET", "/root")).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
