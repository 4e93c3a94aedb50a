/**
 * Requests per second of `getUser` through `@dbusers/digitalocean` against a raw `fetch` of the same
 * emulator route, in the same process and run. Between the two, the layers the client is built from
 * (core's transport alone, then openapi-fetch on it) show where the difference goes. The sides take
 * turns one wave of requests at a time, and the order rotates every round, so warm-up, GC, the
 * emulator's growing request log and other load on the machine weigh on all of them alike. The
 * result is a ratio to raw fetch, not an absolute time.
 */
import { randomUUID } from "node:crypto";
import { createTransport, Secret } from "@dbusers/core";
import { createDigitalOceanClient, DEFAULT_USER_AGENT } from "@dbusers/digitalocean";
import { startEmulator } from "@dbusers/emulator";
import createClient from "openapi-fetch";

export const RPS_TARGET_RATIO = 0.9;

export interface RpsOptions {
  /** Requests in flight at once; each round sends one wave of this many per side. */
  readonly concurrency?: number;
  readonly rounds?: number;
  readonly warmupRequests?: number;
}

export interface SideResult {
  readonly name: string;
  readonly rps: number;
  /** rps / raw fetch's rps over the whole run. */
  readonly ratio: number;
  /** The middle half of the per-round ratios, to show the noise. */
  readonly p25: number;
  readonly p75: number;
}

export interface RpsResult {
  readonly concurrency: number;
  readonly requestsPerSide: number;
  /** Raw fetch first, the client last. */
  readonly sides: readonly SideResult[];
}

type Call = () => Promise<unknown>;

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Runs `count` calls with `concurrency` in flight; returns the seconds it took. */
async function timed(call: Call, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await call();
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const USER_PATH = "/v2/databases/{database_cluster_uuid}/users/{username}";

export async function measureRps(options: RpsOptions = {}): Promise<RpsResult> {
  const concurrency = options.concurrency ?? 1;
  // 8,000 requests a side: with 2,000 the ratio moved by ±0.04 between runs on a shared 2-core machine.
  const rounds = options.rounds ?? Math.ceil(8000 / concurrency);
  const token = `dop_v1_bench_${randomUUID()}`;
  const clusterId = randomUUID();
  const emulator = await startEmulator({
    // The real API allows 250 requests a minute; the bench sends thousands.
    rateLimit: false,
    digitalocean: { token, clusters: [{ id: clusterId, engine: "pg", users: ["app-01"] }] },
  });
  try {
    const url = `${emulator.url}/v2/databases/${clusterId}/users/app-01`;
    const auth = { authorization: `Bearer ${token}` };
    // The transport exactly as the client configures it.
    const transport = createTransport({
      headers: { Authorization: new Secret(`Bearer ${token}`) },
      userAgent: DEFAULT_USER_AGENT,
      secrets: [new Secret(token)],
    });
    const openapi = createClient<{
      [USER_PATH]: { get: { parameters: { path: { database_cluster_uuid: string; username: string } } } };
    }>({ baseUrl: emulator.url, fetch: transport });
    const params = { path: { database_cluster_uuid: clusterId, username: "app-01" } };
    const client = createDigitalOceanClient({ token, baseUrl: emulator.url });
    const user = (text: string) => (JSON.parse(text) as { user: { name: string } }).user;

    const sides: Record<string, Call> = {
      "raw fetch": async () => user(await (await fetch(url, { headers: auth })).text()),
      "core transport": async () => user(await (await transport(url)).text()),
      "openapi-fetch + transport": async () =>
        user((await openapi.GET(USER_PATH, { params, parseAs: "text" })).data ?? ""),
      "@dbusers/digitalocean getUser": () => client.getUser(clusterId, "app-01"),
    };
    const names = Object.keys(sides);
    for (const name of names) await timed(sides[name]!, options.warmupRequests ?? 300, concurrency);

    const seconds = new Map(names.map((name) => [name, 0]));
    const perRound = new Map(names.map((name) => [name, [] as number[]]));
    for (let round = 0; round < rounds; round++) {
      const times = new Map<string, number>();
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + round) % names.length]!;
        times.set(name, await timed(sides[name]!, concurrency, concurrency));
      }
      const rawTime = times.get(names[0]!)!;
      for (const name of names) {
        seconds.set(name, seconds.get(name)! + times.get(name)!);
        perRound.get(name)!.push(rawTime / times.get(name)!);
      }
    }
    const requestsPerSide = rounds * concurrency;
    const rawSeconds = seconds.get(names[0]!)!;
    return {
      concurrency,
      requestsPerSide,
      sides: names.map((name) => ({
        name,
        rps: requestsPerSide / seconds.get(name)!,
        ratio: rawSeconds / seconds.get(name)!,
        p25: quantile(perRound.get(name)!, 0.25),
        p75: quantile(perRound.get(name)!, 0.75),
      })),
    };
  } finally {
    await emulator.close();
  }
}
