/** The typed state API tests use to seed and inspect the DigitalOcean emulator without HTTP. */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, EmulatorError, startEmulator } from "../src/index.js";
import { checkedFetch } from "./helpers/digitalocean.js";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ digitalocean: { token: "t" } });
});
afterEach(async () => {
  await emulator.close();
});
const state = () => emulator.state.digitalocean;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorError);
    return (error as EmulatorError).code;
  }
  return undefined;
}

describe("clusters", () => {
  it("adds a cluster with a random UUID and lists it", () => {
    const cluster = state().addCluster({ engine: "pg" });
    expect(cluster.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(state().listClusters()).toEqual([cluster]);
    expect(state().getCluster(cluster.id)).toEqual(cluster);
  });

  it("keeps a given id (in lower case) and refuses the same id twice", () => {
    const id = randomUUID().toUpperCase();
    expect(state().addCluster({ id, engine: "mysql" }).id).toBe(id.toLowerCase());
    expect(codeOf(() => state().addCluster({ id, engine: "mysql" }))).toBe("duplicate-cluster");
  });

  it("refuses an unknown engine and an id that is not a UUID", () => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input.
    expect(codeOf(() => state().addCluster({ engine: "oracle" as any }))).toBe("unknown-engine");
    expect(codeOf(() => state().addCluster({ id: "abc", engine: "pg" }))).toBe("invalid-cluster-id");
  });

  it("removes a cluster, after which its routes answer 404", async () => {
    const { id } = state().addCluster({ engine: "pg" });
    expect(state().removeCluster(id)).toBe(true);
    expect(state().removeCluster(id)).toBe(false);
    const res = await checkedFetch(emulator.url, `/v2/databases/${id}/users`, {
      headers: { authorization: "Bearer t" },
    });
    expect(res.status).toBe(404);
  });

  it("refuses seeded users on engines without user management", () => {
    expect(codeOf(() => state().addCluster({ engine: "redis", users: ["x"] }))).toBe("invalid-user");
    const { id } = state().addCluster({ engine: "valkey" });
    expect(codeOf(() => state().addUser(id, "x"))).toBe("invalid-user");
    expect(state().listUsers(id)).toEqual([]);
  });
});

describe("users", () => {
  it("seeds users by name or with settings and a fixed password", () => {
    const { id } = state().addCluster({
      engine: "pg",
      users: ["plain", { name: "known", password: "s3cret", settings: { pg_allow_replication: true } }],
    });
    expect(
      state()
        .listUsers(id)
        .map((u) => u.name),
    ).toEqual(["doadmin", "plain", "known"]);
    expect(state().getUser(id, "known")).toEqual({
      name: "known",
      role: "normal",
      password: "s3cret",
      settings: { pg_allow_replication: true },
    });
  });

  it("seeds names the rules would refuse, as users that already exist", () => {
    const { id } = state().addCluster({ engine: "pg", users: ["pg_legacy"] });
    expect(state().getUser(id, "pg_legacy")?.role).toBe("normal");
  });

  it("is visible over HTTP", async () => {
    const { id } = state().addCluster({ engine: "mysql" });
    state().addUser(id, { name: "legacy", mysql_settings: { auth_plugin: "mysql_native_password" } });
    const res = await checkedFetch(emulator.url, `/v2/databases/${id}/users/legacy`, {
      headers: { authorization: "Bearer t" },
    });
    expect(res.body.user).toMatchObject({ mysql_settings: { auth_plugin: "mysql_native_password" } });
  });

  it("refuses a duplicate, an empty name and an unknown cluster", () => {
    const { id } = state().addCluster({ engine: "pg" });
    expect(codeOf(() => state().addUser(id, "doadmin"))).toBe("duplicate-user");
    expect(codeOf(() => state().addUser(id, ""))).toBe("invalid-user");
    expect(codeOf(() => state().addUser(randomUUID(), "x"))).toBe("unknown-cluster");
    expect(codeOf(() => state().listUsers(randomUUID()))).toBe("unknown-cluster");
  });

  it("hands out copies, so a test cannot change state by accident", () => {
    const { id } = state().addCluster({ engine: "pg" });
    const user = state().getUser(id, "doadmin")!;
    user.password = "changed";
    state().listUsers(id)[0]!.role = "normal";
    expect(state().getUser(id, "doadmin")).toMatchObject({
      role: "primary",
      password: expect.not.stringMatching(/^changed$/),
    });
  });

  it("returns undefined for a user that does not exist", () => {
    const { id } = state().addCluster({ engine: "pg" });
    expect(state().getUser(id, "nobody")).toBeUndefined();
  });
});

describe("seeding is all or nothing", () => {
  it("leaves no cluster behind when one of its users is refused", () => {
    const id = randomUUID();
    expect(codeOf(() => state().addCluster({ id, engine: "pg", users: ["a", "a"] }))).toBe("duplicate-user");
    expect(state().getCluster(id)).toBeUndefined();
  });
});
