import { describe, expect, it } from "vitest";
import { createTransport, NetworkError, type RetryInfo } from "../src/index.js";
import { breakMidBody, recordingSleep, reply, resetConnection, startServer } from "./helpers/http-server.js";

/** A transport with deterministic jitter (half of the ceiling) and a sleep that only records. */
function transportFor(extra: Parameters<typeof createTransport>[0] = {}) {
  const { delays, sleep } = recordingSleep();
  const retries: RetryInfo[] = [];
  const fetch = createTransport({
    random: () => 0.5,
    sleep,
    onRetry: (info) => retries.push(info),
    ...extra,
  });
  return { fetch, delays, retries };
}

describe("retries where a second request is safe", () => {
  it("retries a GET after 429 and waits the Retry-After seconds", async () => {
    const server = await startServer(reply(429, {}, { "retry-after": "2" }), reply(200, { ok: true }));
    const { fetch, delays, retries } = transportFor();
    const response = await fetch(`${server.origin}/v2/databases`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
    expect(delays).toEqual([2000]);
    expect(retries).toEqual([
      { attempt: 1, delayMs: 2000, method: "GET", url: `${server.origin}/v2/databases`, status: 429 },
    ]);
  });

  it("retries a GET after 503 with full-jitter backoff from 200 ms", async () => {
    const server = await startServer(reply(503), reply(503), reply(200));
    const { fetch, delays } = transportFor();
    const response = await fetch(`${server.origin}/x`);
    expect(response.status).toBe(200);
    expect(delays).toEqual([100, 200]);
  });

  it("waits until DigitalOcean's ratelimit-reset (Unix seconds) on 429", async () => {
    const now = 1_700_000_000_000;
    const server = await startServer(reply(429, {}, { "ratelimit-reset": "1700000003" }), reply(200));
    const { fetch, delays } = transportFor({ now: () => now });
    expect((await fetch(`${server.origin}/x`)).status).toBe(200);
    expect(delays).toEqual([3000]);
  });

  it("reads a small ratelimit-reset as seconds from now", async () => {
    const server = await startServer(reply(429, {}, { "ratelimit-reset": "5" }), reply(200));
    const { fetch, delays } = transportFor();
    expect((await fetch(`${server.origin}/x`)).status).toBe(200);
    expect(delays).toEqual([5000]);
  });

  it("ignores ratelimit-reset on a 503 (it is sent on every DigitalOcean response)", async () => {
    const server = await startServer(reply(503, {}, { "ratelimit-reset": "9999999999" }), reply(200));
    const { fetch, delays } = transportFor();
    expect((await fetch(`${server.origin}/x`)).status).toBe(200);
    expect(delays).toEqual([100]);
  });

  it("retries a GET whose connection is reset, and reports the error to onRetry", async () => {
    const server = await startServer(resetConnection, reply(200, { ok: 1 }));
    const { fetch, retries } = transportFor();
    const response = await fetch(`${server.origin}/x`);
    expect(await response.json()).toEqual({ ok: 1 });
    expect(server.seen).toHaveLength(2);
    expect(retries[0]?.error).toBeInstanceOf(NetworkError);
    expect(retries[0]?.status).toBeUndefined();
  });

  it("re-sends a PUT body intact on every attempt", async () => {
    const server = await startServer(reply(503), resetConnection, reply(200));
    const { fetch } = transportFor();
    const body = JSON.stringify({ name: "app_user", password: "é-ü-ß" });
    const request = new Request(`${server.origin}/users/app_user`, {
      method: "PUT",
      body,
      headers: { "content-type": "application/json" },
    });
    expect((await fetch(request)).status).toBe(200);
    expect(server.seen.map((seen) => [seen.method, seen.body])).toEqual([
      ["PUT", body],
      ["PUT", body],
      ["PUT", body],
    ]);
  });

  it("re-sends a streamed body intact", async () => {
    const server = await startServer(reply(502), reply(200));
    const { fetch } = transportFor();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("part one, "));
        controller.enqueue(new TextEncoder().encode("part two"));
        controller.close();
      },
    });
    const init = { method: "PUT", body: stream, duplex: "half" } as RequestInit;
    expect((await fetch(`${server.origin}/x`, init)).status).toBe(200);
    expect(server.seen.map((seen) => seen.body)).toEqual(["part one, part two", "part one, part two"]);
  });

  it("retries DELETE, HEAD and OPTIONS too", async () => {
    for (const method of ["DELETE", "HEAD", "OPTIONS"]) {
      const server = await startServer(reply(500), reply(204));
      const { fetch } = transportFor();
      expect((await fetch(`${server.origin}/x`, { method })).status).toBe(204);
      expect(server.seen.map((seen) => seen.method)).toEqual([method, method]);
    }
  });
});

