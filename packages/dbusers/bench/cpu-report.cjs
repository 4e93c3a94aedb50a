// Preloaded (`-r`) into both processes of the cold-start bench: writes the process's own CPU time
// (user + system, microseconds) to the file named by DBUSERS_BENCH_CPU_FILE when it exits. The
// same small file loads on both sides, so it adds the same to each.
const { appendFileSync } = require("node:fs");

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.DBUSERS_BENCH_CPU_FILE, `${user + system}\n`);
});
