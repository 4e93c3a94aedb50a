import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortedError, createTransport, TimeoutError } from "../src/index.js";
import { hang, recordingSleep, reply, stallMidBody, startServer } from "./helpers/http-server.js";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("deadline per attempt", () => {
  it("throws TimeoutError when the server does not answer in timeoutMs", async () => {
    const server = await startServer(hang);
    const fetch = createTransport({ timeoutMs: 20, sleep: recordingSleep().sleep });
    const error = await fetch(`${server.origin}/slow`).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      code: "TIMEOUT",
      timeoutMs: 20,
      method: "GET",
      url: `${server.origin}/slow`,
    });
    expect(error.message).toBe(`Request timed out after 20 ms (GET ${server.origin}/slow)`);
  });

  it("does not retry a timed-out request", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const server = await startServer(hang, reply(200));
    const { delays, sleep } = recordingSleep();
    const fetch = createTransport({ timeoutMs: 20, sleep });
    const pending = fetch(`${server.origin}/slow`).catch((e) => e);
    await server.received(1);
    vi.advanceTimersByTime(20);
    expect(await pending).toBeInstanceOf(TimeoutError);
    expect(delays).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("covers the body too: a stalled body rejects with TimeoutError", async () => {
    // Fake timers make the deadline pass only once the headers are in, however slow the machine.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const server = await startServer(stallMidBody);
    const fetch = createTransport({ timeoutMs: 10_000 });
    const response = await fetch(`${server.origin}/x`);
    expect(response.status).toBe(200);
    const reading = response.text().catch((e) => e);
    vi.advanceTimersByTime(10_000);
    expect(await reading).toBeInstanceOf(TimeoutError);
  });

  it("clears its timer once the body has been read", async () => {
    const server = await startServer(reply(200, { ok: true }));
    const setSpy = vi.spyOn(globalThis, "setTimeout");
    const clearSpy = vi.spyOn(globalThis, "clearTimeout");
    const fetch = createTransport({ timeoutMs: 12_345 });
    const response = await fetch(`${server.origin}/x`);
    await response.json();
    const index = setSpy.mock.calls.findIndex((call) => call[1] === 12_345);
    const timer = setSpy.mock.results[index]?.value;
    expect(timer).toBeDefined();
    expect(clearSpy).toHaveBeenCalledWith(timer);
  });

  it("keeps the response's url", async () => {
    const server = await startServer(reply(200, {}));
    const response = await createTransport()(`${server.origin}/where?x=1`);
    expect(response.url).toBe(`${server.origin}/where?x=1`);
  });
});

describe("the caller's AbortSignal", () => {
  it("throws AbortedError when the caller aborts, and the server sees no retry", async () => {
    const server = await startServer(hang, reply(200));
    const controller = new AbortController();
    const fetch = createTransport({ sleep: recordingSleep().sleep });
    const pending = fetch(`${server.origin}/x`, { signal: controller.signal }).catch((e) => e);
    await server.received(1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.code).toBe("ABORTED");
    // Give a retry, had one been sent, the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.seen).toHaveLength(1);
  });

  it("reads the signal from a Request object (as openapi-fetch sends it)", async () => {
    const server = await startServer(hang);
    const controller = new AbortController();
    const fetch = createTransport();
    const pending = fetch(new Request(`${server.origin}/x`, { signal: controller.signal })).catch((e) => e);
    await server.received(1);
    controller.abort(new Error("user pressed ctrl-c"));
    const error = await pending;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause.message).toBe("user pressed ctrl-c");
  });

  it("sends nothing when the signal has already aborted", async () => {
    const server = await startServer(reply(200));
    const fetch = createTransport();
    await expect(fetch(`${server.origin}/x`, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(server.seen).toHaveLength(0);
  });

  it("stops during the wait before a retry", async () => {
    const server = await startServer(reply(503), reply(200));
    const controller = new AbortController();
    const fetch = createTransport({ random: () => 0.5, onRetry: () => controller.abort() });
    await expect(fetch(`${server.origin}/x`, { signal: controller.signal })).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(server.seen).toHaveLength(1);
  });

  it("still aborts after garbage collection cut undici's signal links (nodejs/node#55428)", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const server = await startServer(hang);
    const controller = new AbortController();
    const fetch = createTransport({ retry: false });
    const pending = fetch(`${server.origin}/slow`, { signal: controller.signal }).catch((e) => e);
    await server.received(1);
    // WeakRef targets survive until the current job ends, so collect across a few turns.
    for (let round = 0; round < 3; round++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortedError);
  });

  it("aborts a body read after garbage collection too", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const server = await startServer(stallMidBody);
    const controller = new AbortController();
    const response = await createTransport()(`${server.origin}/x`, { signal: controller.signal });
    const reading = response.text().catch((e) => e);
    for (let round = 0; round < 3; round++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    expect(await reading).toBeInstanceOf(AbortedError);
  });

  it("turns an abort while the body is read into AbortedError", async () => {
    const server = await startServer(stallMidBody);
    const controller = new AbortController();
    const response = await createTransport()(`${server.origin}/x`, { signal: controller.signal });
    const reading = response.text().catch((e) => e);
    controller.abort();
    expect(await reading).toBeInstanceOf(AbortedError);
  });
});
