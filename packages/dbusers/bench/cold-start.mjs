// Cold start of the CLI as a whole process: `dbusers users list <target> --json` against the
// emulator, beside `node -e 0`, in alternating rounds of the same run. Reports the ratio of the
// medians (target <= 2x). Build first (`pnpm bench` does, through turbo). On a shared, loaded
// machine wall time swings with the neighbours, so each process's own CPU time (user + system) is
// reported beside it, also as a ratio of medians.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROUNDS = Number(process.env.DBUSERS_BENCH_ROUNDS ?? 30);
const TARGET = 2;
const bin = fileURLToPath(new URL("../dist/cli/bin.js", import.meta.url));
const token = `dop_v1_${randomUUID().replaceAll("-", "")}`;
const cluster = randomUUID();

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
  fork(fileURLToPath(new URL("./emulator-process.mjs", import.meta.url)), [token, cluster], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  }),
);
const url = await new Promise((resolve) => server.once("message", resolve));
try {
  const env = { PATH: process.env.PATH, DIGITALOCEAN_TOKEN: token, DBUSERS_DIGITALOCEAN_URL: url };
  const cli = [bin, "users", "list", `digitalocean:${cluster}`, "--json"];
  const baseline = ["-e", "0"];
  // One of each first, so the file system cache is warm for both.
  time(baseline, env);
  time(cli, env);
  const node = [];
  const dbusers = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so a slow spell of the machine lands on both sides.
    const order = round % 2 === 0 ? [baseline, cli] : [cli, baseline];
    for (const args of order) (args === cli ? dbusers : node).push(time(args, env));
  }
  const wall = (side) => median(side.map((t) => t.ms));
  const cpu = (side) => median(side.map((t) => t.cpuMs));
  const ratio = wall(dbusers) / wall(node);
  const cpuRatio = cpu(dbusers) / cpu(node);
  console.log(
    `\nCLI cold start: dbusers users list <target> --json against the emulator, ${ROUNDS} rounds\n`,
  );
  console.log("| process | median wall ms | median CPU ms |\n| --- | --- | --- |");
  console.log(`| node -e 0 | ${wall(node).toFixed(1)} | ${cpu(node).toFixed(1)} |`);
  console.log(`| dbusers users list --json | ${wall(dbusers).toFixed(1)} | ${cpu(dbusers).toFixed(1)} |`);
  console.log(
    `\nwall ratio ${ratio.toFixed(2)}x, target <= ${TARGET}x: ${ratio <= TARGET ? "met" : "MISSED"}`,
  );
  console.log(`CPU ratio ${cpuRatio.toFixed(2)}x`);
} finally {
  server.kill();
}
