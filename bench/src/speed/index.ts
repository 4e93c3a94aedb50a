/**
 * `pnpm bench speed`: `getUser` through each vendor client against raw `fetch` doing the same auth,
 * at 1, 8 and 64 in flight, side by side. Each cell is the median of the rounds' ratios (a fresh
 * emulator every round); the machine's load average is printed with it, since a busy machine
 * widens the spread.
 */
import { loadavg } from "node:os";
import { table } from "../table.js";
import { type CompareResult, compare, type Round } from "./harness.js";
import { atlas, digitalocean, rackspace } from "./vendors.js";

export const SPEED_TARGET_RATIO = 0.9;
export const CONCURRENCIES = [1, 8, 64] as const;

const VENDORS: readonly (readonly [string, () => Promise<Round>])[] = [
  ["DigitalOcean", digitalocean],
  ["Atlas, service account", atlas("service account")],
  ["Atlas, digest", atlas("digest")],
  ["Rackspace", rackspace],
];

export interface SpeedOptions {
  /** Requests per side for each cell. Default 4,000. */
  readonly requests?: number;
  /** Fresh emulators per cell. Default 5. */
  readonly rounds?: number;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

export async function speed(options: SpeedOptions = {}): Promise<void> {
  const requests = options.requests ?? Number(process.env.BENCH_REQUESTS ?? 4000);
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 5);
  const only = process.env.BENCH_VENDOR;
  console.log(
    `\ngetUser through each client vs raw fetch with the same auth: median of ${rounds} rounds (a fresh emulator each), ${requests} requests a side per cell; target >= ${SPEED_TARGET_RATIO}x`,
  );
  console.log(`load average before: ${load()}`);
  const results: [string, CompareResult[]][] = [];
  for (const [vendor, start] of VENDORS) {
    if (only !== undefined && !vendor.toLowerCase().startsWith(only.toLowerCase())) continue;
    const cells: CompareResult[] = [];
    for (const concurrency of CONCURRENCIES) {
      cells.push(await compare(start, { concurrency, requests, rounds, warmup: 200 }));
    }
    results.push([vendor, cells]);
  }
  const side = (result: CompareResult, name: string) => result.sides.find((s) => s.name === name)!;
  const wall = (result: CompareResult, name = "client") => {
    const s = side(result, name);
    return `${s.ratio.toFixed(2)}x (${s.min.toFixed(2)}-${s.max.toFixed(2)})`;
  };
  const cpu = (result: CompareResult, name = "client") => {
    const s = side(result, name);
    return `${s.cpuRatio.toFixed(2)}x (${s.cpuMin.toFixed(2)}-${s.cpuMax.toFixed(2)})`;
  };
  const met = (cells: CompareResult[], pick: (s: CompareResult["sides"][number]) => number) =>
    cells.every((c) => pick(side(c, "client")) >= SPEED_TARGET_RATIO) ? "met" : "MISSED";
  const head = ["vendor", ...CONCURRENCIES.map((c) => `${c} in flight`), "target"];
  console.log("\nrequests per second, client / raw fetch: median (min-max of rounds)\n");
  console.log(
    table(
      head,
      results.map(([vendor, cells]) => [vendor, ...cells.map((c) => wall(c)), met(cells, (s) => s.ratio)]),
    ),
  );
  console.log(
    "\nCPU time per request, raw fetch / client (emulator included on both sides): median (min-max)\n",
  );
  console.log(
    table(
      head,
      results.map(([vendor, cells]) => [vendor, ...cells.map((c) => cpu(c)), met(cells, (s) => s.cpuRatio)]),
    ),
  );
  const doCells = results.find(([vendor]) => vendor === "DigitalOcean")?.[1];
  if (doCells !== undefined) {
    console.log(
      "\nopenapi-fetch alone on the DigitalOcean route (what the library costs before the client adds anything)\n",
    );
    console.log(
      table(
        ["ratio", ...CONCURRENCIES.map((c) => `${c} in flight`)],
        [
          ["requests per second", ...doCells.map((c) => wall(c, "openapi-fetch alone"))],
          ["CPU per request", ...doCells.map((c) => cpu(c, "openapi-fetch alone"))],
        ],
      ),
    );
  }
  console.log("\nraw fetch and client: requests per second, CPU microseconds per request (for scale)\n");
  console.log(
    table(
      ["vendor", ...CONCURRENCIES.map((c) => `${c} in flight`)],
      results.map(([vendor, cells]) => [
        vendor,
        ...cells.map((c) => {
          const [raw, client] = [c.sides[0]!, side(c, "client")];
          return `${raw.rps.toFixed(0)}/${client.rps.toFixed(0)} rps, ${raw.cpuPerRequest.toFixed(0)}/${client.cpuPerRequest.toFixed(0)} µs`;
        }),
      ]),
    ),
  );
  console.log(`\nload average after: ${load()}`);
}
