/**
 * A long run stays flat: tens of thousands of mixed requests (authenticated reads and writes, strangers
 * with large bodies and ever-new Authorization values, bodies nested 5,000 deep). The run is cut into
 * windows; memory (after a forced GC) and throughput of the last windows are compared with the first
 * ones, as ratios measured in the same run, never against absolute timings.
 */
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { startEmulator } from "../src/index.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const WINDOWS = 8;
const PER_WINDOW = 2500;
const WARM_UP = 500;
const WORKERS = 8;

/** node:http with keep-alive: far less client-side work per request than fetch, so the server dominates. */
function send(agent: Agent, url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

it("keeps memory and throughput flat over 20,000 requests", { timeout: 300_000 }, async () => {
  const cluster = randomUUID();
  const emulator = await startEmulator({
    rateLimit: false,
    digitalocean: { token: "t", clusters: [{ id: cluster, engine: "pg" }] },
  });
  const base = `${emulator.url}/v2/databases/${cluster}/users`;
  const auth = { authorization: "Bearer t", "content-type": "application/json" };
  const strangerBody = JSON.stringify({ name: "x", filler: "y".repeat(8 * 1024) });
  const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
  const statuses = new Map<number, number>();
  const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });

  /** Request number `i` of the run: the same mix in every window. */
  async function one(i: number): Promise<void> {
    const kind = i % 10;
    let status: number;
    if (kind < 5) status = await send(agent, base, "GET", auth);
    else if (kind === 5) {
      // Every user made is deleted again, so the emulator's state itself stays the same size.
      const made = await send(agent, base, "POST", auth, JSON.stringify({ name: `u${i}` }));
      statuses.set(made, (statuses.get(made) ?? 0) + 1);
      status = await send(agent, `${base}/u${i}`, "DELETE", auth);
    } else if (kind < 9) {
      // A stranger: a fresh credential every time and an 8 kB body, neither of which may be kept.
      const headers = { authorization: `Bearer ${randomUUID()}`, "content-type": "application/json" };
      status = await send(agent, base, "POST", headers, strangerBody);
    } else {
      const body = i % 100 === 9 ? deep : JSON.stringify({ name: `pg_reserved${i}` });
      status = await send(agent, base, "POST", auth, body);
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }

  async function run(from: number, count: number): Promise<number> {
    let next = from;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < from + count) await one(next++);
      }),
    );
    return performance.now() - started;
  }

  try {
    await run(0, WARM_UP);
    const windows: { rps: number; heapMb: number }[] = [];
    for (let w = 0; w < WINDOWS; w += 1) {
      const ms = await run(WARM_UP + w * PER_WINDOW, PER_WINDOW);
      gc();
      windows.push({ rps: (PER_WINDOW / ms) * 1000, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
    }
    // Medians of the first and of the last three windows, so one slow spell of a shared machine
    // does not decide the result.
    const median = (ws: typeof windows, key: "rps" | "heapMb") =>
      ws.map((w) => w[key]).sort((a, b) => a - b)[1]!;
    const head = windows.slice(0, 3);
    const tail = windows.slice(-3);
    const first = { rps: median(head, "rps"), heapMb: median(head, "heapMb") };
    const last = { rps: median(tail, "rps"), heapMb: median(tail, "heapMb") };
    const figures = {
      requests: [...statuses.values()].reduce((a, b) => a + b, 0),
      heapMbFirst: first.heapMb.toFixed(1),
      heapMbLast: last.heapMb.toFixed(1),
      heapRatio: (last.heapMb / first.heapMb).toFixed(2),
      rpsFirst: first.rps.toFixed(0),
      rpsLast: last.rps.toFixed(0),
      throughputRatio: (last.rps / first.rps).toFixed(2),
      windows: windows.map((w) => `${w.rps.toFixed(0)} req/s ${w.heapMb.toFixed(1)} MB`),
      statuses: Object.fromEntries(statuses),
    };
    console.log(`soak: ${JSON.stringify(figures, null, 1)}`);

    // Every kind of request was answered as it should be.
    expect([...statuses.keys()].sort()).toEqual([200, 201, 204, 401, 422]);
    // The log holds the newest 1,000 and stays readable (the 5,000-deep bodies were not kept).
    const log = emulator.state.requests;
    expect(log).toHaveLength(1000);
    expect(log.some((r) => r.bodyOmitted === "unauthenticated")).toBe(true);
    expect(emulator.state.digitalocean.listUsers(cluster).map((u) => u.name)).toEqual(["doadmin"]);
    // Flat: the last window is neither much heavier nor much slower than the first. Before the log
    // and the limiter were bounded, memory grew by megabytes per window and throughput fell ~8x.
    expect(last.heapMb / first.heapMb).toBeLessThan(1.5);
    expect(last.rps / first.rps).toBeGreaterThan(0.5);
  } finally {
    agent.destroy();
    await emulator.close();
  }
});
