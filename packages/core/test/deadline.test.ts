/**
 * Shared deadline windows (deadline.ts): attempts that start together share one controller, none
 * is cut off before its full `timeoutMs`, and nothing holds the process once no attempt is in flight.
 */
import { describe, expect, test } from "vitest";
import { createDeadlines } from "../src/deadline.js";
import { createVendorClient, TimeoutError } from "../src/index.js";
import type { paths } from "./fixtures/vendor-api.js";
import { hang, reply, startServer } from "./helpers/http-server.js";

const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));

describe("deadline windows", () => {
  test("attempts started together share a window; its timer holds the process only while one is in flight", () => {
    const deadlines = createDeadlines(60_000);
    const first = deadlines.start();
    const second = deadlines.start();
    expect(second).toBe(first);
    expect(first.timer?.hasRef()).toBe(true);
    deadlines.end(first);
    expect(first.timer?.hasRef()).toBe(true);
    deadlines.end(second);
    expect(first.timer?.hasRef()).toBe(false);
    const third = deadlines.start();
    expect(third.timer?.hasRef()).toBe(true);
    deadlines.end(third);
    expect(third.timer?.hasRef()).toBe(false);
    clearTimeout(third.timer);
  });

  test("a window takes at most 8 attempts", () => {
    const deadlines = createDeadlines(60_000);
    const windows = Array.from({ length: 9 }, () => deadlines.start());
    expect(new Set(windows.slice(0, 8)).size).toBe(1);
    expect(windows[8]).not.toBe(windows[0]);
    for (const window of windows) deadlines.end(window);
    clearTimeout(windows[8]!.timer);
  });

  test("a window is aborted no earlier than timeoutMs after it opened, and takes no attempt after", async () => {
    const deadlines = createDeadlines(40);
    const opened = performance.now();
    const window = deadlines.start();
    await aborted(window.signal);
    // Timers may fire up to a millisecond early against performance.now (libuv's clock is coarser).
    expect(performance.now() - opened).toBeGreaterThanOrEqual(39);
    expect(window.expired).toBe(true);
    const next = deadlines.start();
    expect(next).not.toBe(window);
    expect(next.signal.aborted).toBe(false);
    deadlines.end(window);
    deadlines.end(next);
    clearTimeout(next.timer);
  });

  test("a deadline past setTimeout's range is not cut short", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const deadlines = createDeadlines(2 ** 40);
      const window = deadlines.start();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(window.signal.aborted).toBe(false);
      expect(warnings.filter((w) => w.name === "TimeoutOverflowWarning")).toEqual([]);
      deadlines.end(window);
      clearTimeout(window.timer);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("calls sharing a window", () => {
  test("a stalled call is a TimeoutError while the answered one beside it is not cut off", async () => {
    const server = await startServer(hang, reply(200, { user: { name: "y" } }));
    const client = createVendorClient<paths>({
      vendor: "Example",
      baseUrl: server.origin,
      timeoutMs: 300,
      retry: false,
    });
    const stalled = client.GET("/users/{name}", { params: { path: { name: "x" } } }).catch((e: unknown) => e);
    await server.received(1);
    const answered = await client.result(
      client.GET("/users/{name}", { params: { path: { name: "y" } } }),
      [200],
    );
    expect(answered).toEqual({ user: { name: "y" } });
    expect(await stalled).toBeInstanceOf(TimeoutError);
  });
});
