/**
 * Hostile callers and hostile servers (issue 9): every failure is a typed error naming the option or
 * field, nothing is sent for bad input, redirects are refused, base URLs cannot carry a query or a
 * fragment, answers are capped, and whatever the server echoes never carries the token.
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import {
  DbUsersError,
  InvalidOptionError,
  RedirectError,
  ResponseTooLargeError,
  UnsafeUrlError,
} from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A one-handler loopback server standing in for a hostile or broken API. */
async function serve(handler: RequestListener): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

describe("bad input is a typed error naming the field, and nothing is sent", () => {
  test.each([null, {}, "abort", 1])("signal: %j", async (signal) => {
    for (const validate of [true, false]) {
      const error = await failure(
        h.client({ validate }).listUsers(h.clusters.pg, { signal: signal as AbortSignal }),
      );
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ option: "signal" });
    }
    expect(h.sent()).toEqual([]);
  });

  test("a BigInt or a cycle in a body with validation off", async () => {
    const cycle: Record<string, unknown> = { name: "app" };
    cycle.settings = { back: cycle };
    for (const [body, option] of [
      [{ name: "app", settings: { pg_allow_replication: 1n } }, "body.settings.pg_allow_replication"],
      [cycle, "body.settings.back"],
    ] as const) {
      const error = await failure(h.client({ validate: false }).addUser(h.clusters.pg, body as never));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ option, rule: "not-json" });
    }
    expect(h.sent()).toEqual([]);
  });

  test("a revoked Proxy as a body, validation on or off", async () => {
    for (const validate of [true, false]) {
      const { proxy, revoke } = Proxy.revocable({ name: "app" }, {});
      revoke();
      const error = await failure(h.client({ validate }).addUser(h.clusters.pg, proxy as never));
      expect(error).toBeInstanceOf(DbUsersError);
      expect((error as Error).message).toMatch(/body/);
    }
    expect(h.sent()).toEqual([]);
  });

  test("a null-prototype object as an id", async () => {
    const error = await failure(h.client().getUser(Object.create(null), "app"));
    expect(error).toMatchObject({ name: "InvalidPathParameterError", parameter: "database_cluster_uuid" });
    expect(h.sent()).toEqual([]);
  });
});

describe("hostile servers", () => {
  test("a 307 to plain http elsewhere: the body is not re-sent and the call fails typed", async () => {
    const server = await serve((_req, res) =>
      res.writeHead(307, { location: "http://203.0.113.9/v2" }).end(),
    );
    const client = h.client({ baseUrl: server.url });
    const error = await failure(client.addUser(h.clusters.pg, { name: "app" }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(server.hits()).toBe(1);
  });

  test("a 301 on addUser does not turn into a GET whose answer reads as the created user", async () => {
    const target = await serve((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"user":{"name":"app"}}'),
    );
    const server = await serve((_req, res) => res.writeHead(301, { location: `${target.url}/v2/x` }).end());
    await expect(
      h.client({ baseUrl: server.url }).addUser(h.clusters.pg, { name: "app" }),
    ).rejects.toBeInstanceOf(RedirectError);
    expect(target.hits()).toBe(0);
  });

  test.each(["?x=1", "#", "/v2/databases/x/users/victim#"])("a base URL ending in %s is refused", (tail) => {
    expect(() => h.client({ baseUrl: `${h.emulator.url}${tail}` })).toThrow(UnsafeUrlError);
  });

  test("an answer larger than maxResponseBytes fails typed while it streams", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(`{"users":[${'{"name":"x"},'.repeat(200_000)}`);
    });
    const error = await failure(
      h.client({ baseUrl: server.url, maxResponseBytes: 100_000, retry: false }).listUsers(h.clusters.pg),
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 100_000 });
  });

  test("the token echoed in a server's message is redacted", async () => {
    const server = await serve((req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "unauthorized",
          message: `token ${req.headers.authorization?.slice(7)} is not valid`,
        }),
      );
    });
    const error = await failure(h.client({ baseUrl: server.url }).listUsers(h.clusters.pg));
    expect(JSON.stringify(error)).not.toContain(h.token);
    expect((error as Error).message).not.toContain(h.token);
    expect(error).toMatchObject({ apiMessage: "token [REDACTED] is not valid" });
  });
});
