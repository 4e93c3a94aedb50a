/** Engine-specific users and settings, stored and returned as DigitalOcean does. */
import { describe, expect, it } from "vitest";
import { useEmulator } from "../helpers/digitalocean.js";

const ctx = useEmulator();

describe("built-in users", () => {
  it.each(["pg", "mysql", "kafka", "opensearch"] as const)(
    "a %s cluster starts with doadmin (role primary) only",
    async (engine) => {
      const res = await ctx.api.list(ctx.ids[engine]);
      expect(res.body.users).toHaveLength(1);
      expect(res.body.users[0]).toMatchObject({ name: "doadmin", role: "primary" });
    },
  );

  it("a MongoDB cluster also has do-readonly, which reads every database", async () => {
    const res = await ctx.api.list(ctx.ids.mongodb);
    expect(res.body.users.map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([
      ["doadmin", "primary"],
      ["do-readonly", "normal"],
    ]);
    expect(res.body.users[1].settings).toEqual({
      mongo_user_settings: { databases: ["admin"], role: "readOnly" },
    });
  });

  it("PostgreSQL's doadmin may replicate", async () => {
    const res = await ctx.api.get(ctx.ids.pg, "doadmin");
    expect(res.body.user.settings).toEqual({ pg_allow_replication: true });
  });
});

describe("PostgreSQL", () => {
  it("stores pg_allow_replication, false when left out", async () => {
    expect((await ctx.api.add(ctx.ids.pg, { name: "a" })).body.user.settings).toEqual({
      pg_allow_replication: false,
    });
    const res = await ctx.api.add(ctx.ids.pg, { name: "b", settings: { pg_allow_replication: true } });
    expect(res.body.user.settings).toEqual({ pg_allow_replication: true });
  });

  it("turns replication off when an update leaves it out", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "r", settings: { pg_allow_replication: true } });
    const res = await ctx.api.update(ctx.ids.pg, "r", { settings: {} });
    expect(res.body.user.settings).toEqual({ pg_allow_replication: false });
  });

  it("refuses a name the server refuses (pg_ prefix) with 422 naming field and rule", async () => {
    const res = await ctx.api.add(ctx.ids.pg, { name: "pg_monitor2" });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/^name: .*pg_.*\(digitalocean\.userName\.pgPrefix\)$/);
  });

  it("refuses a name over 63 bytes", async () => {
    const res = await ctx.api.add(ctx.ids.pg, { name: "é".repeat(32) });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("name: ");
  });
});

describe("MySQL", () => {
  it("defaults mysql_settings.auth_plugin to caching_sha2_password and has no settings", async () => {
    const res = await ctx.api.add(ctx.ids.mysql, { name: "app" });
    expect(res.body.user.mysql_settings).toEqual({ auth_plugin: "caching_sha2_password" });
    expect(res.body.user.settings).toBeUndefined();
  });

  it("keeps the auth plugin the request chose", async () => {
    const res = await ctx.api.add(ctx.ids.mysql, {
      name: "legacy",
      mysql_settings: { auth_plugin: "mysql_native_password" },
    });
    expect(res.body.user.mysql_settings).toEqual({ auth_plugin: "mysql_native_password" });
  });

  it("switches the auth plugin on reset_auth, with a new password", async () => {
    const created = await ctx.api.add(ctx.ids.mysql, {
      name: "legacy",
      mysql_settings: { auth_plugin: "mysql_native_password" },
    });
    const res = await ctx.api.reset(ctx.ids.mysql, "legacy", {
      mysql_settings: { auth_plugin: "caching_sha2_password" },
    });
    expect(res.body.user.mysql_settings).toEqual({ auth_plugin: "caching_sha2_password" });
    expect(res.body.user.password).not.toBe(created.body.user.password);
  });

  it("refuses an unknown auth plugin with 422 (spec enum)", async () => {
    const res = await ctx.api.add(ctx.ids.mysql, {
      name: "x",
      mysql_settings: { auth_plugin: "sha256_password" },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("mysql_settings.auth_plugin must be one of");
    expect(res.body.message).toContain("(openapi.enum)");
  });

  it("refuses a name over 32 characters (MySQL 8)", async () => {
    const res = await ctx.api.add(ctx.ids.mysql, { name: "a".repeat(33) });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("digitalocean.userName.mysqlMaxLength");
  });

  it("drops settings of other engines", async () => {
    const res = await ctx.api.add(ctx.ids.mysql, { name: "x", settings: { pg_allow_replication: true } });
    expect(res.status).toBe(201);
    expect(res.body.user.settings).toBeUndefined();
  });
});

describe("Kafka", () => {
  it("gives every user a PEM-looking certificate and key", async () => {
    const { user } = (await ctx.api.add(ctx.ids.kafka, { name: "app" })).body;
    expect(user.access_cert).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----$/,
    );
    expect(user.access_key).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PRIVATE KEY-----$/,
    );
    expect(user.settings).toEqual({ acl: [] });
  });

  it("stores topic ACLs with ids the server generates", async () => {
    const acl = [
      { topic: "orders.*", permission: "produce" },
      { topic: "events", permission: "consume" },
    ];
    const res = await ctx.api.add(ctx.ids.kafka, { name: "app", settings: { acl } });
    const stored = res.body.user.settings.acl;
    expect(stored.map(({ id: _, ...rest }: { id: string }) => rest)).toEqual(acl);
    expect(stored.every((e: { id: string }) => /^acl[0-9a-f]{12}$/.test(e.id))).toBe(true);
    expect(new Set(stored.map((e: { id: string }) => e.id)).size).toBe(2);
  });

  it("keeps the ids of ACLs an update sends back and replaces the rest", async () => {
    const created = await ctx.api.add(ctx.ids.kafka, {
      name: "app",
      settings: { acl: [{ topic: "a", permission: "admin" }] },
    });
    const kept = created.body.user.settings.acl[0];
    const res = await ctx.api.update(ctx.ids.kafka, "app", {
      settings: { acl: [kept, { id: "aclmadeup", topic: "b", permission: "produceconsume" }] },
    });
    const [first, second] = res.body.user.settings.acl;
    expect(first).toEqual(kept);
    expect(second.id).not.toBe("aclmadeup");
    expect(second).toMatchObject({ topic: "b", permission: "produceconsume" });
  });

  it("refuses an ACL without a permission (spec: required)", async () => {
    const res = await ctx.api.add(ctx.ids.kafka, { name: "app", settings: { acl: [{ topic: "a" }] } });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("settings.acl[0].permission is required (openapi.required)");
  });
});

