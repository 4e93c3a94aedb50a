/** Each engine's settings, sent with the engine named so the engine rules apply. */
import { describe, expect, test } from "vitest";
import { type UserSettings, ValidationError } from "../src/index.js";
import { type UserEngine, useEmulator } from "./support/emulator.js";

const h = useEmulator();

describe("PostgreSQL", () => {
  test("pg_allow_replication is kept on add and replaced on update", async () => {
    const client = h.client();
    const name = h.uniqueName();
    const added = await client.addUser(
      h.clusters.pg,
      { name, settings: { pg_allow_replication: true } },
      { engine: "pg" },
    );
    expect(added.settings).toEqual({ pg_allow_replication: true });

    const updated = await client.updateUser(h.clusters.pg, name, { settings: {} }, { engine: "pg" });
    // Leaving pg_allow_replication out turns replication off (user_settings.yml).
    expect(updated.settings).toEqual({ pg_allow_replication: false });
  });
});

describe("MySQL", () => {
  test("the auth plugin is chosen on add, defaults to caching_sha2_password, and switches on reset", async () => {
    const client = h.client();
    const native = h.uniqueName();
    const byDefault = h.uniqueName();
    const added = await client.addUser(
      h.clusters.mysql,
      { name: native, mysql_settings: { auth_plugin: "mysql_native_password" } },
      { engine: "mysql" },
    );
    const plain = await client.addUser(h.clusters.mysql, { name: byDefault }, { engine: "mysql" });
    expect(added.mysql_settings).toEqual({ auth_plugin: "mysql_native_password" });
    expect(plain.mysql_settings).toEqual({ auth_plugin: "caching_sha2_password" });

    const reset = await client.resetUserAuth(
      h.clusters.mysql,
      native,
      { mysql_settings: { auth_plugin: "caching_sha2_password" } },
      { engine: "mysql" },
    );
    expect(reset.mysql_settings).toEqual({ auth_plugin: "caching_sha2_password" });
    expect(reset.password).not.toBe(added.password);
  });

  test("an unknown auth plugin is refused before sending", async () => {
    const body = { name: h.uniqueName(), mysql_settings: { auth_plugin: "sha256_password" } };
    // @ts-expect-error: the plugin is not one of the two the spec allows
    const call = h.client().addUser(h.clusters.mysql, body, { engine: "mysql" });
    await expect(call).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.mysql_settings.auth_plugin.enum" }],
    });
    expect(h.sent()).toEqual([]);
  });
});

describe("MongoDB", () => {
  test("mongo_user_settings are kept on add", async () => {
    const settings = { mongo_user_settings: { databases: ["sales", "stock"], role: "readWrite" as const } };
    const user = await h
      .client()
      .addUser(h.clusters.mongodb, { name: h.uniqueName(), settings }, { engine: "mongodb" });
    expect(user.settings).toEqual(settings);
  });

  test("the deprecated readonly flag still makes a read-only user", async () => {
    const user = await h
      .client()
      .addUser(h.clusters.mongodb, { name: h.uniqueName(), readonly: true }, { engine: "mongodb" });
    expect(user.settings?.mongo_user_settings?.role).toBe("readOnly");
  });

  test("updating mongo_user_settings is refused in strict: DigitalOcean answered Not Implemented", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.mongodb, name);
    const call = h
      .client()
      .updateUser(
        h.clusters.mongodb,
        name,
        { settings: { mongo_user_settings: { role: "readOnly" } } },
        { engine: "mongodb" },
      );
    await expect(call).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.updateUser.mongo_user_settings.notImplemented" }],
    });
    expect(h.sent()).toEqual([]);
  });
});

describe("Kafka", () => {
  test("topic ACLs get server ids, and the user gets a certificate and key", async () => {
    const client = h.client();
    const name = h.uniqueName();
    const user = await client.addUser(
      h.clusters.kafka,
      { name, settings: { acl: [{ topic: "orders.*", permission: "produceconsume" }] } },
      { engine: "kafka" },
    );
    expect(user.settings?.acl).toEqual([
      { id: expect.any(String), topic: "orders.*", permission: "produceconsume" },
    ]);
    expect(user.access_cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(user.access_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    const id = user.settings?.acl?.[0]?.id;
    const updated = await client.updateUser(
      h.clusters.kafka,
      name,
      {
        settings: {
          acl: [
            { id, topic: "orders.*", permission: "consume" },
            { topic: "audit", permission: "admin" },
          ],
        },
      },
      { engine: "kafka" },
    );
    expect(updated.settings?.acl).toEqual([
      { id, topic: "orders.*", permission: "consume" },
      { id: expect.any(String), topic: "audit", permission: "admin" },
    ]);
  });
});

describe("OpenSearch", () => {
  test("index ACLs are kept on add and replaced on update", async () => {
    const client = h.client();
    const name = h.uniqueName();
    const acl = [{ index: "logs-.*", permission: "read" as const }];
    const user = await client.addUser(
      h.clusters.opensearch,
      { name, settings: { opensearch_acl: acl } },
      { engine: "opensearch" },
    );
    expect(user.settings?.opensearch_acl).toEqual(acl);

    const next = [{ index: "metrics-.*", permission: "readwrite" as const }];
    const updated = await client.updateUser(
      h.clusters.opensearch,
      name,
      { settings: { opensearch_acl: next } },
      { engine: "opensearch" },
    );
    expect(updated.settings?.opensearch_acl).toEqual(next);
  });
});

describe("settings of another engine", () => {
  test.each([
    ["pg", { acl: [{ topic: "t", permission: "consume" }] }, "digitalocean.settings.acl.engine"],
    ["kafka", { pg_allow_replication: true }, "digitalocean.settings.pg_allow_replication.engine"],
    [
      "mysql",
      { opensearch_acl: [{ index: "i", permission: "read" }] },
      "digitalocean.settings.opensearch_acl.engine",
    ],
    [
      "opensearch",
      { mongo_user_settings: { role: "readOnly" } },
      "digitalocean.settings.mongo_user_settings.engine",
    ],
  ] satisfies [UserEngine, UserSettings, string][])(
    "on %s are refused before sending",
    async (engine, settings, rule) => {
      const call = h.client().addUser(h.clusters[engine], { name: h.uniqueName(), settings }, { engine });
      await expect(call).rejects.toBeInstanceOf(ValidationError);
      await expect(call).rejects.toMatchObject({ violations: [{ rule }] });
      expect(h.sent()).toEqual([]);
    },
  );

  test("mysql_settings on PostgreSQL are refused before sending", async () => {
    const call = h
      .client()
      .resetUserAuth(
        h.clusters.pg,
        "someone",
        { mysql_settings: { auth_plugin: "mysql_native_password" } },
        { engine: "pg" },
      );
    await expect(call).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.mysql_settings.engine" }],
    });
    expect(h.sent()).toEqual([]);
  });
});

describe("Caching (redis) and Valkey clusters have no users", () => {
  test.each(["redis", "valkey"] as const)("%s: every write is refused before sending", async (engine) => {
    const client = h.client();
    const cluster = h.clusters[engine];
    await expect(client.addUser(cluster, { name: "app" }, { engine })).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.userName.engineUnsupported" }],
    });
    await expect(client.updateUser(cluster, "app", { settings: {} }, { engine })).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.engine.userManagement", path: "engine" }],
    });
    await expect(client.resetUserAuth(cluster, "app", {}, { engine })).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.engine.userManagement" }],
    });
    expect(h.sent()).toEqual([]);
  });
});
