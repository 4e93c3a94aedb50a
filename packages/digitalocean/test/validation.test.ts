/** Inputs are checked with the strict rules before any byte is sent; `validate: false` turns that off. */
import { describe, expect, test } from "vitest";
import {
  DbUsersError,
  DigitalOceanApiError,
  type DigitalOceanClient,
  ValidationError,
} from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const h = useEmulator();

/** Every method, called on `clusterId` with inputs that are otherwise fine. */
const everyMethod = (client: DigitalOceanClient, clusterId: string) => ({
  listUsers: () => client.listUsers(clusterId),
  getUser: () => client.getUser(clusterId, "app"),
  addUser: () => client.addUser(clusterId, { name: "app" }),
  updateUser: () => client.updateUser(clusterId, "app", { settings: {} }),
  deleteUser: () => client.deleteUser(clusterId, "app"),
  resetUserAuth: () => client.resetUserAuth(clusterId, "app"),
});

describe("cluster id", () => {
  test.each(Object.keys(everyMethod(null as never, "")))(
    "%s refuses a cluster id that is not a UUID",
    async (method) => {
      const call = everyMethod(h.client(), "my-cluster")[method as "listUsers"];
      const error = await failure(call());
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({
        code: "VALIDATION_FAILED",
        violations: [{ path: "clusterId", rule: "digitalocean.clusterId.uuid", params: { format: "uuid" } }],
      });
      expect(h.sent()).toEqual([]);
    },
  );

  test("a UUID in upper case is accepted", async () => {
    await expect(h.client().listUsers(h.clusters.pg.toUpperCase())).resolves.toEqual(expect.any(Array));
  });

  test("a non-string cluster id (from JavaScript) is refused with its type, not its value", async () => {
    // Path parameters are checked before the rules: a non-string is refused as a path parameter.
    const call = h.client().listUsers(42 as unknown as string);
    await expect(call).rejects.toThrow(/"database_cluster_uuid" must be a string, got a number/);
    expect(h.sent()).toEqual([]);
  });
});

describe("request bodies (strict profile)", () => {
  test("a name the rules refuse is reported with the rule id and nothing is sent", async () => {
    const call = h.client().addUser(h.clusters.pg, { name: "pg_monitor" }, { engine: "pg" });
    await expect(call).rejects.toMatchObject({
      violations: [{ path: "name", rule: "digitalocean.userName.pgPrefix" }],
    });
    expect(h.sent()).toEqual([]);
  });

  test("every broken rule is listed, the cluster id's too", async () => {
    const call = h
      .client()
      .addUser("nope", { name: "", settings: { pg_allow_replication: true } }, { engine: "mysql" });
    const error = (await failure(call)) as ValidationError;
    expect(error.violations.map((v) => v.rule).sort()).toEqual(
      [
        "digitalocean.clusterId.uuid",
        "digitalocean.settings.pg_allow_replication.engine",
        "digitalocean.userName.notEmpty",
      ].sort(),
    );
    expect(error.message).toMatch(/^Validation failed: /);
    expect(h.sent()).toEqual([]);
  });

  test("the built-in doadmin cannot be added", async () => {
    await expect(h.client().addUser(h.clusters.pg, { name: "doadmin" })).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.userName.builtIn" }],
    });
    expect(h.sent()).toEqual([]);
  });

  test("an update must carry settings", async () => {
    const call = h.client().updateUser(h.clusters.pg, "app", {} as never);
    await expect(call).rejects.toBeInstanceOf(ValidationError);
    expect(h.sent()).toEqual([]);
  });

  test("a misspelt engine is reported, not silently ignored", async () => {
    const call = h.client().addUser(h.clusters.pg, { name: "app" }, { engine: "postgres" as never });
    await expect(call).rejects.toMatchObject({
      violations: [{ path: "context.engine", rule: "digitalocean.context.engine" }],
    });
    expect(h.sent()).toEqual([]);
  });
});

describe("without the engine", () => {
  test("engine-specific checks are skipped, not guessed: a 40-character name is sent", async () => {
    // MySQL allows 32 characters; on an OpenSearch cluster, 40 is fine.
    const name = `long-name-${"x".repeat(30)}`;
    const user = await h.client().addUser(h.clusters.opensearch, { name });
    expect(user.name).toBe(name);
  });

  test("with the engine, the same name is refused on MySQL before sending", async () => {
    const name = `long-name-${"x".repeat(30)}`;
    await expect(h.client().addUser(h.clusters.mysql, { name }, { engine: "mysql" })).rejects.toMatchObject({
      violations: [{ rule: "digitalocean.userName.mysqlMaxLength" }],
    });
    expect(h.sent()).toEqual([]);
  });

  test("settings of any engine pass the client and the server decides", async () => {
    const user = await h
      .client()
      .addUser(h.clusters.pg, { name: h.uniqueName(), settings: { pg_allow_replication: true } });
    expect(user.settings).toEqual({ pg_allow_replication: true });
  });
});

describe("validate: false", () => {
  test("sends what the strict rules refuse, and the server's answer becomes a typed error", async () => {
    const call = h
      .client({ validate: false })
      .addUser(h.clusters.pg, { name: "pg_monitor" }, { engine: "pg" });
    const error = await failure(call);
    expect(error).toBeInstanceOf(DigitalOceanApiError);
    expect(error).toMatchObject({ status: 422, code: "UNPROCESSABLE_ENTITY", id: "unprocessable_entity" });
    expect(h.sent()).toHaveLength(1);
  });

  test("does not check the cluster id's format either; the server answers", async () => {
    const error = await failure(h.client({ validate: false }).listUsers("my-cluster"));
    expect(error).toBeInstanceOf(DigitalOceanApiError);
    expect(error).toMatchObject({ status: 422 });
    expect(h.sent()).toHaveLength(1);
  });

  test("a name strict refuses but the server accepts can be managed", async () => {
    const client = h.client({ validate: false });
    // Strict requires Aiven's pattern; OpenSearch itself only refuses ':'.
    const name = "ops user (legacy)";
    await client.addUser(h.clusters.opensearch, { name });
    await expect(client.getUser(h.clusters.opensearch, name)).resolves.toMatchObject({ name });
    await client.deleteUser(h.clusters.opensearch, name);
  });
});

describe("existing users are addressed by name without the create-time rules", () => {
  test("doadmin can be read and have its password reset", async () => {
    const client = h.client();
    await expect(client.getUser(h.clusters.pg, "doadmin")).resolves.toMatchObject({ role: "primary" });
    await expect(client.resetUserAuth(h.clusters.pg, "doadmin")).resolves.toMatchObject({ name: "doadmin" });
  });

  test("a seeded name that strict would refuse can be read and deleted", async () => {
    h.emulator.state.digitalocean.addUser(h.clusters.opensearch, "Legacy User");
    const client = h.client();
    await expect(client.getUser(h.clusters.opensearch, "Legacy User")).resolves.toMatchObject({
      name: "Legacy User",
    });
    await expect(client.deleteUser(h.clusters.opensearch, "Legacy User")).resolves.toBeUndefined();
  });
});

test("ValidationError is a DbUsersError with a stable code", async () => {
  const error = await failure(h.client().listUsers("x"));
  expect(error).toBeInstanceOf(DbUsersError);
  expect(error).toMatchObject({ name: "ValidationError", code: "VALIDATION_FAILED" });
});