describe("OpenSearch", () => {
  it("stores index ACLs, an empty list by default", async () => {
    expect((await ctx.api.add(ctx.ids.opensearch, { name: "a" })).body.user.settings).toEqual({
      opensearch_acl: [],
    });
    const acl = [{ index: "logs-.*", permission: "read" }];
    const res = await ctx.api.add(ctx.ids.opensearch, { name: "b", settings: { opensearch_acl: acl } });
    expect(res.body.user.settings).toEqual({ opensearch_acl: acl });
  });

  it("replaces the ACLs on update", async () => {
    await ctx.api.add(ctx.ids.opensearch, {
      name: "b",
      settings: { opensearch_acl: [{ index: "a", permission: "read" }] },
    });
    const res = await ctx.api.update(ctx.ids.opensearch, "b", {
      settings: { opensearch_acl: [{ index: "c", permission: "admin" }] },
    });
    expect(res.body.user.settings).toEqual({ opensearch_acl: [{ index: "c", permission: "admin" }] });
  });

  it("refuses a ':' in the name (OpenSearch security plugin)", async () => {
    const res = await ctx.api.add(ctx.ids.opensearch, { name: "a:b" });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("digitalocean.userName.opensearchColon");
  });
});

describe("MongoDB", () => {
  it("stores mongo_user_settings", async () => {
    const mongo = { databases: ["sales", "stock"], role: "readOnly" };
    const res = await ctx.api.add(ctx.ids.mongodb, {
      name: "reporting",
      settings: { mongo_user_settings: mongo },
    });
    expect(res.body.user.settings).toEqual({ mongo_user_settings: mongo });
  });

  it("turns the deprecated readonly: true into role readOnly", async () => {
    const res = await ctx.api.add(ctx.ids.mongodb, { name: "reader", readonly: true });
    expect(res.body.user.settings).toEqual({ mongo_user_settings: { role: "readOnly" } });
  });

  it("has no settings when none were sent", async () => {
    const res = await ctx.api.add(ctx.ids.mongodb, { name: "plain" });
    expect(res.body.user.settings).toBeUndefined();
  });

  it("refuses do-readonly, which exists on every MongoDB cluster", async () => {
    const res = await ctx.api.add(ctx.ids.mongodb, { name: "do-readonly" });
    expect(res.status).toBe(422);
  });
});

describe.each(["redis", "valkey"] as const)("%s (no user management)", (engine) => {
  it("answers 500 server_error on create, as the real server does", async () => {
    const res = await ctx.api.add(ctx.ids[engine], { name: "newrelic" });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ id: "server_error", message: "Server Error", request_id: expect.any(String) });
  });

  it("answers 500 on list, get, update, delete and reset too", async () => {
    const id = ctx.ids[engine];
    const answers = [
      await ctx.api.list(id),
      await ctx.api.get(id, "doadmin"),
      await ctx.api.update(id, "doadmin", { settings: {} }),
      await ctx.api.remove(id, "doadmin"),
      await ctx.api.reset(id, "doadmin"),
    ];
    expect(answers.map((a) => a.status)).toEqual([500, 500, 500, 500, 500]);
  });

  it("has no users in state", () => {
    expect(ctx.emulator.state.digitalocean.listUsers(ctx.ids[engine])).toEqual([]);
  });
});
