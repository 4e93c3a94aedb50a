/** Fault injection: each fault type, matching, times, seeded probability, and faults after the state change. */
import { describe, expect, it, vi } from "vitest";
import { startEmulator } from "../src/index.js";
import { checkedFetch, useEmulator } from "./helpers/digitalocean.js";

const ctx = useEmulator({ seed: 42 });
const users = () => `/v2/databases/${ctx.ids.pg}/users`;

describe("latency", () => {
  it("delays the answer, which is otherwise normal", async () => {
    ctx.emulator.faults.inject({ operationId: "databases_list_users" }, { type: "latency", ms: 30 });
    const started = performance.now();
    const res = await ctx.api.list(ctx.ids.pg);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("adds up with a status fault on the same request", async () => {
    ctx.emulator.faults.inject({}, { type: "latency", ms: 20 });
    ctx.emulator.faults.inject({}, { type: "status", status: 503 });
    const started = performance.now();
    const res = await ctx.api.list(ctx.ids.pg);
    expect(res.status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });
});

describe("status", () => {
  it("429 answers DigitalOcean's rate-limit body with the given Retry-After", async () => {
    ctx.emulator.faults.inject({ method: "POST" }, { type: "status", status: 429, retryAfter: 7 });
    const res = await ctx.api.add(ctx.ids.pg, { name: "x" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body).toEqual({ id: "too_many_requests", message: "API rate limit exceeded." });
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "x")).toBeUndefined();
  });

  it("429 defaults Retry-After to 1 second", async () => {
    ctx.emulator.faults.inject({}, { type: "status", status: 429 });
    expect((await ctx.api.list(ctx.ids.pg)).headers.get("retry-after")).toBe("1");
  });

  it.each([
    [500, "server_error"],
    [503, "service_unavailable"],
  ] as const)("%i answers a DigitalOcean error body (%s) and changes nothing", async (status, id) => {
    ctx.emulator.faults.inject({ operationId: "databases_add_user" }, { type: "status", status });
    const res = await ctx.api.add(ctx.ids.pg, { name: "x" });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ id, request_id: expect.any(String) });
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "x")).toBeUndefined();
  });

  it("fires before auth: the request never reached the API", async () => {
    ctx.emulator.faults.inject({}, { type: "status", status: 503 });
    const res = await ctx.api.request("GET", users(), { token: "wrong" });
    expect(res.status).toBe(503);
  });
});

describe("drop", () => {
  it("resets the connection without an answer, and nothing changes", async () => {
    ctx.emulator.faults.inject({ operationId: "databases_add_user" }, { type: "drop" });
    await expect(ctx.api.raw("POST", users(), { body: { name: "x" } })).rejects.toThrow(/fetch failed/);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "x")).toBeUndefined();
    const [entry] = ctx.emulator.state.requests;
    expect(entry).toMatchObject({ operationId: "databases_add_user", status: undefined, fault: "drop" });
  });

  it("leaves the emulator serving the next request", async () => {
    ctx.emulator.faults.inject({ times: 1 }, { type: "drop" });
    await expect(ctx.api.raw("GET", users())).rejects.toThrow();
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(200);
  });
});

describe("malformed-json", () => {
  it("before: answers 200 with a body that is not JSON", async () => {
    ctx.emulator.faults.inject({ operationId: "databases_get_user" }, { type: "malformed-json" });
    const res = await ctx.api.raw("GET", `${users()}/doadmin`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("after: the real status and headers with the real body cut short", async () => {
    ctx.emulator.faults.inject(
      { operationId: "databases_add_user", when: "after" },
      { type: "malformed-json" },
    );
    const res = await ctx.api.raw("POST", users(), { body: { name: "x" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("ratelimit-remaining")).toBe("4999");
    const text = await res.text();
    expect(text.startsWith('{"user":{"name":"x"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "x")).toBeDefined();
  });

  it("after a 204: a 200 with a broken body", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "x" });
    ctx.emulator.faults.inject({ method: "DELETE", when: "after" }, { type: "malformed-json" });
    const res = await ctx.api.raw("DELETE", `${users()}/x`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

describe('when: "after" (the change happened, the answer was lost)', () => {
  it("drop after a create: the user exists once, and a retry gets 422, not a second user", async () => {
    ctx.emulator.faults.inject(
      { operationId: "databases_add_user", when: "after", times: 1 },
      { type: "drop" },
    );
    await expect(ctx.api.raw("POST", users(), { body: { name: "once" } })).rejects.toThrow(/fetch failed/);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "once")).toBeDefined();
    const retry = await ctx.api.add(ctx.ids.pg, { name: "once" });
    expect(retry.status).toBe(422);
    expect(
      ctx.emulator.state.digitalocean.listUsers(ctx.ids.pg).filter((u) => u.name === "once"),
    ).toHaveLength(1);
  });

  it("503 after an update: the settings changed although the client saw an error", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "r" });
    ctx.emulator.faults.inject({ method: "PUT", when: "after" }, { type: "status", status: 503 });
    const res = await ctx.api.update(ctx.ids.pg, "r", { settings: { pg_allow_replication: true } });
    expect(res.status).toBe(503);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "r")?.settings).toEqual({
      pg_allow_replication: true,
    });
  });

  it("drop after a delete: the user is gone, and a retry gets 404", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "d" });
    ctx.emulator.faults.inject({ method: "DELETE", when: "after", times: 1 }, { type: "drop" });
    await expect(ctx.api.raw("DELETE", `${users()}/d`)).rejects.toThrow();
    expect((await ctx.api.remove(ctx.ids.pg, "d")).status).toBe(404);
  });

  it("latency after a reset: the new password is stored before the answer leaves", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "p" });
    const before = ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "p")!.password;
    ctx.emulator.faults.inject(
      { operationId: "databases_reset_auth", when: "after" },
      { type: "latency", ms: 100 },
    );
    let answered = false;
    const pending = ctx.api.reset(ctx.ids.pg, "p").finally(() => {
      answered = true;
    });
    await vi.waitFor(
      () => expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "p")!.password).not.toBe(before),
      { interval: 1, timeout: 1000 },
    );
    expect(answered).toBe(false);
    expect((await pending).status).toBe(200);
  });
});

