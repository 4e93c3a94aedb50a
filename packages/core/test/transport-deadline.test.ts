/**
 * The deadline and the caller's signal cover the whole attempt, body included; dropped connections
 * are retried only for methods a server may see twice.
 */
import { describe, expect, test } from "vitest";
import { AbortedError, createVendorClient, NetworkError, TimeoutError } from "../src/index.js";
import type { paths } from "./fixtures/vendor-api.js";
import {
  hang,
  recordingSleep,
  reply,
  resetConnection,
  stallMidBody,
  startServer,
} from "./helpers/http-server.js";

function api(origin: string, extra: Partial<Parameters<typeof createVendorClient>[0]> = {}) {
  return createVendorClient<paths>({ vendor: "Example", baseUrl: origin, ...extra });
}
const getUser = (client: ReturnType<typeof api>, signal?: AbortSignal) =>
  client.GET("/users/{name}", { params: { path: { name: "x" } }, signal });

describe("deadline", () => {
  test("no answer within timeoutMs is a TimeoutError", async () => {
    const server = await startServer(hang);
    await expect(getUser(api(server.origin, { timeoutMs: 100, retry: false }))).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  test("covers the body: a body that stalls halfway is a TimeoutError", async () => {
    const server = await startServer(stallMidBody);
    const error = await getUser(api(server.origin, { timeoutMs: 150, retry: false })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, method: "GET" });
  });
});

describe("the caller's signal", () => {
  test("an abort while the body is read is an AbortedError with the reason as cause", async () => {
    const server = await startServer(stallMidBody);
    const controller = new AbortController();
    const call = getUser(api(server.origin, { retry: false }), controller.signal);
    await server.received(1);
    controller.abort(new Error("user pressed stop"));
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as Error).cause).toMatchObject({ message: "user pressed stop" });
  });

  test("an abort during the wait before a retry ends the call", async () => {
    const server = await startServer(reply(503, {}));
    const controller = new AbortController();
    const sleep = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((_resolve, reject) => {
        signal.addEventListener("abort", () => reject(signal.reason));
        controller.abort();
      });
    await expect(getUser(api(server.origin, { retry: { sleep } }), controller.signal)).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(server.seen).toHaveLength(1);
  });
});

describe("dropped connections", () => {
  test("a GET is sent again", async () => {
    const server = await startServer(resetConnection, reply(200, { user: { name: "x" } }));
    const client = api(server.origin, { retry: { sleep: recordingSleep().sleep } });
    await expect(client.result(getUser(client), [200])).resolves.toEqual({ user: { name: "x" } });
    expect(server.seen).toHaveLength(2);
  });

  test("a POST is not, and the NetworkError says it is not retryable", async () => {
    const server = await startServer(resetConnection, reply(201, {}));
    const error = await api(server.origin, { retry: { sleep: recordingSleep().sleep } })
      .POST("/users", { body: { name: "x" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ retryable: false });
    expect(server.seen).toHaveLength(1);
  });
});
