/** The request log is bounded: count, body size, nesting depth, and only authenticated bodies kept. */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";
import { jsonDepth, RequestLog } from "../src/request-log.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const cluster = randomUUID();
async function start(requestLog?: { maxEntries?: number; maxBodyBytes?: number; maxDepth?: number }) {
  emulator = await startEmulator({
    ...(requestLog ? { requestLog } : {}),
    digitalocean: { token: "t", clusters: [{ id: cluster, engine: "pg" }] },
  });
  return emulator;
}

function post(e: Emulator, body: string, token: string | null = "t") {
  return fetch(`${e.url}/v2/databases/${cluster}/users`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

describe("bodies", () => {
  it("keeps an authenticated body, parsed", async () => {
    const e = await start();
    await post(e, JSON.stringify({ name: "app" }));
    expect(e.state.requests[0]).toMatchObject({
      body: { name: "app" },
      bodySize: 14,
      bodyOmitted: undefined,
    });
  });

  it("does not keep the body of a request without an accepted credential", async () => {
    const e = await start();
    await post(e, JSON.stringify({ name: "app", password: "guess" }), "wrong");
    await post(e, JSON.stringify({ name: "app" }), null);
    for (const entry of e.state.requests) {
      expect(entry).toMatchObject({ status: 401, body: undefined, bodyOmitted: "unauthenticated" });
      expect(entry.bodySize).toBeGreaterThan(0);
    }
  });

  it("keeps a body nested 5,000 deep out of the log, and the log stays readable", async () => {
    const e = await start();
    const res = await post(e, nested(5000));
    expect(res.status).toBe(422);
    expect(e.state.requests[0]).toMatchObject({ body: undefined, bodyOmitted: "too-deep", status: 422 });
    expect(JSON.stringify(e.state.requests)).not.toContain('{"a":{"a"');
    expect(e.state.digitalocean.requests).toHaveLength(1);
  });

  it("keeps a body at exactly the depth limit", async () => {
    const e = await start({ maxDepth: 3 });
    await post(e, nested(3));
    await post(e, nested(4));
    expect(e.state.requests.map((r) => r.bodyOmitted)).toEqual([undefined, "too-deep"]);
  });

  it("keeps no body larger than maxBodyBytes, nor one past the server's 1 MiB read limit", async () => {
    const e = await start({ maxBodyBytes: 100 });
    await post(e, JSON.stringify({ name: "x".repeat(200) }));
    await post(e, "x".repeat(2 * 1024 * 1024));
    expect(e.state.requests.map((r) => [r.bodyOmitted, r.body])).toEqual([
      ["too-large", undefined],
      ["too-large", undefined],
    ]);
  });
});

describe("count", () => {
  it("keeps the newest maxEntries requests, oldest first", async () => {
    const e = await start({ maxEntries: 3 });
    for (let i = 0; i < 7; i += 1) await fetch(`${e.url}/v2/x${i}`);
    expect(e.state.requests.map((r) => r.path)).toEqual(["/v2/x4", "/v2/x5", "/v2/x6"]);
    e.state.clearRequests();
    await fetch(`${e.url}/v2/y`);
    expect(e.state.requests.map((r) => r.path)).toEqual(["/v2/y"]);
  });

  it.each([{ maxEntries: 0 }, { maxBodyBytes: -1 }, { maxDepth: 1.5 }, { maxEnteries: 5 }])(
    "refuses bad bounds %j",
    async (requestLog) => {
      await expect(startEmulator({ requestLog: requestLog as never })).rejects.toThrow(/requestLog/);
    },
  );
});

describe("jsonDepth", () => {
  it.each([
    ["", 0],
    ["1", 0],
    ["[]", 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['"[[[["', 0],
    ['["\\"[[", [1]]', 2],
  ])("%s is %d deep", (text, depth) => {
    expect(jsonDepth(text, 100)).toBe(depth);
  });

  it("stops counting just past the limit", () => {
    expect(jsonDepth("[".repeat(100_000), 10)).toBe(11);
  });

  it("a log of 10,000 adds holds 5 entries when bounded to 5", () => {
    const log = new RequestLog({ maxEntries: 5 });
    for (let i = 0; i < 10_000; i += 1) {
      log.add(
        {
          vendor: undefined,
          operationId: undefined,
          method: "GET",
          path: `/${i}`,
          query: "",
          headers: {},
          requestId: "",
          receivedAt: 0,
        },
        "",
        false,
      );
    }
    expect(log.size).toBe(5);
    expect(log.list().map((e) => e.path)).toEqual(["/9995", "/9996", "/9997", "/9998", "/9999"]);
  });
});