describe("never retries what may have had an effect", () => {
  it("returns a POST's 503 without retrying", async () => {
    const server = await startServer(reply(503), reply(200));
    const { fetch, delays } = transportFor();
    const response = await fetch(`${server.origin}/users`, { method: "POST", body: "{}" });
    expect(response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("returns a PATCH's 429 without retrying", async () => {
    const server = await startServer(reply(429, {}, { "retry-after": "1" }), reply(200));
    const { fetch } = transportFor();
    expect((await fetch(`${server.origin}/x`, { method: "PATCH", body: "{}" })).status).toBe(429);
    expect(server.seen).toHaveLength(1);
  });

  it("throws a non-retryable NetworkError when a POST's connection is reset", async () => {
    const server = await startServer(resetConnection, reply(200));
    const { fetch } = transportFor();
    const error = await fetch(`${server.origin}/users`, { method: "POST", body: "{}" }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", retryable: false, method: "POST" });
    expect(server.seen).toHaveLength(1);
  });

  it("does not retry a POST whose response body breaks mid-read", async () => {
    const server = await startServer(breakMidBody, reply(200));
    const { fetch } = transportFor();
    const response = await fetch(`${server.origin}/users`, { method: "POST", body: "{}" });
    const error = await response.text().catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.retryable).toBe(false);
    expect(server.seen).toHaveLength(1);
  });

  it("retries POST only when the caller lists it", async () => {
    const server = await startServer(reply(503), reply(201));
    const { fetch } = transportFor({ methods: ["GET", "POST"] });
    expect((await fetch(`${server.origin}/x`, { method: "POST", body: "{}" })).status).toBe(201);
    expect(server.seen).toHaveLength(2);
  });
});

describe("limits", () => {
  it("returns the response when the server asks for a longer wait than maxDelayMs", async () => {
    const server = await startServer(reply(429, {}, { "retry-after": "60" }), reply(200));
    const { fetch, delays } = transportFor({ maxDelayMs: 10_000 });
    const response = await fetch(`${server.origin}/x`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(server.seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("caps the exponential backoff at maxDelayMs", async () => {
    const server = await startServer(reply(503), reply(503), reply(503), reply(503), reply(503), reply(200));
    const { fetch, delays } = transportFor({ random: () => 0.999, retries: 5, maxDelayMs: 1000 });
    expect((await fetch(`${server.origin}/x`)).status).toBe(200);
    expect(delays).toEqual([199, 399, 799, 999, 999]);
  });

  it("returns the last response when retries run out", async () => {
    const server = await startServer(reply(503, { attempt: "last" }));
    const { fetch, delays } = transportFor();
    const response = await fetch(`${server.origin}/x`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ attempt: "last" });
    expect(server.seen).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it("throws a retryable NetworkError when every attempt's connection is reset", async () => {
    const server = await startServer(resetConnection);
    const { fetch } = transportFor({ retries: 2 });
    const error = await fetch(`${server.origin}/x`).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.retryable).toBe(true);
    expect(error.cause).toBeInstanceOf(Error);
    expect(server.seen).toHaveLength(3);
  });

  it("sends once when retry is false", async () => {
    const server = await startServer(reply(503), reply(200));
    const { fetch } = transportFor({ retry: false });
    expect((await fetch(`${server.origin}/x`)).status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  it("takes nested retry options over top-level ones", async () => {
    const server = await startServer(reply(503));
    const { fetch } = transportFor({ retries: 5, retry: { retries: 1 } });
    expect((await fetch(`${server.origin}/x`)).status).toBe(503);
    expect(server.seen).toHaveLength(2);
  });

  it("leaves statuses outside the list alone", async () => {
    const server = await startServer(reply(404), reply(200));
    const { fetch } = transportFor();
    expect((await fetch(`${server.origin}/x`)).status).toBe(404);
    expect(server.seen).toHaveLength(1);
  });
});

describe("NetworkError.retryable", () => {
  it("says a GET is safe to send again even when this transport does not retry", async () => {
    const server = await startServer(resetConnection);
    const { fetch } = transportFor({ retry: false });
    const error = await fetch(`${server.origin}/x`).catch((e) => e);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", retryable: true });
    expect(server.seen).toHaveLength(1);
  });
});