describe("matching", () => {
  it("by exact path (as sent, percent-encoded)", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "a b" });
    ctx.emulator.faults.inject({ path: `${users()}/a%20b` }, { type: "status", status: 500 });
    expect((await ctx.api.get(ctx.ids.pg, "a b")).status).toBe(500);
    expect((await ctx.api.get(ctx.ids.pg, "doadmin")).status).toBe(200);
  });

  it("by RegExp, even one with the g flag", async () => {
    ctx.emulator.faults.inject({ path: /\/users$/g }, { type: "status", status: 500 });
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(500);
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(500);
    expect((await ctx.api.get(ctx.ids.pg, "doadmin")).status).toBe(200);
  });

  it("by method in any case, and by vendor", async () => {
    ctx.emulator.faults.inject({ vendor: "digitalocean", method: "get" }, { type: "status", status: 503 });
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(503);
    expect((await ctx.api.add(ctx.ids.pg, { name: "ok" })).status).toBe(201);
  });

  it("only `times` times, then the fault is gone", async () => {
    const fault = ctx.emulator.faults.inject({ times: 2 }, { type: "status", status: 500 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await ctx.api.list(ctx.ids.pg)).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(fault).toMatchObject({ fired: 2, remaining: 0 });
  });

  it("until removed or cleared", async () => {
    const fault = ctx.emulator.faults.inject({}, { type: "status", status: 500 });
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(500);
    fault.remove();
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(200);
    ctx.emulator.faults.inject({}, { type: "status", status: 500 });
    ctx.emulator.faults.clear();
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(200);
  });

  it("logs which fault changed an answer", async () => {
    ctx.emulator.faults.inject({ times: 1 }, { type: "status", status: 503 });
    await ctx.api.list(ctx.ids.pg);
    await ctx.api.list(ctx.ids.pg);
    expect(ctx.emulator.state.requests.map((r) => [r.status, r.fault])).toEqual([
      [503, "status"],
      [200, undefined],
    ]);
  });
});

describe("probability with a seed", () => {
  async function pattern(seed: number): Promise<number[]> {
    const emulator = await startEmulator({
      seed,
      digitalocean: { token: "t", clusters: [{ id: ctx.ids.pg, engine: "pg" }] },
    });
    try {
      emulator.faults.inject({ probability: 0.5 }, { type: "status", status: 503 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) {
        const res = await checkedFetch(emulator.url, users(), { headers: { authorization: "Bearer t" } });
        statuses.push(res.status);
      }
      return statuses;
    } finally {
      await emulator.close();
    }
  }

  it("fails the same requests for the same seed, and some but not all of them", async () => {
    const first = await pattern(7);
    expect(await pattern(7)).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it("fails other requests for another seed", async () => {
    expect(await pattern(7)).not.toEqual(await pattern(8));
  });

  it("exposes the seed in use, random when none was given", async () => {
    expect(ctx.emulator.faults.seed).toBe(42);
    const emulator = await startEmulator();
    expect(Number.isInteger(emulator.faults.seed)).toBe(true);
    await emulator.close();
  });

  it("never fires at probability 0 and always at 1", async () => {
    ctx.emulator.faults.inject({ probability: 0 }, { type: "status", status: 500 });
    ctx.emulator.faults.inject({ probability: 1, method: "POST" }, { type: "status", status: 503 });
    expect((await ctx.api.list(ctx.ids.pg)).status).toBe(200);
    expect((await ctx.api.add(ctx.ids.pg, { name: "x" })).status).toBe(503);
  });
});

describe("invalid faults are refused when injected", () => {
  it.each([
    [{}, { type: "latency", ms: -1 }, /latency ms/],
    [{}, { type: "status", status: 404 }, /429, 500 or 503/],
    [{}, { type: "status", status: 429, retryAfter: 1.5 }, /retryAfter/],
    [{}, { type: "explode" }, /unknown fault type/],
    [{ times: 0 }, { type: "drop" }, /times/],
    [{ probability: 2 }, { type: "drop" }, /probability/],
    [{ when: "during" }, { type: "drop" }, /when/],
    [{}, { type: "drop", when: "after" }, /`when` goes in the first argument/],
    [{ operation: "databases_add_user" }, { type: "drop" }, /unknown match key "operation"/],
    [{}, { type: "latency", milliseconds: 5 }, /unknown fault key "milliseconds"/],
    [null, { type: "drop" }, /must be an object/],
  ])("%j %j", (match, fault, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input, as JavaScript callers could send.
    expect(() => ctx.emulator.faults.inject(match as any, fault as any)).toThrow(message);
  });
});
