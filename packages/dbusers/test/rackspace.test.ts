/** Every verb on Rackspace Cloud Databases through the library, against the emulator's instance. */
import { inspect } from "node:util";
import { startEmulator } from "@dbusers/emulator";
import { describe, expect, test } from "vitest";
import { BuiltInUserError, createDbUsers, Secret, type Target, ValidationError } from "../src/index.js";
import { databaseChanges } from "../src/vendors/rackspace/body.js";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const instance = (scheme: "rackspace" | "keystone" = "rackspace"): Target =>
  createDbUsers({
    rackspace: {
      auth:
        scheme === "rackspace"
          ? { username: h.rackspace.username, apiKey: h.rackspace.apiKey }
          : {
              authUrl: `${h.emulator.url}/v3`,
              username: h.rackspace.username,
              password: h.rackspace.password,
              projectName: h.rackspace.tenantId,
            },
      identityUrl: `${h.emulator.url}/v2.0`,
      region: h.rackspace.region,
      retry: false,
    },
  }).target(`rackspace:${h.rackspace.instance}`);
/** Trove names are at most 16 characters. */
const name = () => h.uniqueName("rs").slice(0, 16);
const users = () => h.emulator.state.rackspace.instance(h.rackspace.instance).users;
const stored = (user: string, host = "%") => users().find((u) => u.name === user && u.host === host);
/** Trove writes sent since the last clear, as `METHOD path` with `{user}` decoded (Trove decodes it twice, §3.1). */
const writes = () =>
  h.emulator.state.rackspace.requests
    .filter((r) => r.method !== "GET" && r.path.includes("/instances/"))
    .map(
      (r) =>
        `${r.method} ${decodeURIComponent(decodeURIComponent(r.path.replace(/^.*\/instances\/[^/]+/, "")))}`,
    );

