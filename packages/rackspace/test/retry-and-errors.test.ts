/** Rackspace's 413 rate limit (docs/vendors/rackspace.md §3): retried like a 429 except for POST; faults as typed errors. */
import { describe, expect, it } from "vitest";
import { RackspaceApiError, type RetryInfo } from "../src/index.js";
import { failure, noWait, useEmulator } from "./support/emulator.js";

const ctx = useEmulator();

describe("413 overLimit", () => {
  it("a GET is sent again after Retry-After", async () => {
    const retries: RetryInfo[] = [];
    ctx.emulator.faults.inject(
      { vendor: "rackspace", operationId: "listUsers", times: 1 },
      { type: "status", status: 429, retryAfter: 3 },
    );
    const client = ctx.client("rackspace-v2", {
      retry: { sleep: noWait, onRetry: (info) => retries.push(info) },
    });
    expect(await client.listUsers(ctx.instanceId)).toEqual([]);
    expect(retries).toEqual([expect.objectContaining({ status: 413, delayMs: 3000 })]);
  });

  it("no POST is ever retried: createUsers, createDatabases and enableRoot fail with a retryable RackspaceApiError", async () => {
    const client = ctx.client();
    for (const [operationId, call] of [
      ["createUsers", () => client.createUsers(ctx.instanceId, [{ name: "once", password: "Secret_pw_1" }])],
      ["createDatabases", () => client.createDatabases(ctx.instanceId, ["once"])],
      ["enableRoot", () => client.enableRoot(ctx.instanceId)],
    ] as const) {
      for (const status of [429, 503] as const) {
        ctx.emulator.state.clearRequests();
        ctx.emulator.faults.inject(
          { vendor: "rackspace", operationId, times: 1 },
          { type: "status", status, retryAfter: 1 },
        );
        const error = await failure(call());
        expect(error).toBeInstanceOf(RackspaceApiError);
        expect(ctx.sent().filter((r) => r.operationId === operationId)).toHaveLength(1);
        if (status === 429)
          expect(error).toMatchObject({
            status: 413,
            fault: "overLimit",
            code: "RATE_LIMITED",
            retryable: true,
            retryAfterMs: 1000,
          });
        else expect(error).toMatchObject({ status: 503, fault: "serviceUnavailable", retryable: false });
      }
    }
  });

  it("a dropped connection on POST is not retried either", async () => {
    ctx.emulator.faults.inject(
      { vendor: "rackspace", operationId: "createUsers", times: 1 },
      { type: "drop" },
    );
    await failure(ctx.client().createUsers(ctx.instanceId, [{ name: "dropped", password: "Secret_pw_1" }]));
    expect(ctx.sent().filter((r) => r.operationId === "createUsers")).toHaveLength(1);
  });
});

describe("faults become RackspaceApiError", () => {
  it("404 itemNotFound with Trove's message", async () => {
    const error = await failure(ctx.client().getUser(ctx.instanceId, "ghost"));
    expect(error).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      fault: "itemNotFound",
      apiMessage: "User ghost cannot be found on the instance.",
    });
    expect((error as Error).message).toContain("User ghost cannot be found on the instance. (itemNotFound)");
  });

  it("422 says the instance is not ready", async () => {
    ctx.emulator.state.rackspace.setInstanceStatus(ctx.instanceId, "RESIZE");
    const error = await failure(ctx.client().listUsers(ctx.instanceId));
    expect(error).toMatchObject({ status: 422, code: "INSTANCE_NOT_READY", fault: "unprocessableEntity" });
    expect((error as Error).message).toMatch(
      /is not ready, status: RESIZE.*the instance is not ready: it must be ACTIVE/,
    );
  });

  it("400 badRequest for what the server refuses and the rules let through (an existing user)", async () => {
    const client = ctx.client();
    await client.createUsers(ctx.instanceId, [{ name: "twice", password: "Secret_pw_1" }]);
    const error = await failure(
      client.createUsers(ctx.instanceId, [{ name: "twice", password: "Secret_pw_1" }]),
    );
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST", fault: "badRequest", retryable: false });
  });

  it("a marker that repeats is a PagingError, never a loop", async () => {
    const client = ctx.client("rackspace-v2", { validate: false });
    await client.createUsers(
      ctx.instanceId,
      Array.from({ length: 21 }, (_, i) => ({ name: `p${i}`, password: "Secret_pw_1" })),
    );
    // A server that keeps pointing at the same page.
    const stuck: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input instanceof Request ? input.url : input).includes("marker=")) return response;
      return fetch(String(input instanceof Request ? input.url : input).replace(/marker=[^&]*/, ""), init);
    };
    const error = await failure(ctx.client("rackspace-v2", { fetch: stuck }).listUsers(ctx.instanceId));
    expect(error).toMatchObject({ name: "PagingError", rule: "repeated-cursor" });
  });
});
