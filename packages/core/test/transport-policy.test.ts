/**
 * The transport's policies against small local servers: redirects refused (never followed with a
 * body, never turning a POST into a GET), the body size capped while streaming, vendor retry
 * statuses (Rackspace's 413 with Retry-After), and every secret the call sent redacted from what
 * the server echoes back.
 */
import { describe, expect, test } from "vitest";
import { createVendorClient, headerAuth, RedirectError, ResponseTooLargeError } from "../src/index.js";
import type { paths } from "./fixtures/vendor-api.js";
import { recordingSleep, reply, startServer } from "./helpers/http-server.js";

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );

function api(origin: string, extra: Partial<Parameters<typeof createVendorClient>[0]> = {}) {
  return createVendorClient<paths>({
    vendor: "Example",
    baseUrl: origin,
    auth: headerAuth("tok-abcdef"),
    ...extra,
  });
}

describe("redirects", () => {
  test("a 307 to a plain-http non-loopback URL: the POST body is not sent there", async () => {
    const server = await startServer(reply(307, {}, { location: "http://203.0.113.7/steal" }));
    const error = await failure(
      api(server.origin).POST("/users", { body: { name: "x", password: "pw-secret-77" } }),
    );
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ code: "REDIRECT_REFUSED", status: 307, location: "http://203.0.113.7" });
    expect(server.seen).toHaveLength(1);
    expect(JSON.stringify(error)).not.toContain("pw-secret-77");
  });

  test.each([301, 302, 303, 308])(
    "a %i on POST is refused: nothing is sent to the new location",
    async (status) => {
      const target = await startServer(reply(200, { user: { name: "not created" } }));
      const server = await startServer(reply(status, {}, { location: `${target.origin}/users` }));
      const error = await failure(api(server.origin).POST("/users", { body: { name: "x" } }));
      expect(error).toBeInstanceOf(RedirectError);
      expect(target.seen).toEqual([]);
    },
  );

  test("a redirect on GET is refused too, and not retried", async () => {
    const server = await startServer(reply(302, {}, { location: "/elsewhere" }));
    await expect(
      api(server.origin).GET("/users/{name}", { params: { path: { name: "x" } } }),
    ).rejects.toBeInstanceOf(RedirectError);
    expect(server.seen).toHaveLength(1);
  });
});

describe("response size cap", () => {
  test("a chunked body past maxResponseBytes fails while streaming, before it is all read", async () => {
    let written = 0;
    const server = await startServer((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      const pump = () => {
        while (written < 64 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (written < 64 * 1024 * 1024 && !res.destroyed) res.once("drain", pump);
      };
      res.on("close", () => undefined);
      pump();
    });
    const error = await failure(
      api(server.origin, { maxResponseBytes: 1024 * 1024, retry: false }).GET("/users/{name}", {
        params: { path: { name: "x" } },
      }),
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: "RESPONSE_TOO_LARGE", limitBytes: 1024 * 1024, status: 200 });
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  test("a declared Content-Length past the cap fails without reading", async () => {
    const server = await startServer((res) => {
      res.writeHead(500, { "content-type": "application/json", "content-length": String(10_000) });
      res.end("y".repeat(10_000));
    });
    await expect(
      api(server.origin, { maxResponseBytes: 1000, retry: false }).GET("/users/{name}", {
        params: { path: { name: "x" } },
      }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  test("answers under the default cap are read as usual", async () => {
    const big = { user: { name: "x", note: "z".repeat(2 * 1024 * 1024) } };
    const server = await startServer(reply(200, big));
    const client = api(server.origin);
    const data = await client.result(client.GET("/users/{name}", { params: { path: { name: "x" } } }), [200]);
    expect(data).toEqual(big);
  });
});

describe("retry statuses per vendor", () => {
  test("413 with Retry-After is retried when the vendor lists it (Rackspace's rate limit)", async () => {
    const server = await startServer(
      reply(413, { overLimit: {} }, { "retry-after": "2" }),
      reply(200, { user: { name: "x" } }),
    );
    const { delays, sleep } = recordingSleep();
    const client = api(server.origin, { retry: { statuses: [413, 429, 500, 502, 503, 504], sleep } });
    await expect(
      client.result(client.GET("/users/{name}", { params: { path: { name: "x" } } }), [200]),
    ).resolves.toBeDefined();
    expect(delays).toEqual([2000]);
  });

  test("413 is an answer, not a retry, by default", async () => {
    const server = await startServer(reply(413, {}, { "retry-after": "2" }));
    const client = api(server.origin);
    await expect(
      client.result(client.GET("/users/{name}", { params: { path: { name: "x" } } }), [200]),
    ).rejects.toMatchObject({
      status: 413,
    });
    expect(server.seen).toHaveLength(1);
  });

  test("ratelimit-reset is read on a 429 only when the vendor turns it on", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3);
    for (const rateLimitReset of [true, false]) {
      const server = await startServer(
        reply(429, {}, { "ratelimit-reset": reset }),
        reply(200, { user: { name: "x" } }),
      );
      const { delays, sleep } = recordingSleep();
      const client = api(server.origin, {
        rateLimitReset,
        retry: { sleep, random: () => 0.5, baseDelayMs: 100 },
      });
      await client.GET("/users/{name}", { params: { path: { name: "x" } } });
      if (rateLimitReset) expect(delays[0]).toBeGreaterThan(1000);
      else expect(delays).toEqual([50]);
    }
  });

  test("a POST is never retried", async () => {
    const server = await startServer(reply(503, {}), reply(201, {}));
    const client = api(server.origin, { retry: { sleep: recordingSleep().sleep } });
    await client.POST("/users", { body: { name: "x" } });
    expect(server.seen).toHaveLength(1);
  });
});

describe("secrets the call sent", () => {
  test("a password in the body and the token are redacted wherever the server echoes them", async () => {
    const server = await startServer((res, seen) => {
      const { password } = JSON.parse(seen.body) as { password: string };
      reply(400, {
        message: `the new password is ${password}; your token tok-abcdef`,
        detail: { echoed: password },
      })(res, seen, undefined as never);
    });
    const client = api(server.origin);
    const error = await failure(
      client.result(client.POST("/users", { body: { name: "x", password: "Hunter2-long-pw" } }), [201]),
    );
    const text = `${JSON.stringify(error)} ${(error as Error).message} ${(error as Error).stack}`;
    expect(text).not.toContain("Hunter2-long-pw");
    expect(text).not.toContain("tok-abcdef");
    expect(error).toMatchObject({
      body: { message: "the new password is [REDACTED]; your token [REDACTED]" },
    });
  });
});