describe("Rackspace through the facade", () => {
  test("createUser generates a password with the rules, sets host and databases, and waits until it is visible", async () => {
    const user = name();
    const { user: created, credentials } = await instance().createUser({
      name: user,
      host: "10.0.0.%",
      databases: ["orders"],
    });
    expect(created).toMatchObject({
      vendor: "rackspace",
      name: user,
      host: "10.0.0.%",
      databases: ["orders"],
      builtIn: false,
    });
    expect(credentials.password).toBeInstanceOf(Secret);
    expect(credentials).toMatchObject({
      target: `rackspace:${h.rackspace.instance}`,
      name: user,
      host: "10.0.0.%",
    });
    expect(stored(user, "10.0.0.%")).toMatchObject({
      password: credentials.password!.reveal(),
      databases: ["orders"],
    });
    expect(inspect(credentials, { depth: 5 })).not.toContain(credentials.password!.reveal());
  });

  test("listUsers and getUser map name, host and databases and keep Trove's object", async () => {
    const user = name();
    await instance("keystone").createUser(
      { name: user, databases: ["sales", "orders"] },
      { password: "Chosen_passw0rd" },
    );
    expect(stored(user)?.password).toBe("Chosen_passw0rd");
    const listed = (await instance().listUsers()).find((u) => u.name === user);
    expect(listed).toMatchObject({ host: "%", databases: ["orders", "sales"] });
    expect(listed?.vendorData).toEqual({
      name: user,
      host: "%",
      databases: [{ name: "orders" }, { name: "sales" }],
    });
    expect((await instance().getUser({ name: user, host: "%" })).databases).toEqual(["orders", "sales"]);
  });

  test("updateUser turns a databases change into grants and revokes of exactly the difference", async () => {
    const user = name();
    const target = instance();
    await target.createUser({ name: user, databases: ["orders", "sales"] });
    h.emulator.state.clearRequests();
    const updated = await target.updateUser(user, { databases: ["sales", "reports", "audit"] });
    expect(updated.databases).toEqual(["sales", "reports", "audit"]);
    expect(writes()).toEqual([`PUT /users/${user}@%/databases`, `DELETE /users/${user}@%/databases/orders`]);
    const grant = h.emulator.state.rackspace.requests.find((r) => r.method === "PUT");
    expect(grant?.body).toEqual({ databases: [{ name: "reports" }, { name: "audit" }] });
    expect(stored(user)?.databases).toEqual(["audit", "reports", "sales"]);

    h.emulator.state.clearRequests();
    await target.updateUser(user, { databases: ["audit", "reports", "sales"] });
    expect(writes()).toEqual([]);
  });

  test("rename and re-host go through the modify call, then grants address the new name", async () => {
    const user = name();
    const next = name();
    const target = instance();
    await target.createUser({ name: user });
    h.emulator.state.clearRequests();
    const updated = await target.updateUser(user, { name: next, host: "192.168.1.%", databases: ["orders"] });
    expect(updated).toMatchObject({ name: next, host: "192.168.1.%", databases: ["orders"] });
    expect(writes()).toEqual([`PUT /users/${user}@%`, `PUT /users/${next}@192.168.1.%/databases`]);
    expect(stored(user)).toBeUndefined();
    expect(stored(next, "192.168.1.%")?.databases).toEqual(["orders"]);
  });

  test("with wait: false a write resolves on the 202; by default it resolves once the change is visible", async () => {
    // A second emulator whose writes apply 200 ms after the 202, as Trove's do some time later.
    const slow = await startEmulator({
      rateLimit: false,
      rackspace: {
        writes: { delayMs: 200 },
        accounts: [{ username: "u", apiKey: "k-123456", tenantId: "1", instances: [{ id: "i-1" }] }],
      },
    });
    try {
      const target = createDbUsers({
        rackspace: {
          auth: { username: "u", apiKey: "k-123456" },
          identityUrl: `${slow.url}/v2.0`,
          retry: false,
        },
      }).target("rackspace:i-1");
      const listed = () => slow.state.rackspace.instance("i-1").users.map((u) => u.name);
      await target.createUser({ name: "early" }, { wait: false });
      expect(listed()).toEqual([]);
      expect(slow.state.rackspace.pendingWrites).toBe(1);
      await target.createUser({ name: "waited" }, { wait: { intervalMs: 20, timeoutMs: 10_000 } });
      expect(listed()).toContain("waited");
      await target.deleteUser("waited", { wait: { intervalMs: 20, timeoutMs: 10_000 } });
      expect(listed()).not.toContain("waited");
    } finally {
      await slow.close();
    }
  });

  test("databaseChanges is the set difference both ways, each database once", () => {
    expect(databaseChanges(["a", "b"], ["b", "c", "c"])).toEqual({ grant: ["c"], revoke: ["a"] });
    expect(databaseChanges([], [])).toEqual({ grant: [], revoke: [] });
  });

  test("rotatePassword changes the password; deleteUser removes the user", async () => {
    const user = name();
    const target = instance();
    const created = await target.createUser({ name: user });
    const rotated = await target.rotatePassword(user);
    const next = rotated.credentials.password!.reveal();
    expect(next).not.toBe(created.credentials.password!.reveal());
    expect(stored(user)?.password).toBe(next);
    await target.deleteUser(user);
    expect(stored(user)).toBeUndefined();
  });

  test("Trove's own users are refused before anything is sent, in any letter case", async () => {
    h.emulator.state.clearRequests();
    await expect(instance().deleteUser("root")).rejects.toBeInstanceOf(BuiltInUserError);
    await expect(instance().rotatePassword("OS_ADMIN")).rejects.toBeInstanceOf(BuiltInUserError);
    expect(h.emulator.state.rackspace.requests).toEqual([]);
  });

  test("invalid input is refused by the rules before anything is sent", async () => {
    h.emulator.state.clearRequests();
    await expect(instance().createUser({ name: "x".repeat(17) })).rejects.toBeInstanceOf(ValidationError);
    expect(writes()).toEqual([]);
  });
});
