/** DigitalOcean's rate limit: headers on every answer, 429 with Retry-After, per token, configurable. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DIGITALOCEAN_RATE_LIMIT } from "../src/index.js";
import { MAX_KEYS, RateLimiter } from "../src/rate-limit.js";
import { useEmulator } from "./helpers/digitalocean.js";

describe("rate-limit headers", () => {
  const ctx = useEmulator();

  it("are on success and error answers, describing the hourly window", async () => {
    const before = Math.floor(Date.now() / 1000);
    const ok = await ctx.api.list(ctx.ids.pg);
    // The window opens when the first request arrives, somewhere between these two clock readings.
    const after = Math.ceil(Date.now() / 1000);
    const missing = await ctx.api.get(ctx.ids.pg, "ghost");
    const denied = await ctx.api.request("GET", `/v2/databases/${ctx.ids.pg}/users`, { token: "other" });
    expect(ok.headers.get("ratelimit-limit")).toBe("5000");
    expect(ok.headers.get("ratelimit-remaining")).toBe("4999");
    expect(missing.headers.get("ratelimit-remaining")).toBe("4998");
    // A token the emulator does not accept is answered 401 before the limiter, and never counted.
    expect(denied.status).toBe(401);
    expect(denied.headers.get("ratelimit-remaining")).toBe("5000");
    const reset = Number(ok.headers.get("ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(before + 3600);
    expect(reset).toBeLessThanOrEqual(after + 3601);
  });

  it("are on 204 answers too", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "x" });
    const res = await ctx.api.remove(ctx.ids.pg, "x");
    expect(res.headers.get("ratelimit-remaining")).toBe("4998");
  });

  it("uses DigitalOcean's limits by default", () => {
    expect(DIGITALOCEAN_RATE_LIMIT).toEqual({ perMinute: 250, perHour: 5000 });
  });
});

describe("a small configured limit", () => {
  const ctx = useEmulator({ rateLimit: { perMinute: 2, perHour: 10 } });

  it("answers 429 with DigitalOcean's body and Retry-After once the minute is used up", async () => {
    await ctx.api.list(ctx.ids.pg);
    await ctx.api.list(ctx.ids.pg);
    const res = await ctx.api.request("POST", `/v2/databases/${ctx.ids.pg}/users`, {
      body: { name: "late" },
    });
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ id: "too_many_requests", message: "API rate limit exceeded." });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(res.headers.get("ratelimit-limit")).toBe("10");
    expect(res.headers.get("ratelimit-remaining")).toBe("8");
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "late")).toBeUndefined();
  });

  it("answers a wrong token 401, not 429, even when the accepted token's budget is used up", async () => {
    await ctx.api.list(ctx.ids.pg);
    await ctx.api.list(ctx.ids.pg);
    const other = await ctx.api.request("GET", `/v2/databases/${ctx.ids.pg}/users`, {
      token: "someone-else",
    });
    expect(other.status).toBe(401);
  });
});

describe("rateLimit: false", () => {
  const ctx = useEmulator({ rateLimit: false });

  it("never answers 429 but still sends the headers", async () => {
    for (let i = 0; i < 3; i += 1) await ctx.api.list(ctx.ids.pg);
    const res = await ctx.api.list(ctx.ids.pg);
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-remaining")).toBe("4996");
  });
});

describe("RateLimiter (sliding windows)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const t0 = Date.UTC(2026, 0, 1);

  it("frees the minute window 60 s after the oldest request in it", () => {
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, { perMinute: 2 });
    expect(limiter.consume("k", t0).allowed).toBe(true);
    expect(limiter.consume("k", t0 + 10_000).allowed).toBe(true);
    const refused = limiter.consume("k", t0 + 20_000);
    expect(refused).toMatchObject({ allowed: false, retryAfter: 40 });
    expect(limiter.consume("k", t0 + 60_001).allowed).toBe(true);
  });

  it("frees the hour window 3600 s after its oldest request, and reports that as reset", () => {
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, { perMinute: 100, perHour: 2 });
    const first = limiter.consume("k", t0);
    expect(first.snapshot).toEqual({ limit: 2, remaining: 1, reset: t0 / 1000 + 3600 });
    limiter.consume("k", t0 + 120_000);
    const refused = limiter.consume("k", t0 + 180_000);
    expect(refused).toMatchObject({ allowed: false, retryAfter: 3600 - 180, snapshot: { remaining: 0 } });
    expect(limiter.consume("k", t0 + 3_600_001).snapshot).toEqual({
      limit: 2,
      remaining: 0,
      reset: t0 / 1000 + 3720,
    });
  });

  it("does not count refused requests", () => {
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, { perMinute: 1 });
    limiter.consume("k", t0);
    limiter.consume("k", t0 + 1000);
    limiter.consume("k", t0 + 2000);
    expect(limiter.peek("k", t0 + 3000).remaining).toBe(4999);
  });

  it("follows Date.now(), so fake timers move it", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, { perMinute: 1 });
    limiter.consume("k");
    expect(limiter.consume("k").allowed).toBe(false);
    vi.setSystemTime(t0 + 61_000);
    expect(limiter.consume("k").allowed).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a limit of %s", (perMinute) => {
    expect(() => new RateLimiter(DIGITALOCEAN_RATE_LIMIT, { perMinute })).toThrow(/positive integer/);
  });
});

describe("RateLimiter memory and cost", () => {
  const t0 = Date.UTC(2026, 0, 1);

  it("keeps at most MAX_KEYS credentials, forgetting the least recently used", () => {
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, undefined);
    limiter.consume("kept", t0);
    for (let i = 0; i < MAX_KEYS * 3; i += 1) {
      limiter.consume(`k${i}`, t0);
      if (i % 100 === 0) limiter.consume("kept", t0);
    }
    expect(limiter.size).toBe(MAX_KEYS);
    expect(limiter.peek("kept", t0).remaining).toBeLessThan(5000);
    expect(limiter.peek("k0", t0).remaining).toBe(5000);
  });

  it("counts exactly over an hour of steady traffic, one request every 7 s", () => {
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, { perHour: 600 });
    let last = limiter.consume("k", t0);
    for (let t = t0 + 7000; t < t0 + 3 * 3_600_000; t += 7000) last = limiter.consume("k", t);
    // 3600 / 7 = 514.3: 514 or 515 requests fall in any hour.
    expect(600 - last.snapshot.remaining).toBeGreaterThanOrEqual(514);
    expect(600 - last.snapshot.remaining).toBeLessThanOrEqual(515);
  });

  it("forgets everything after an idle hour", () => {
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, { perMinute: 1 });
    limiter.consume("k", t0);
    expect(limiter.consume("k", t0 + 1000).allowed).toBe(false);
    expect(limiter.consume("k", t0 + 5 * 3_600_000).snapshot.remaining).toBe(4999);
  });

  it("clear() forgets every count", () => {
    const limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, undefined);
    limiter.consume("k", t0);
    limiter.clear();
    expect(limiter.size).toBe(0);
  });
});
