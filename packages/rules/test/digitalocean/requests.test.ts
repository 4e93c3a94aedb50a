/** Request-shape examples: the OpenAPI examples pass; every gate, enum and required key fails at its path. */
import { describe, expect, it } from "vitest";
import { USER_MANAGEMENT_ENGINES, validateRequest } from "../../src/providers/digitalocean/index.js";
import { check, server } from "./request-cases.js";

describe("addUser", () => {
  it("accepts the OpenAPI examples on their engines", () => {
    for (const e of [undefined, ...USER_MANAGEMENT_ENGINES])
      expect(check("addUser", { name: "app-01" }, { engine: e })).toEqual([]);
    expect(
      check(
        "addUser",
        { name: "app-02", mysql_settings: { auth_plugin: "mysql_native_password" } },
        { engine: "mysql" },
      ),
    ).toEqual([]);
    expect(check("addUser", { name: "my-readonly", readonly: true }, { engine: "mongodb" })).toEqual([]);
    expect(
      check(
        "addUser",
        {
          name: "my-readWrite",
          settings: { mongo_user_settings: { databases: ["my-db", "my-db-2"], role: "readWrite" } },
        },
        { engine: "mongodb" },
      ),
    ).toEqual([]);
    expect(
      check("addUser", { name: "app-02", settings: { pg_allow_replication: true } }, { engine: "pg" }),
    ).toEqual([]);
    const acl = [
      { permission: "produceconsume", topic: "customer-events" },
      { permission: "produce", topic: "customer-events.*" },
      { permission: "consume", topic: "customer-events" },
    ];
    expect(check("addUser", { name: "app-03", settings: { acl } }, { engine: "kafka" })).toEqual([]);
    expect(
      check(
        "addUser",
        { name: "os-user", settings: { opensearch_acl: [{ index: "index-abc.*", permission: "read" }, {}] } },
        { engine: "opensearch" },
      ),
    ).toEqual([]);
  });

  it("requires name and checks it as a userName", () => {
    expect(validateRequest("addUser", {})).toEqual([
      {
        path: "name",
        rule: "digitalocean.request.required",
        message: "name is required by DigitalOcean",
        params: {},
      },
    ]);
    expect(check("addUser", { name: undefined })).toEqual([["name", "digitalocean.request.required"]]);
    expect(check("addUser", { name: "pg_x" }, { engine: "pg" })).toEqual([
      ["name", "digitalocean.userName.pgPrefix"],
    ]);
    expect(check("addUser", { name: "newrelic" }, { engine: "redis" })).toEqual([
      ["name", "digitalocean.userName.engineUnsupported"],
    ]);
    expect(check("addUser", { name: 7 })).toEqual([["name", "digitalocean.userName.type"]]);
  });

  it("refuses a body that is not an object", () => {
    expect(validateRequest("addUser", null)).toEqual([
      {
        path: "",
        rule: "digitalocean.request.type",
        message: "the request must be an object, but got null",
        params: { expected: "an object", actual: "null" },
      },
    ]);
    expect(check("addUser", [])).toEqual([["", "digitalocean.request.type"]]);
  });

  it("gates readonly to MongoDB and mysql_settings to MySQL (strict; unknown engine allowed)", () => {
    expect(validateRequest("addUser", { name: "a", readonly: true }, { engine: "pg" })).toEqual([
      {
        path: "readonly",
        rule: "digitalocean.readonly.engine",
        message:
          "readonly applies to MongoDB clusters only; DigitalOcean does not support it for this cluster's engine",
        params: {},
      },
    ]);
    expect(check("addUser", { name: "a", readonly: true }, server("pg"))).toEqual([]);
    expect(check("addUser", { name: "a", readonly: true })).toEqual([]);
    expect(check("addUser", { name: "a", readonly: "yes" }, { engine: "mongodb" })).toEqual([
      ["readonly", "digitalocean.request.type"],
    ]);
    const mysql = { name: "a", mysql_settings: { auth_plugin: "caching_sha2_password" } };
    expect(validateRequest("addUser", mysql, { engine: "kafka" })[0]!.message).toBe(
      "mysql_settings applies to MySQL clusters only; DigitalOcean does not support it for this cluster's engine",
    );
    expect(check("addUser", mysql, { engine: "kafka" })).toEqual([
      ["mysql_settings", "digitalocean.mysql_settings.engine"],
    ]);
    expect(check("addUser", mysql, server("kafka"))).toEqual([]);
    expect(check("addUser", mysql)).toEqual([]);
  });

  it("mysql_settings needs a known auth_plugin", () => {
    expect(check("addUser", { name: "a", mysql_settings: {} }, { engine: "mysql" })).toEqual([
      ["mysql_settings.auth_plugin", "digitalocean.request.required"],
    ]);
    expect(
      validateRequest(
        "addUser",
        { name: "a", mysql_settings: { auth_plugin: "sha256_password" } },
        server("mysql"),
      ),
    ).toEqual([
      {
        path: "mysql_settings.auth_plugin",
        rule: "digitalocean.mysql_settings.auth_plugin.enum",
        message: "mysql_settings.auth_plugin must be one of: mysql_native_password, caching_sha2_password",
        params: { allowed: ["mysql_native_password", "caching_sha2_password"] },
      },
    ]);
    const extra = { name: "a", mysql_settings: { auth_plugin: "mysql_native_password", plugin: "x" } };
    expect(check("addUser", extra, { engine: "mysql" })).toEqual([
      ["mysql_settings.plugin", "digitalocean.request.unknownKey"],
    ]);
    expect(check("addUser", extra, server("mysql"))).toEqual([]);
  });

  it("gates each settings key to its engine", () => {
    const cases = [
      ["pg_allow_replication", true, "pg", "PostgreSQL"],
      ["opensearch_acl", [], "opensearch", "OpenSearch"],
      ["acl", [], "kafka", "Kafka"],
      ["mongo_user_settings", {}, "mongodb", "MongoDB"],
    ] as const;
    for (const [key, value, home, name] of cases) {
      const body = { name: "a", settings: { [key]: value } };
      expect(check("addUser", body, { engine: home })).toEqual([]);
      expect(check("addUser", body)).toEqual([]);
      for (const other of USER_MANAGEMENT_ENGINES.filter((e) => e !== home)) {
        expect(check("addUser", body, { engine: other })).toEqual([
          [`settings.${key}`, `digitalocean.settings.${key}.engine`],
        ]);
        expect(check("addUser", body, server(other))).toEqual([]);
      }
      expect(validateRequest("addUser", body, { engine: home === "pg" ? "mysql" : "pg" })[0]!.message).toBe(
        `settings.${key} applies to ${name} clusters only; DigitalOcean does not support it for this cluster's engine`,
      );
    }
  });

  it("checks Kafka ACLs: topic and permission required, permission enum, topic not empty (strict)", () => {
    const body = (acl: unknown[]) => ({ name: "a", settings: { acl } });
    expect(
      check("addUser", body([{ topic: "t", permission: "consume" }, { permission: "produce" }]), {
        engine: "kafka",
      }),
    ).toEqual([["settings.acl[1].topic", "digitalocean.request.required"]]);
    expect(check("addUser", body([{ topic: "t" }]), { engine: "kafka" })).toEqual([
      ["settings.acl[0].permission", "digitalocean.request.required"],
    ]);
    expect(
      validateRequest("addUser", body([{ topic: "t", permission: "produce_consume" }]), { engine: "kafka" }),
    ).toEqual([
      {
        path: "settings.acl[0].permission",
        rule: "digitalocean.settings.acl.permission.enum",
        message: "settings.acl[0].permission must be one of: admin, consume, produce, produceconsume",
        params: { allowed: ["admin", "consume", "produce", "produceconsume"] },
      },
    ]);
    expect(check("addUser", body([{ topic: "", permission: "admin" }]), { engine: "kafka" })).toEqual([
      ["settings.acl[0].topic", "digitalocean.kafkaTopic.notEmpty"],
    ]);
    expect(check("addUser", body([{ topic: "", permission: "admin" }]), server("kafka"))).toEqual([]);
    expect(
      check("addUser", body([{ id: "acl1", topic: "t", permission: "admin" }]), { engine: "kafka" }),
    ).toEqual([]);
    expect(check("addUser", body([{ id: 1, topic: "t", permission: "admin" }]), { engine: "kafka" })).toEqual(
      [["settings.acl[0].id", "digitalocean.aclId.type"]],
    );
    expect(
      check("addUser", body([{ topic: "t", permission: "admin", host: "*" }]), { engine: "kafka" }),
    ).toEqual([["settings.acl[0].host", "digitalocean.request.unknownKey"]]);
    expect(check("addUser", { name: "a", settings: { acl: {} } }, { engine: "kafka" })).toEqual([
      ["settings.acl", "digitalocean.request.type"],
    ]);
  });

  it("checks OpenSearch ACLs: permission enum, index not empty (strict)", () => {
    const body = (opensearch_acl: unknown[]) => ({ name: "a", settings: { opensearch_acl } });
    expect(
      validateRequest("addUser", body([{ index: "i", permission: "all" }]), { engine: "opensearch" })[0],
    ).toEqual({
      path: "settings.opensearch_acl[0].permission",
      rule: "digitalocean.settings.opensearch_acl.permission.enum",
      message: "settings.opensearch_acl[0].permission must be one of: deny, admin, read, readwrite, write",
      params: { allowed: ["deny", "admin", "read", "readwrite", "write"] },
    });
    expect(check("addUser", body([{ permission: "deny" }, { index: "" }]), { engine: "opensearch" })).toEqual(
      [["settings.opensearch_acl[1].index", "digitalocean.opensearchIndex.notEmpty"]],
    );
  });

  it("checks MongoDB settings: database names and role", () => {
    const body = (mongo_user_settings: unknown) => ({ name: "a", settings: { mongo_user_settings } });
    expect(check("addUser", body({ databases: ["ok", "not.ok", ""] }), { engine: "mongodb" })).toEqual([
      ["settings.mongo_user_settings.databases[1]", "digitalocean.mongoDatabase.forbiddenChars"],
      ["settings.mongo_user_settings.databases[2]", "digitalocean.mongoDatabase.notEmpty"],
    ]);
    expect(validateRequest("addUser", body({ role: "read" }), { engine: "mongodb" })).toEqual([
      {
        path: "settings.mongo_user_settings.role",
        rule: "digitalocean.settings.mongo_user_settings.role.enum",
        message: "settings.mongo_user_settings.role must be one of: readOnly, readWrite, dbAdmin",
        params: { allowed: ["readOnly", "readWrite", "dbAdmin"] },
      },
    ]);
    expect(check("addUser", body({ databases: ["admin"], role: "dbAdmin" }), { engine: "mongodb" })).toEqual(
      [],
    );
  });

  it("refuses the read-only properties in strict; the server profile lets them through", () => {
    const messages = {
      role: "role is read-only: DigitalOcean decides the role (primary or normal); leave it out of the request",
      password: "password is read-only: DigitalOcean generates the password; leave it out of the request",
      access_cert:
        "access_cert is read-only: DigitalOcean issues the Kafka access certificate; leave it out of the request",
      access_key:
        "access_key is read-only: DigitalOcean issues the Kafka access key; leave it out of the request",
    };
    for (const [key, message] of Object.entries(messages)) {
      expect(validateRequest("addUser", { name: "a", [key]: "normal" })).toEqual([
        { path: key, rule: "digitalocean.addUser.readOnly", message, params: {} },
      ]);
      expect(check("addUser", { name: "a", [key]: "normal" }, server())).toEqual([]);
    }
    expect(check("addUser", { name: "a", role: "superuser" }, server())).toEqual([]);
    expect(check("addUser", { name: "a", password: 5 }, server())).toEqual([
      ["password", "digitalocean.password.type"],
    ]);
  });

  it("never echoes a password", () => {
    const secret = "hunter2-S3cret!";
    for (const ctx of [{}, server(), { engine: "redis" as const }]) {
      const out = validateRequest("addUser", { name: "", password: secret, access_key: secret }, ctx);
      expect(out.length).toBeGreaterThan(0);
      expect(JSON.stringify(out)).not.toContain(secret);
    }
  });

  it("refuses unknown keys in strict only", () => {
    expect(validateRequest("addUser", { name: "a", nmae: "b" })).toEqual([
      {
        path: "nmae",
        rule: "digitalocean.request.unknownKey",
        message:
          "nmae is not read by DigitalOcean, which would silently ignore it; allowed: name, readonly, mysql_settings, settings, role, password, access_cert, access_key",
        params: {
          key: "nmae",
          allowed: [
            "name",
            "readonly",
            "mysql_settings",
            "settings",
            "role",
            "password",
            "access_cert",
            "access_key",
          ],
        },
      },
    ]);
    expect(check("addUser", { name: "a", nmae: "b" }, server())).toEqual([]);
    expect(
      check("addUser", { name: "a", settings: { pg_allow_replications: true } }, { engine: "pg" }),
    ).toEqual([["settings.pg_allow_replications", "digitalocean.request.unknownKey"]]);
  });
});
