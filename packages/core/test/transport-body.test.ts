import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortedError, createTransport, NetworkError, Secret, TimeoutError } from "../src/index.js";
import { breakMidBody, reply, stallMidBody, startServer } from "./helpers/http-server.js";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The deadline timer of the one attempt made with `timeoutMs`, and whether it has been cleared. */
function watchTimer(timeoutMs: number) {
  const setSpy = vi.spyOn(globalThis, "setTimeout");
  const clearSpy = vi.spyOn(globalThis, "clearTimeout");
  return {
    cleared(): boolean {
      const index = setSpy.mock.calls.findIndex((call) => call[1] === timeoutMs);
      const timer = setSpy.mock.results[index]?.value;
      expect(timer).toBeDefined();
      return clearSpy.mock.calls.some((call) => call[0] === timer);
    },
  };
}

describe("the response body", () => {
  it("reads as text, json, arrayBuffer, bytes, blob and formData", async () => {
    const server = await startServer(reply(200, { name: "app_user", note: "é-ü-ß" }));
    const fetch = createTransport();
    const expected = JSON.stringify({ name: "app_user", note: "é-ü-ß" });
    expect(await (await fetch(`${server.origin}/x`)).text()).toBe(expected);
    expect(await (await fetch(`${server.origin}/x`)).json()).toEqual({ name: "app_user", note: "é-ü-ß" });
    const buffer = await (await fetch(`${server.origin}/x`)).arrayBuffer();
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(buffer)).toBe(expected);
    // `bytes()` is newer than the Response type in @types/node 20.
    const response = (await fetch(`${server.origin}/x`)) as Response & { bytes?: () => Promise<Uint8Array> };
    if (typeof response.bytes === "function") {
      expect(new TextDecoder().decode(await response.bytes())).toBe(expected);
    } else await response.body?.cancel();
    const blob = await (await fetch(`${server.origin}/x`)).blob();
    expect(blob.type).toBe("application/json");
    expect(await blob.text()).toBe(expected);

    const form = await startServer((res) => {
      res.writeHead(200, { "content-type": "application/x-www-form-urlencoded" });
      res.end("name=app_user&role=normal");
    });
    const data = await (await fetch(`${form.origin}/x`)).formData();
    expect(Object.fromEntries(data)).toEqual({ name: "app_user", role: "normal" });
  });

  it("is still a Response, with its url, status and headers", async () => {
    const server = await startServer(reply(201, {}, { "x-request-id": "req-1" }));
    const response = await createTransport()(`${server.origin}/users?x=1`);
    expect(response).toBeInstanceOf(Response);
    expect(response.url).toBe(`${server.origin}/users?x=1`);
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(response.bodyUsed).toBe(false);
    await response.text();
    expect(response.bodyUsed).toBe(true);
  });

  it("refuses a second read", async () => {
    const server = await startServer(reply(200, { ok: true }));
    const response = await createTransport()(`${server.origin}/x`);
    await response.json();
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
  });

  it("streams through response.body, and releases the deadline at the end", async () => {
    const server = await startServer(reply(200, { ok: true }));
    const timer = watchTimer(23_456);
    const response = await createTransport({ timeoutMs: 23_456 })(`${server.origin}/x`);
    const body = response.body;
    expect(body).not.toBeNull();
    expect(response.body).toBe(body);
    const reader = body!.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('{"ok":true}');
    expect(timer.cleared()).toBe(true);
  });

  it("reads the text after response.body was only looked at (as jsonGuard does)", async () => {
    const server = await startServer(reply(200, { ok: true }));
    const response = await createTransport()(`${server.origin}/x`);
    expect(response.body === null).toBe(false);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("times out a body whose stream was only looked at, leaving no unhandled rejection", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const server = await startServer(stallMidBody);
    const response = await createTransport({ timeoutMs: 10_000 })(`${server.origin}/x`);
    expect(response.body).not.toBeNull();
    const reading = response.text().catch((e) => e);
    vi.advanceTimersByTime(10_000);
    expect(await reading).toBeInstanceOf(TimeoutError);
    // An unhandled rejection (the stream's own reader, say) would fail the run after this.
    await new Promise((resolve) => setImmediate(resolve));
  });

  it("releases the deadline when response.body is cancelled", async () => {
    const server = await startServer(stallMidBody);
    const timer = watchTimer(34_567);
    const response = await createTransport({ timeoutMs: 34_567 })(`${server.origin}/x`);
    await response.body!.cancel();
    expect(timer.cleared()).toBe(true);
  });

  it("clones: both copies read the body, and the deadline lasts until both are done", async () => {
    const server = await startServer(reply(200, { ok: true }));
    const timer = watchTimer(45_678);
    const response = await createTransport({ timeoutMs: 45_678 })(`${server.origin}/x`);
    const copy = response.clone();
    expect(copy).toBeInstanceOf(Response);
    expect(copy.url).toBe(response.url);
    expect(await response.json()).toEqual({ ok: true });
    expect(timer.cleared()).toBe(false);
    expect(await copy.text()).toBe('{"ok":true}');
    expect(timer.cleared()).toBe(true);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it("turns a stalled body into TimeoutError for a clone too", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const server = await startServer(stallMidBody);
    const response = await createTransport({ timeoutMs: 10_000 })(`${server.origin}/x`);
    const copy = response.clone();
    const reading = [response.text().catch((e) => e), copy.arrayBuffer().catch((e) => e)];
    vi.advanceTimersByTime(10_000);
    const [first, second] = await Promise.all(reading);
    expect(first).toBeInstanceOf(TimeoutError);
    expect(second).toBeInstanceOf(TimeoutError);
  });

  it("gives the typed error to a read that starts after the deadline passed", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const server = await startServer(stallMidBody);
    const response = await createTransport({ timeoutMs: 10_000 })(`${server.origin}/x`);
    vi.advanceTimersByTime(10_000);
    await expect(response.text()).rejects.toBeInstanceOf(TimeoutError);
    await expect(response.body!.getReader().read()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("turns an abort while streaming response.body into AbortedError", async () => {
    const server = await startServer(stallMidBody);
    const controller = new AbortController();
    const response = await createTransport()(`${server.origin}/x`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const pending = reader.read().catch((e) => e);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortedError);
  });

  it("turns a body that breaks mid-read into NetworkError through response.body too", async () => {
    const server = await startServer(breakMidBody);
    const response = await createTransport({ retry: false })(`${server.origin}/x`);
    const reader = response.body!.getReader();
    let error: unknown;
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("guards a Response subclass from a custom fetch without changing the subclass", async () => {
    class Tagged extends Response {
      readonly tag = "mine";
    }
    const original = new Tagged('{"ok":true}', { status: 200 });
    const fetch = createTransport({ fetch: async () => original });
    const response = await fetch("https://api.example.com/x");
    expect(await response.json()).toEqual({ ok: true });
    expect(Object.getPrototypeOf(original)).toBe(Tagged.prototype);
  });
});

describe("the caller's Request", () => {
  it("is sent as it is, never changed: the supplied headers go with the attempt only", async () => {
    const server = await startServer(reply(200));
    const fetch = createTransport({
      headers: { authorization: new Secret("Bearer t0k") },
      userAgent: "ua/1",
    });
    const request = new Request(`${server.origin}/x`, { headers: { "x-trace": "1" } });
    await (await fetch(request)).text();
    await (await fetch(request)).text();
    expect([...request.headers]).toEqual([["x-trace", "1"]]);
    expect(server.seen.map((seen) => [seen.headers.authorization, seen.headers["x-trace"]])).toEqual([
      ["Bearer t0k", "1"],
      ["Bearer t0k", "1"],
    ]);
  });

  it("sends a POST body once, from the caller's Request, with no copy to tee", async () => {
    const server = await startServer(reply(201));
    const cloned = vi.spyOn(Request.prototype, "clone");
    const request = new Request(`${server.origin}/users`, { method: "POST", body: '{"name":"a"}' });
    expect((await createTransport()(request)).status).toBe(201);
    expect(cloned).not.toHaveBeenCalled();
    expect(server.seen[0]?.body).toBe('{"name":"a"}');
  });

  it("reaches a custom fetch as a Request that carries every header, as before", async () => {
    const seen: Request[] = [];
    const fetch = createTransport({
      headers: { authorization: new Secret("Bearer t0k") },
      userAgent: "ua/1",
      fetch: async (input) => {
        seen.push(input as Request);
        return new Response("{}");
      },
    });
    await (await fetch("https://api.example.com/x", { headers: { "x-trace": "1" } })).text();
    expect(seen[0]).toBeInstanceOf(Request);
    expect(Object.fromEntries(seen[0]!.headers)).toEqual({
      authorization: "Bearer t0k",
      "user-agent": "ua/1",
      "x-trace": "1",
    });
  });

  it("refuses a Request whose body was already read, before sending", async () => {
    let sent = 0;
    const fetch = createTransport({
      fetch: async () => {
        sent++;
        return new Response(null, { status: 204 });
      },
    });
    const request = new Request("https://api.example.com/x", { method: "PUT", body: "{}" });
    await request.text();
    await expect(fetch(request)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    expect(sent).toBe(0);
  });
});
