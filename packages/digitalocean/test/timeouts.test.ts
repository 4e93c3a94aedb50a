/**
 * Deadlines and the caller's AbortSignal. The emulator's latency fault holds the answer back; the
 * client gives up on its own timer (timeoutMs) or the caller's signal, never by sleeping here.
 */
import { describe, expect, test } from "vitest";
import { AbortedError, TimeoutError } from "../src/index.js";
import { failure, until, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const SLOW = { type: "latency", ms: 10_000 } as const;

describe("timeoutMs", () => {
  test("a slow answer ends in a TimeoutError naming the deadline", async () => {
    h.emulator.faults.inject({ operationId: "databases_get_user" }, SLOW);
    const error = await failure(h.client({ timeoutMs: 50 }).getUser(h.clusters.pg, "doadmin"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "TIMEOUT", timeoutMs: 50, method: "GET" });
    expect((error as Error).message).toContain("50 ms");
  });

  test("a timed-out POST is not sent again", async () => {
    h.emulator.faults.inject({ operationId: "databases_add_user", times: 1 }, SLOW);
    // A deadline long enough for the POST to reach the emulator even on a loaded machine.
    await expect(
      h.client({ timeoutMs: 1_000 }).addUser(h.clusters.pg, { name: h.uniqueName() }),
    ).rejects.toBeInstanceOf(TimeoutError);
    // Counted by operation: a request of the previous test that timed out before reaching the
    // (shared) emulator may arrive during this one on a loaded machine.
    expect(h.sent().filter((request) => request.operationId === "databases_add_user")).toHaveLength(1);
  });

  test("an answer that arrives within the deadline is returned", async () => {
    h.emulator.faults.inject({ operationId: "databases_get_user", times: 1 }, { type: "latency", ms: 20 });
    await expect(h.client({ timeoutMs: 5_000 }).getUser(h.clusters.pg, "doadmin")).resolves.toMatchObject({
      name: "doadmin",
    });
  });
});

describe("AbortSignal", () => {
  test("aborting while the request is in flight ends it with AbortedError", async () => {
    h.emulator.faults.inject({ operationId: "databases_list_users" }, SLOW);
    const controller = new AbortController();
    const call = h.client().listUsers(h.clusters.pg, { signal: controller.signal });
    // Abort once the emulator has the request: the log is the emulator's hook for "it arrived".
    await until(() => h.sent().length === 1);
    controller.abort();
    const error = await failure(call);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ code: "ABORTED", method: "GET" });
  });

  test("a signal aborted before the call sends nothing", async () => {
    const controller = new AbortController();
    controller.abort(new Error("user pressed cancel"));
    const client = h.client();
    const calls = [
      client.listUsers(h.clusters.pg, { signal: controller.signal }),
      client.getUser(h.clusters.pg, "doadmin", { signal: controller.signal }),
      client.addUser(h.clusters.pg, { name: "app" }, { signal: controller.signal }),
      client.updateUser(h.clusters.pg, "doadmin", { settings: {} }, { signal: controller.signal }),
      client.deleteUser(h.clusters.pg, "app", { signal: controller.signal }),
      client.resetUserAuth(h.clusters.pg, "doadmin", {}, { signal: controller.signal }),
    ];
    for (const call of calls) await expect(call).rejects.toBeInstanceOf(AbortedError);
    expect(h.sent()).toEqual([]);
  });

  test("aborting during the wait before a retry stops the retries", async () => {
    h.emulator.faults.inject({ operationId: "databases_list_users" }, { type: "status", status: 503 });
    const controller = new AbortController();
    const client = h.client({
      retry: {
        // The first wait aborts the call, as a user would while the client backs off.
        sleep: (_ms, signal) => {
          controller.abort();
          return Promise.reject(signal.reason);
        },
      },
    });
    await expect(client.listUsers(h.clusters.pg, { signal: controller.signal })).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(h.sent()).toHaveLength(1);
  });

  test("a timed-out signal from AbortSignal.timeout is an abort by the caller", async () => {
    h.emulator.faults.inject({ operationId: "databases_get_user" }, SLOW);
    const call = h.client().getUser(h.clusters.pg, "doadmin", { signal: AbortSignal.timeout(30) });
    await expect(call).rejects.toBeInstanceOf(AbortedError);
  });
});
