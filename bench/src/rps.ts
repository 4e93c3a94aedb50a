/**
 * Requests per second of `getUser` through `@dbusers/digitalocean` against a raw `fetch` of the same
 * emulator route, in the same process and run; openapi-fetch alone (on the platform fetch) is
 * measured in the same rounds, so the table shows what the library costs and what the client adds.
 *
 * Every round starts a fresh emulator, and the request log is cleared after every wave: a server
 * that slows down as it ages slows the raw side too and flatters the ratio. Within a round the sides
 * take turns one wave of requests at a time, rotating the order every wave, so warm-up, GC and other
 * load on the machine weigh on all of them alike. The result is a ratio to raw fetch, not a time.
 */
import { randomUUID } from "node:crypto";
import { createDigitalOceanClient } from "@dbusers/digitalocean";
import { startEmulator } from "@dbusers/emulator";
import createClient from "openapi-fetch";

export const RPS_TARGET_RATIO = 0.9;

export interface RpsOptions {
  /** Requests in flight at once; each wave sends this many per side. */
  readonly concurrency?: number;
  /** Requests per side over the whole run. Default 8,000. */
  readonly requests?: number;
  /** Fresh emulators, one per round. Default 8. */
  readonly rounds?: number;
  /** Requests per side before each round's timing starts. Default 200. */
  readonly warmupRequests?: number;
}

export interface SideResult {
  readonly name: string;
  readonly rps: number;
  /** rps / raw fetch's rps over the whole run. */
  readonly ratio: number;
  /** The lowest and highest per-round ratios, to show the noise. */
  readonly min: number;
  readonly max: number;
}

export interface RpsResult {
  readonly concurrency: number;
  readonly requestsPerSide: number;
  readonly rounds: number;
  /** Raw fetch first, the client last. */
  readonly sides: readonly SideResult[];
}

type Call = () => Promise<unknown>;

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
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const USER_PATH = "/v2/databases/{database_cluster_uuid}/users/{username}";
type UserPaths = {
  [USER_PATH]: { get: { parameters: { path: { database_cluster_uuid: string; username: string } } } };
};

/** One round: a fresh emulator, the sides built on it, warm-up, then the waves. Seconds per side. */
async function round(
  waves: number,
  concurrency: number,
  warmupRequests: number,
): Promise<Map<string, number>> {
  const token = `dop_v1_bench_${randomUUID()}`;
  const clusterId = randomUUID();
  const emulator = await startEmulator({
    // The real API allows 250 requests a minute; the bench sends thousands.
    rateLimit: false,
    digitalocean: { token, clusters: [{ id: clusterId, engine: "pg", users: ["app-01"] }] },
  });
  try {
    const url = `${emulator.url}/v2/databases/${clusterId}/users/app-01`;
    const headers = { authorization: `Bearer ${token}` };
    const openapi = createClient<UserPaths>({ baseUrl: emulator.url, headers });
    const params = { path: { database_cluster_uuid: clusterId, username: "app-01" } };
    const client = createDigitalOceanClient({ token, baseUrl: emulator.url });
    const user = (text: string) => (JSON.parse(text) as { user: { name: string } }).user;

    const sides: Record<string, Call> = {
      "raw fetch": async () => user(await (await fetch(url, { headers })).text()),
      "openapi-fetch alone": async () =>
        user((await openapi.GET(USER_PATH, { params, parseAs: "text" })).data ?? ""),
      "@dbusers/digitalocean getUser": () => client.getUser(clusterId, "app-01"),
    };
    const names = Object.keys(sides);
    for (const name of names) await timed(sides[name]!, warmupRequests, concurrency);
    emulator.state.clearRequests();

    const seconds = new Map(names.map((name) => [name, 0]));
    for (let wave = 0; wave < waves; wave++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + wave) % names.length]!;
        seconds.set(name, seconds.get(name)! + (await timed(sides[name]!, concurrency, concurrency)));
      }
      emulator.state.clearRequests();
    }
    return seconds;
  } finally {
    await emulator.close();
  }
}

export async function measureRps(options: RpsOptions = {}): Promise<RpsResult> {
  const concurrency = options.concurrency ?? 1;
  const rounds = options.rounds ?? 8;
  // 8,000 requests a side: with 2,000 the ratio moved by ±0.04 between runs on a shared 2-core machine.
  const waves = Math.max(1, Math.ceil((options.requests ?? 8000) / concurrency / rounds));
  const totals = new Map<string, number>();
  const perRound = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    const seconds = await round(waves, concurrency, options.warmupRequests ?? 200);
    const raw = seconds.get("raw fetch")!;
    for (const [name, time] of seconds) {
      totals.set(name, (totals.get(name) ?? 0) + time);
      perRound.set(name, [...(perRound.get(name) ?? []), raw / time]);
    }
  }
  const requestsPerSide = rounds * waves * concurrency;
  const rawSeconds = totals.get("raw fetch")!;
  return {
    concurrency,
    requestsPerSide,
    rounds,
    sides: [...totals].map(([name, time]) => ({
      name,
      rps: requestsPerSide / time,
      ratio: rawSeconds / time,
      min: Math.min(...perRound.get(name)!),
      max: Math.max(...perRound.get(name)!),
    })),
  };
}
