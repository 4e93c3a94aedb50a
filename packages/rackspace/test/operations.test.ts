/** Every operation against the emulator over loopback, under both identity schemes. */
import { describe, expect, it } from "vitest";
import { SCHEMES, useEmulator } from "./support/emulator.js";

const ctx = useEmulator();

describe.each(SCHEMES)("every operation through %s", (scheme) => {
  it("creates, lists, gets, changes, renames and deletes users", async () => {
    const client = ctx.client(scheme);
    const id = ctx.instanceId;
    await client.createUsers(id, [
      { name: "app.reader", password: "Reader_pw_1", databases: ["orders"] },
      { name: "app.writer", password: "Writer_pw_1", host: "10.0.0.%" },
    ]);
    expect(await client.listUsers(id)).toEqual([
      { name: "app.reader", host: "%", databases: [{ name: "orders" }] },
      { name: "app.writer", host: "10.0.0.%", databases: [] },
    ]);
    expect(await client.getUser(id, "app.writer", "10.0.0.%")).toEqual({
      name: "app.writer",
      host: "10.0.0.%",
      databases: [],
    });
    await client.changePasswords(id, [{ name: "app.reader", password: "Reader_pw_2" }]);
    expect(ctx.emulator.state.rackspace.instance(id).users[0]!.password).toBe("Reader_pw_2");
    await client.updateUser(id, "app.writer", "10.0.0.%", { name: "app.w2", host: "10.0.1.5" });
    expect((await client.listUsers(id)).map((u) => `${u.name}@${u.host}`)).toEqual([
      "app.reader@%",
      "app.w2@10.0.1.5",
    ]);
    await client.deleteUser(id, "app.w2", "10.0.1.5");
    await client.deleteUser(id, "app.reader");
    expect(await client.listUsers(id)).toEqual([]);
  });

  it("grants, lists and revokes access", async () => {
    const client = ctx.client(scheme);
    const id = ctx.instanceId;
    await client.createUsers(id, [{ name: "granted", password: "Granted_pw_1", host: "192.168.1.1" }]);
    await client.grantAccess(id, "granted", "192.168.1.1", ["orders", { name: "sales" }]);
    expect(await client.listAccess(id, "granted", "192.168.1.1")).toEqual([
      { name: "orders" },
      { name: "sales" },
    ]);
    await client.revokeAccess(id, "granted", "192.168.1.1", "sales");
    expect(await client.listAccess(id, "granted", "192.168.1.1")).toEqual([{ name: "orders" }]);
  });

  it("creates, lists and deletes databases", async () => {
    const client = ctx.client(scheme);
    const id = ctx.instanceId;
    await client.createDatabases(id, [
      "reports",
      { name: "my db", character_set: "utf8", collate: "utf8_general_ci" },
    ]);
    expect((await client.listDatabases(id)).map((d) => d.name)).toEqual([
      "my db",
      "orders",
      "reports",
      "sales",
    ]);
    await client.deleteDatabase(id, "my db");
    expect((await client.listDatabases(id)).map((d) => d.name)).toEqual(["orders", "reports", "sales"]);
  });

  it("enables root, reports it and disables it", async () => {
    const client = ctx.client(scheme);
    expect(await client.isRootEnabled(ctx.instanceId)).toBe(false);
    const root = await client.enableRoot(ctx.instanceId);
    expect(root.name).toBe("root");
    expect(root.password).toMatch(/^[A-Za-z0-9]{36}$/);
    expect(await client.isRootEnabled(ctx.instanceId)).toBe(true);
    await client.disableRoot(ctx.instanceId);
    expect(await client.isRootEnabled(ctx.instanceId)).toBe(false);
  });

  it("uses the catalog's endpoint and one token for all calls", async () => {
    const client = ctx.client(scheme);
    expect(await client.endpoint()).toBe(`${ctx.emulator.url}/v1.0/827364`);
    await client.listUsers(ctx.instanceId);
    await client.listDatabases(ctx.instanceId);
    expect(ctx.emulator.state.rackspace.tokensIssued).toBe(1);
    const trove = ctx.sent().filter((r) => r.path.startsWith("/v1.0/"));
    expect(trove.every((r) => r.headers["x-auth-token"] === "[REDACTED]")).toBe(true);
  });
});
