/**
 * The Rackspace client beside the others: `getUser` through `@dbusers/rackspace` against a raw
 * `fetch` of the same emulator route with the same token, in the same process and run (the sides
 * take turns one wave at a time, the order rotating every round). Ratios within one run, not
 * absolute times. The size of an app that imports only `@dbusers/rackspace` is in src/size.ts.
 */
import { startEmulator } from "@dbusers/emulator";
import { createRackspaceClient } from "@dbusers/rackspace";

export const RACKSPACE_RPS_TARGET = 0.9;

const INSTANCE = "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

async function timed(call: () => Promise<unknown>, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next += 1;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - started) / 1000;
}

export interface RackspaceRps {
  readonly concurrency: number;
  readonly requestsPerSide: number;
  readonly rawRps: number;
  readonly clientRps: number;
  readonly ratio: number;
}

export async function measureRackspaceRps(concurrency = 8, rounds = 20, wave = 200): Promise<RackspaceRps> {
  const emulator = await startEmulator({
    rateLimit: false,
    requestLog: { maxEntries: 100 },
    rackspace: {
      accounts: [
        {
          username: "bench",
          apiKey: "bench-key",
          tenantId: "555",
          instances: [
            { id: INSTANCE, users: [{ name: "app.reader", host: "10.0.0.%", password: "Bench_pw_1" }] },
          ],
        },
      ],
    },
  });
  try {
    const identity = await fetch(`${emulator.url}/v2.0/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        auth: { "RAX-KSKEY:apiKeyCredentials": { username: "bench", apiKey: "bench-key" } },
      }),
    });
    const token = ((await identity.json()) as { access: { token: { id: string } } }).access.token.id;
    const endpoint = `${emulator.url}/v1.0/555`;
    const client = createRackspaceClient({ auth: { token, endpoint } });
    const url = `${endpoint}/instances/${INSTANCE}/users/${encodeURIComponent("app%2Ereader@10%2E0%2E0%2E%25")}`;
    const raw = async () => {
      const response = await fetch(url, { headers: { "x-auth-token": token, accept: "application/json" } });
      if (response.status !== 200) throw new Error(`raw fetch got ${response.status}`);
      return response.json();
    };
    const viaClient = () => client.getUser(INSTANCE, "app.reader", "10.0.0.%");
    await timed(raw, 200, concurrency);
    await timed(viaClient, 200, concurrency);
    let rawSeconds = 0;
    let clientSeconds = 0;
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        rawSeconds += await timed(raw, wave, concurrency);
        clientSeconds += await timed(viaClient, wave, concurrency);
      } else {
        clientSeconds += await timed(viaClient, wave, concurrency);
        rawSeconds += await timed(raw, wave, concurrency);
      }
    }
    const total = rounds * wave;
    return {
      concurrency,
      requestsPerSide: total,
      rawRps: total / rawSeconds,
      clientRps: total / clientSeconds,
      ratio: rawSeconds / clientSeconds,
    };
  } finally {
    await emulator.close();
  }
}

/** Prints the Rackspace speed measure (`pnpm bench rackspace`). */
export async function reportRackspace(table: (head: string[], rows: string[][]) => string): Promise<void> {
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    "\ngetUser through @dbusers/rackspace vs raw fetch with the same token (same emulator route, same run)\n",
  );
  const rows: string[][] = [];
  for (const concurrency of [1, 8]) {
    const r = await measureRackspaceRps(concurrency);
    rows.push([
      String(concurrency),
      String(r.requestsPerSide),
      r.rawRps.toFixed(0),
      r.clientRps.toFixed(0),
      `${r.ratio.toFixed(2)}x`,
      verdict(r.ratio >= RACKSPACE_RPS_TARGET),
    ]);
  }
  console.log(
    table(
      [
        "in flight",
        "requests a side",
        "raw rps",
        "client rps",
        "ratio",
        `target >= ${RACKSPACE_RPS_TARGET}x`,
      ],
      rows,
    ),
  );
  console.log("\nIts bundle size is in the size section (pnpm bench size), beside the other vendors'.");
}
