/**
 * Retries under injected faults. GET, PUT and DELETE are sent again after a 429, a 5xx or a reset
 * connection; POST (addUser, resetUserAuth) never is, because the first attempt may have done its
 * work. Waits go through the transport's `sleep` hook, so no test waits for real.
 */
import { describe, expect, test } from "vitest";
import { DigitalOceanApiError, NetworkError, type RetryInfo } from "../src/index.js";
import { failure, noWait, useEmulator } from "./support/emulator.js";

const h = useEmulator();

const methods = () => h.sent().map((request) => `${request.method} ${request.status ?? "reset"}`);

describe("safe methods are retried", () => {
  test.each([
    ["a 503", { type: "status", status: 503 } as const, "GET 503"],
    ["a 500", { type: "status", status: 500 } as const, "GET 500"],
    ["a 429 with Retry-After", { type: "status", status: 429, retryAfter: 1 } as const, "GET 429"],
    ["a reset connection", { type: "drop" } as const, "GET reset"],
  ])("getUser succeeds after %s twice", async (_what, fault, logged) => {
    h.emulator.faults.inject({ operationId: "databases_get_user", times: 2 }, fault);
    await expect(h.client().getUser(h.clusters.pg, "doadmin")).resolves.toMatchObject({ name: "doadmin" });
    expect(methods()).toEqual([logged, logged, "GET 200"]);
  });

  test("the wait asked for by Retry-After is the one used", async () => {
    const waits: number[] = [];
    h.emulator.faults.inject(
      { operationId: "databases_list_users", times: 1 },
      { type: "status", status: 429, retryAfter: 3 },
    );
    const sleep = (ms: number, signal: AbortSignal) => {
      waits.push(ms);
      return noWait(ms, signal);
    };
    const client = h.client({ retry: { sleep } });
    await client.listUsers(h.clusters.pg);
    expect(waits).toEqual([3000]);
  });

  test("onRetry hears about each retry", async () => {
    const seen: RetryInfo[] = [];
    h.emulator.faults.inject(
      { operationId: "databases_list_users", times: 2 },
      { type: "status", status: 503 },
    );
    await h.client({ retry: { sleep: noWait, onRetry: (info) => seen.push(info) } }).listUsers(h.clusters.pg);
    expect(seen.map((info) => [info.attempt, info.method, info.status])).toEqual([
      [1, "GET", 503],
      [2, "GET", 503],
    ]);
  });

  test("after the last retry the error is returned as it is", async () => {
    h.emulator.faults.inject({ operationId: "databases_list_users" }, { type: "status", status: 503 });
    const error = await failure(h.client({ retry: { sleep: noWait, retries: 2 } }).listUsers(h.clusters.pg));
    expect(error).toBeInstanceOf(DigitalOceanApiError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(methods()).toEqual(["GET 503", "GET 503", "GET 503"]);
  });

  test("retry: false sends once", async () => {
    h.emulator.faults.inject(
      { operationId: "databases_list_users", times: 1 },
      { type: "status", status: 503 },
    );
    await expect(h.client({ retry: false }).listUsers(h.clusters.pg)).rejects.toMatchObject({ status: 503 });
    expect(methods()).toEqual(["GET 503"]);
  });
});

describe("POST is never retried", () => {
  test.each([
    ["a 500", { type: "status", status: 500 } as const, DigitalOceanApiError, "POST 500"],
    ["a 503", { type: "status", status: 503 } as const, DigitalOceanApiError, "POST 503"],
    ["a reset connection", { type: "drop" } as const, NetworkError, "POST reset"],
  ])("addUser after %s: one request, and the error", async (_what, fault, type, logged) => {
    h.emulator.faults.inject({ operationId: "databases_add_user", times: 1 }, fault);
    const error = await failure(h.client().addUser(h.clusters.pg, { name: h.uniqueName() }));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ retryable: false });
    expect(methods()).toEqual([logged]);
  });

  test("no double create: the answer to an addUser that worked is lost, and the POST is not sent again", async () => {
    const name = h.uniqueName();
    h.emulator.faults.inject(
      { operationId: "databases_add_user", when: "after", times: 1 },
      { type: "drop" },
    );
    await expect(h.client().addUser(h.clusters.pg, { name })).rejects.toBeInstanceOf(NetworkError);
    expect(methods()).toEqual(["POST reset"]);
    // The user exists once; the caller can look it up instead of guessing.
    expect(
      h.emulator.state.digitalocean.listUsers(h.clusters.pg).filter((u) => u.name === name),
    ).toHaveLength(1);
    await expect(h.client().getUser(h.clusters.pg, name)).resolves.toMatchObject({ name });
  });

  test("resetUserAuth after a 503: one request", async () => {
    h.emulator.faults.inject(
      { operationId: "databases_reset_auth", times: 1 },
      { type: "status", status: 503 },
    );
    await expect(h.client().resetUserAuth(h.clusters.pg, "doadmin")).rejects.toMatchObject({ status: 503 });
    expect(methods()).toEqual(["POST 503"]);
  });
});

describe("no lost update", () => {
  test("a PUT whose answer was lost after the change is sent again, and the final state is right", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.kafka, {
      name,
      settings: { acl: [{ topic: "old", permission: "consume" }] },
    });
    h.emulator.faults.inject(
      { operationId: "databases_update_user", when: "after", times: 1 },
      { type: "drop" },
    );
    const settings = { acl: [{ topic: "orders", permission: "produce" as const }] };

    const user = await h.client().updateUser(h.clusters.kafka, name, { settings }, { engine: "kafka" });

    expect(methods()).toEqual(["PUT reset", "PUT 201"]);
    expect(user.settings?.acl).toEqual([{ id: expect.any(String), topic: "orders", permission: "produce" }]);
    expect(h.emulator.state.digitalocean.getUser(h.clusters.kafka, name)?.settings?.acl).toEqual(
      user.settings?.acl,
    );
  });

  test("a PUT that failed with a 503 before the change is sent again and applied once", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    h.emulator.faults.inject(
      { operationId: "databases_update_user", times: 1 },
      { type: "status", status: 503 },
    );
    await h.client().updateUser(h.clusters.pg, name, { settings: { pg_allow_replication: true } });
    expect(methods()).toEqual(["PUT 503", "PUT 201"]);
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)?.settings).toEqual({
      pg_allow_replication: true,
    });
  });

  test("a DELETE whose answer was lost is sent again; the user is gone and the second answer is NOT_FOUND", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    h.emulator.faults.inject(
      { operationId: "databases_delete_user", when: "after", times: 1 },
      { type: "drop" },
    );
    const error = await failure(h.client().deleteUser(h.clusters.pg, name));
    // Documented in the README: treat NOT_FOUND from deleteUser as "already gone" if that is what you need.
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(methods()).toEqual(["DELETE reset", "DELETE 404"]);
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)).toBeUndefined();
  });
});
