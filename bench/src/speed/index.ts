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
  const cell = (result: CompareResult, name: string) => {
    const side = result.sides.find((s) => s.name === name)!;
    return `${side.ratio.toFixed(2)}x (${side.min.toFixed(2)}-${side.max.toFixed(2)})`;
  };
  const rows = results.map(([vendor, cells]) => [
    vendor,
    ...cells.map((c) => cell(c, "client")),
    cells.every((c) => c.sides.find((s) => s.name === "client")!.ratio >= SPEED_TARGET_RATIO) ? "met" : "MISSED",
  ]);
  console.log(`\nclient / raw fetch, median (min-max of rounds)\n`);
  console.log(table(["vendor", ...CONCURRENCIES.map((c) => `${c} in flight`), "target"], rows));
  const doCells = results.find(([vendor]) => vendor === "DigitalOcean")?.[1];
  if (doCells !== undefined) {
    console.log("\nopenapi-fetch alone on the DigitalOcean route (what the library costs before the client adds anything)\n");
    console.log(table(["", ...CONCURRENCIES.map((c) => `${c} in flight`)], [["openapi-fetch alone", ...doCells.map((c) => cell(c, "openapi-fetch alone"))]]));
  }
  console.log("\nraw fetch requests per second (for scale)\n");
  console.log(
    table(
      ["vendor", ...CONCURRENCIES.map((c) => `${c} in flight`)],
      results.map(([vendor, cells]) => [vendor, ...cells.map((c) => c.sides[0]!.rps.toFixed(0))]),
    ),
  );
  console.log(`\nload average after: ${load()}`);
}
