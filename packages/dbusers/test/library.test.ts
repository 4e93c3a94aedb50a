/** Every verb through the library, against the emulator's DigitalOcean clusters. */
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  BuiltInUserError,
  createDbUsers,
  type DbUsers,
  InvalidTargetError,
  Secret,
  specOf,
  UnsupportedOperationError,
  ValidationError,
  VendorUnavailableError,
} from "../src/index.js";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const dbusers = (): DbUsers =>
  createDbUsers({ digitalocean: { token: h.token, baseUrl: h.emulator.url, retry: false } });
const pg = () => dbusers().target({ vendor: "digitalocean", id: h.clusters.pg, engine: "pg" });

describe("DigitalOcean through the facade", () => {
  test("createUser returns the user and credentials whose password is a Secret the server chose", async () => {
    const name = h.uniqueName();
    const { user, credentials } = await pg().createUser({ name, settings: { pg_allow_replication: true } });
    expect(user).toMatchObject({
      vendor: "digitalocean",
      name,
      builtIn: false,
      settings: { pg_allow_replication: true },
    });
    expect(credentials.password).toBeInstanceOf(Secret);
    const stored = h.emulator.state.digitalocean.getUser(h.clusters.pg, name);
    expect(credentials.password?.reveal()).toBe(stored?.password);
    expect(credentials.target).toBe(`digitalocean:${h.clusters.pg}`);
  });

  test("listUsers maps every user, marks doadmin built in and keeps the vendor object with secrets wrapped", async () => {
    const name = h.uniqueName();
    await pg().createUser({ name });
    const users = await pg().listUsers();
    const admin = users.find((u) => u.name === "doadmin");
    expect(admin?.builtIn).toBe(true);
    const mine = users.find((u) => u.name === name);
    expect(mine?.builtIn).toBe(false);
    expect(mine?.vendorData.password).toBeInstanceOf(Secret);
    expect(mine?.vendorData.role).toBe("normal");
    const password = h.emulator.state.digitalocean.getUser(h.clusters.pg, name)!.password!;
    expect(JSON.stringify(users)).not.toContain(password);
    expect(inspect(users, { depth: 10, showHidden: true })).not.toContain(password);
  });

  test("getUser, updateUser (settings) and deleteUser", async () => {
    const name = h.uniqueName();
    const target = pg();
    await target.createUser({ name });
    expect((await target.getUser(name)).name).toBe(name);
    const updated = await target.updateUser(name, { settings: { pg_allow_replication: true } });
    expect(updated.settings).toEqual({ pg_allow_replication: true });
    await target.deleteUser(name);
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)).toBeUndefined();
  });

  test("rotatePassword gives a new server-chosen password", async () => {
    const name = h.uniqueName();
    const target = pg();
    const created = await target.createUser({ name });
    const rotated = await target.rotatePassword(name);
    expect(rotated.credentials.password?.reveal()).not.toBe(created.credentials.password?.reveal());
    expect(rotated.credentials.password?.reveal()).toBe(
      h.emulator.state.digitalocean.getUser(h.clusters.pg, name)?.password,
    );
  });

  test("MySQL: the auth plugin is set on create and switched only with a new password", async () => {
    const name = h.uniqueName();
    const mysql = dbusers().target({ vendor: "digitalocean", id: h.clusters.mysql, engine: "mysql" });
    const { user } = await mysql.createUser({ name, mysqlAuthPlugin: "mysql_native_password" });
    expect(user.mysqlAuthPlugin).toBe("mysql_native_password");
    await expect(mysql.updateUser(name, { mysqlAuthPlugin: "caching_sha2_password" })).rejects.toThrow(
      UnsupportedOperationError,
    );
    const rotated = await mysql.rotatePassword(name, { mysqlAuthPlugin: "caching_sha2_password" });
    expect(rotated.user?.mysqlAuthPlugin).toBe("caching_sha2_password");
  });

  test("Kafka credentials carry the access key and certificate as Secrets", async () => {
    const kafka = dbusers().target({ vendor: "digitalocean", id: h.clusters.kafka, engine: "kafka" });
    const { credentials } = await kafka.createUser({ name: h.uniqueName() });
    expect(credentials.accessKey).toBeInstanceOf(Secret);
    expect(credentials.accessCert).toBeInstanceOf(Secret);
    expect(String(credentials.accessKey)).toBe("[REDACTED]");
  });

  test("specOf gives back the fields a user was created with", async () => {
    const name = h.uniqueName();
    const target = pg();
    await target.createUser({ name, settings: { pg_allow_replication: true } });
    const user = (await target.listUsers()).find((u) => u.name === name)!;
    expect(specOf(user)).toEqual({ name, settings: { pg_allow_replication: true } });
  });
});

describe("what DigitalOcean cannot do is refused before anything is sent", () => {
  test.each([
    [
      "a chosen password",
      (t: ReturnType<typeof pg>) => t.createUser({ name: "a" }, { password: "chosen-pass-1" }),
      "password",
    ],
    ["a rename", (t: ReturnType<typeof pg>) => t.updateUser("a", { name: "b" }), "rename"],
    ["a host", (t: ReturnType<typeof pg>) => t.createUser({ name: "a", host: "%" }), "host"],
    [
      "Atlas roles",
      (t: ReturnType<typeof pg>) => t.createUser({ name: "a", roles: [{ role: "read", database: "x" }] }),
      "roles",
    ],
    [
      "Rackspace databases",
      (t: ReturnType<typeof pg>) => t.updateUser("a", { databases: ["x"] }),
      "databases",
    ],
    [
      "an auth database",
      (t: ReturnType<typeof pg>) => t.getUser({ name: "a", authDatabase: "admin" }),
      "authDatabase",
    ],
    [
      "a chosen password on rotate",
      (t: ReturnType<typeof pg>) => t.rotatePassword("a", { password: "chosen-pass-1" }),
      "password",
    ],
  ])("%s", async (_label, call, feature) => {
    const error = await call(pg()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(error).toMatchObject({ code: "UNSUPPORTED", vendor: "digitalocean", feature });
    expect(h.emulator.state.requests).toEqual([]);
  });

  test.each(["deleteUser", "updateUser", "rotatePassword"] as const)("%s of doadmin", async (verb) => {
    const target = pg();
    const call =
      verb === "updateUser" ? target.updateUser("doadmin", { settings: {} }) : target[verb]("doadmin");
    await expect(call).rejects.toThrow(BuiltInUserError);
    expect(h.emulator.state.requests).toEqual([]);
  });

  test("a name the rules refuse throws ValidationError from the client, unsent", async () => {
    await expect(pg().createUser({ name: "pg_reserved" })).rejects.toThrow(ValidationError);
    expect(h.emulator.state.requests).toEqual([]);
  });
});

describe("targets", () => {
  test("strings and objects name the same target", () => {
    const a = dbusers().target(`digitalocean:${h.clusters.pg}`);
    expect(a.ref).toEqual({ vendor: "digitalocean", id: h.clusters.pg });
    expect(a.name).toBe(`digitalocean:${h.clusters.pg}`);
    expect(a.capabilities.passwords).toBe("server");
  });

  test.each(["nope", "mongo:x", "digitalocean:", ":x"])("%j is an InvalidTargetError", (input) => {
    expect(() => dbusers().target(input)).toThrow(InvalidTargetError);
  });

  test("a vendor without options is unavailable", () => {
    expect(() => createDbUsers({}).target(`digitalocean:${h.clusters.pg}`)).toThrow(VendorUnavailableError);
  });
});
