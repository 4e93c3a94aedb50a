// Cold start of the CLI as a whole process: `dbusers users list <target> --json` against the
// emulator, for a target of each vendor, beside `node -e 0`, in alternating rounds of the same run.
// Reports the ratio of the medians per vendor (target <= 2x). Build first (`pnpm bench` does, through turbo). On a shared, loaded
// machine wall time swings with the neighbours, so each process's own CPU time (user + system) is
// reported beside it, also as a ratio of medians.
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROUNDS = Number(process.env.DBUSERS_BENCH_ROUNDS ?? 30);
const TARGET = 2;
const bin = fileURLToPath(new URL("../dist/bin/dbusers.cjs", import.meta.url));
const world = {
  token: `dop_v1_${randomUUID().replaceAll("-", "")}`,
  cluster: randomUUID(),
  publicKey: randomBytes(4).toString("hex"),
  privateKey: randomUUID(),
  group: randomBytes(12).toString("hex"),
  rsUser: "bench",
  rsKey: randomBytes(16).toString("hex"),
  instance: randomUUID(),
};

const cpuFile = join(mkdtempSync(join(tmpdir(), "dbusers-bench-")), "cpu");
const preload = fileURLToPath(new URL("./cpu-report.cjs", import.meta.url));

/** Wall-clock ms of one whole process, and the CPU ms it reported for itself. */
function time(args, env) {
  writeFileSync(cpuFile, "");
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["-r", preload, ...args], {
    env: { ...env, DBUSERS_BENCH_CPU_FILE: cpuFile },
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return { ms, cpuMs: Number(readFileSync(cpuFile, "utf8").trim()) / 1000 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// The emulator runs in a child process, so its work does not share this process's event loop
// with the timing (spawnSync blocks it).
const server = await import("node:child_process").then(({ fork }) =>
  fork(fileURLToPath(new URL("./emulator-process.mjs", import.meta.url)), [JSON.stringify(world)], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  }),
);
const url = await new Promise((resolve) => server.once("message", resolve));
try {
  // Each vendor's own credential variables, as a user's shell would hold them.
  const env = {
    PATH: process.env.PATH,
    DIGITALOCEAN_TOKEN: world.token,
    DBUSERS_DIGITALOCEAN_URL: url,
    MONGODB_ATLAS_PUBLIC_API_KEY: world.publicKey,
    MONGODB_ATLAS_PRIVATE_API_KEY: world.privateKey,
    DBUSERS_ATLAS_URL: url,
    RS_USERNAME: world.rsUser,
    RS_API_KEY: world.rsKey,
    DBUSERS_RACKSPACE_URL: url,
  };
  const targets = {
    digitalocean: `digitalocean:${world.cluster}`,
    atlas: `atlas:${world.group}`,
    rackspace: `rackspace:${world.instance}`,
  };
  const only = process.env.DBUSERS_BENCH_VENDORS?.split(",");
  const vendors = Object.keys(targets).filter((v) => only === undefined || only.includes(v));
  const baseline = ["-e", "0"];
  // The floor for one command: the same GET with node:http and nothing else (no CLI, no client).
  const floor = [
    "-e",
    `require("node:http").get(process.env.DBUSERS_DIGITALOCEAN_URL + "/v2/databases/${world.cluster}/users", { headers: { authorization: "Bearer " + process.env.DIGITALOCEAN_TOKEN } }, (r) => r.pipe(process.stdout))`,
  ];
  const clis = Object.fromEntries(vendors.map((v) => [v, [bin, "users", "list", targets[v], "--json"]]));
  // One of each first, so the file system cache is warm for all.
  time(baseline, env);
  time(floor, env);
  for (const v of vendors) time(clis[v], env);
  const node = [];
  const bare = [];
  const runs = Object.fromEntries(vendors.map((v) => [v, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate which goes first, so a slow spell of the machine lands on every side.
    const order = [["node", baseline], ["bare", floor], ...vendors.map((v) => [v, clis[v]])];
    const shift = round % order.length;
    for (const [side, args] of [...order.slice(shift), ...order.slice(0, shift)]) {
      (side === "node" ? node : side === "bare" ? bare : runs[side]).push(time(args, env));
    }
  }
  const wall = (side) => median(side.map((t) => t.ms));
  const cpu = (side) => median(side.map((t) => t.cpuMs));
  console.log(
    `\nCLI cold start: dbusers users list <target> --json against the emulator, ${ROUNDS} rounds\n`,
  );
  console.log(
    "| process | median wall ms | median CPU ms | wall ratio | CPU ratio |\n| --- | --- | --- | --- | --- |",
  );
  console.log(`| node -e 0 | ${wall(node).toFixed(1)} | ${cpu(node).toFixed(1)} | 1.00x | 1.00x |`);
  console.log(
    `| one GET with node:http only (the floor) | ${wall(bare).toFixed(1)} | ${cpu(bare).toFixed(1)} | ${(wall(bare) / wall(node)).toFixed(2)}x | ${(cpu(bare) / cpu(node)).toFixed(2)}x |`,
  );
  const missed = [];
  for (const v of vendors) {
    const ratio = wall(runs[v]) / wall(node);
    const cpuRatio = cpu(runs[v]) / cpu(node);
    if (ratio > TARGET) missed.push(v);
    console.log(
      `| dbusers users list ${v}:… --json | ${wall(runs[v]).toFixed(1)} | ${cpu(runs[v]).toFixed(1)} | ${ratio.toFixed(2)}x | ${cpuRatio.toFixed(2)}x |`,
    );
  }
  console.log(
    `\nwall ratio target <= ${TARGET}x: ${missed.length === 0 ? "met" : `MISSED (${missed.join(", ")})`}`,
  );
} finally {
  server.kill();
}
