import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { buildUserAgent, createTransport, NetworkError, Secret, UnsafeUrlError } from "../src/index.js";
import { recordingSleep, reply, resetConnection, startServer } from "./helpers/http-server.js";

describe("headers", () => {
  it("asks the header supplier before every attempt, so a token can change between them", async () => {
    const server = await startServer(reply(503), reply(200));
    let calls = 0;
    const fetch = createTransport({
      sleep: recordingSleep().sleep,
      headers: () => ({ authorization: new Secret(`Bearer token-${++calls}`) }),
    });
    expect((await fetch(`${server.origin}/x`)).status).toBe(200);
    expect(server.seen.map((seen) => seen.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("accepts a plain header record and an async supplier", async () => {
    const server = await startServer(reply(200));
    await createTransport({ headers: { "x-api-version": "2" } })(`${server.origin}/a`);
    await createTransport({ headers: async () => ({ "x-auth-token": "t0ken" }) })(`${server.origin}/b`);
    expect(server.seen[0]?.headers["x-api-version"]).toBe("2");
    expect(server.seen[1]?.headers["x-auth-token"]).toBe("t0ken");
  });

  it("sends the user agent unless the request has its own", async () => {
    const server = await startServer(reply(200));
    const userAgent = buildUserAgent({ name: "@dbusers/digitalocean", version: "1.0.0" });
    const fetch = createTransport({ userAgent });
    await fetch(`${server.origin}/a`);
    await fetch(`${server.origin}/b`, { headers: { "user-agent": "mine/1" } });
    expect(server.seen.map((seen) => seen.headers["user-agent"])).toEqual([userAgent, "mine/1"]);
    expect(userAgent).toMatch(/^dbusers-digitalocean\/1\.0\.0 node\/\d+\.\d+\.\d+$/);
  });

  it("keeps supplied tokens out of the errors it creates", async () => {
    const server = await startServer(resetConnection);
    const token = "tok_9f8e7d6c5b4a";
    const fetch = createTransport({ retry: false, headers: { authorization: `Bearer ${token}` } });
    const error = await fetch(`${server.origin}/x?note=${token}`).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const printed = [
      error.message,
      error.stack,
      JSON.stringify(error),
      inspect(error, { depth: Infinity, showHidden: true }),
    ];
    for (const text of printed) expect(text).not.toContain(token);
  });
});

describe("where requests may go", () => {
  it("refuses http:// to a host that is not loopback, before sending", async () => {
    let sent = 0;
    const fetch = createTransport({
      fetch: async () => {
        sent++;
        return new Response("{}");
      },
    });
    const error = await fetch("http://api.example.com/v2/databases").catch((e) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect(error.rule).toBe("https-required");
    expect(sent).toBe(0);
    await fetch("https://api.example.com/v2/databases");
    expect(sent).toBe(1);
  });
});

describe("requests that cannot be built", () => {
  it("reports a bad header value without quoting it, and sends nothing", async () => {
    const token = "tok_1234567890";
    let sent = 0;
    const fetch = createTransport({
      headers: { authorization: `Bearer ${token}\nx-injected: 1` },
      fetch: async () => {
        sent++;
        return new Response(null, { status: 204 });
      },
    });
    const error = await fetch("https://api.example.com/x").catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_REQUEST" });
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(token);
    expect(sent).toBe(0);
  });
});
