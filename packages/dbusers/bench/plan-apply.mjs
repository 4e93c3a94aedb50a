// Plan/apply at scale, against the emulator in this process (build first; `pnpm bench` does).
//
// 1. apply: 1,000 new users over several DigitalOcean clusters sharing one token, with the rate
//    limit set low. Time is scaled: this process's clock runs SCALE times faster (Date.now, which
//    the emulator's limiter and the pacer both read; the pacer's waits are divided by SCALE), so a
//    limit of LIMIT requests a minute plays out in seconds. Reported: accepted requests, 429s,
//    failed operations (target 0), and the achieved rate as a fraction of the limit (target >= 0.9):
//    the fastest any client could finish the same accepted requests under a sliding window of
//    LIMIT per minute, (ceil(n / LIMIT) - 1) minutes, over the measured time.
// 2. plan: 10,000 existing users (all in the file, so every one is compared), time per user,
//    against a baseline measured in the same run: listing the same clusters with the DigitalOcean
//    client alone (the reads plan cannot avoid).
import { randomUUID } from "node:crypto";
import { createDigitalOceanClient } from "@dbusers/digitalocean";
import { startEmulator } from "@dbusers/emulator";
import { applyPlan, createConnections, createPlan, parseDesiredState } from "../dist/plan/index.js";

const SCALE = Number(process.env.DBUSERS_BENCH_SCALE ?? 10);
const LIMIT = Number(process.env.DBUSERS_BENCH_LIMIT ?? 120);
const USERS = Number(process.env.DBUSERS_BENCH_USERS ?? 1000);
const PLAN_USERS = Number(process.env.DBUSERS_BENCH_PLAN_USERS ?? 10_000);
const CLUSTERS = 4;
const ENGINES = ["pg", "mysql", "pg", "mysql"];

const realNow = Date.now;
const realSetTimeout = setTimeout;
const realSleep = (ms) => new Promise((resolve) => realSetTimeout(resolve, ms));

function desiredFile(url, clusters, users) {
  const lines = ["targets:"];
  clusters.forEach((c, i) => {
    lines.push(
      `  c${i}: { vendor: digitalocean, cluster: ${c.id}, engine: ${c.engine}, baseUrl: "${url}", token: { env: BENCH_TOKEN } }`,
    );
  });
  lines.push("users:");
  for (let i = 0; i < users; i++) lines.push(`  - { name: user-${i}, targets: [c${i % clusters.length}] }`);
  return `${lines.join("\n")}\n`;
}

async function benchApply() {
  const token = `dop_v1_${randomUUID().replaceAll("-", "")}`;
  const clusters = ENGINES.slice(0, CLUSTERS).map((engine) => ({ id: randomUUID(), engine }));
  const start = realNow();
  // The scaled clock: every reader of Date.now in this process sees time SCALE times faster.
  Date.now = () => start + (realNow() - start) * SCALE;
  const emulator = await startEmulator({
    rateLimit: { perMinute: LIMIT, perHour: 1_000_000 },
    digitalocean: { token, clusters },
  });
  try {
    const env = { BENCH_TOKEN: token };
    const state = await parseDesiredState(desiredFile(emulator.url, clusters, USERS), { env });
    const connections = createConnections(process.cwd(), {
      env,
      pacing: { now: () => Date.now(), sleep: (ms) => realSleep(ms / SCALE), maxWaits: 1000 },
    });
    const t0 = Date.now();
    const plan = await createPlan(state, connections);
    const result = await applyPlan(plan, connections);
    const elapsedMin = (Date.now() - t0) / 60_000;
    await connections.close();
    // Counted by the pacers (the emulator's request log is bounded): every request sent, and the 429s.
    let sent = 0;
    let limited = 0;
    for (const pacer of connections.pacers.values()) {
      sent += pacer.stats.sent;
      limited += pacer.stats.limited;
    }
    const accepted = sent - limited;
    const failed = result.outcomes.filter((o) => o.status === "failed").length + result.targetErrors.length;
    const ideal = Math.ceil(accepted / LIMIT) - 1;
    const created = clusters.reduce((n, c) => n + emulator.state.digitalocean.listUsers(c.id).length - 1, 0);
    return { accepted, limited, failed, created, elapsedMin, fraction: ideal / elapsedMin };
  } finally {
    await emulator.close();
    Date.now = realNow;
  }
}

async function benchPlan() {
  const token = `dop_v1_${randomUUID().replaceAll("-", "")}`;
  const clusters = ENGINES.slice(0, CLUSTERS).map((engine) => ({ id: randomUUID(), engine }));
  const emulator = await startEmulator({ rateLimit: false, digitalocean: { token, clusters } });
  try {
    for (let i = 0; i < PLAN_USERS; i++)
      emulator.state.digitalocean.addUser(clusters[i % CLUSTERS].id, `user-${i}`);
    const env = { BENCH_TOKEN: token };
    const text = desiredFile(emulator.url, clusters, PLAN_USERS);
    const client = createDigitalOceanClient({ token, baseUrl: emulator.url });
    const rounds = 5;
    const planMs = [];
    const listMs = [];
    for (let round = 0; round < rounds; round++) {
      let t = performance.now();
      await Promise.all(clusters.map((c) => client.listUsers(c.id)));
      listMs.push(performance.now() - t);
      t = performance.now();
      const connections = createConnections(process.cwd(), { env });
      const plan = await createPlan(await parseDesiredState(text, { env }), connections);
      planMs.push(performance.now() - t);
      await connections.close();
      if (plan.summary.create + plan.summary.update !== 0)
        throw new Error("the plan over existing users should be empty");
    }
    const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    return { plan: median(planMs), list: median(listMs) };
  } finally {
    await emulator.close();
  }
}

const apply = await benchApply();
console.log(
  `apply: ${USERS} users over ${CLUSTERS} DigitalOcean clusters, one token, limit ${LIMIT}/min (time x${SCALE})`,
);
console.log(
  `  accepted requests ${apply.accepted}, 429s waited out ${apply.limited}, users created ${apply.created}`,
);
console.log(`  failed operations ${apply.failed} (target 0)`);
console.log(
  `  achieved rate ${apply.fraction.toFixed(3)} of the limit (target >= 0.9), ${apply.elapsedMin.toFixed(2)} scaled minutes`,
);
const plan = await benchPlan();
console.log(`plan: ${PLAN_USERS} existing users over ${CLUSTERS} clusters (median of 5)`);
console.log(
  `  ${((plan.plan / PLAN_USERS) * 1000).toFixed(1)} µs per user (${plan.plan.toFixed(0)} ms), ${(plan.plan / plan.list).toFixed(2)}x the client's own listing of the same users (${plan.list.toFixed(0)} ms)`,
);
const ok = apply.failed === 0 && apply.fraction >= 0.9 && apply.created === USERS;
if (!ok) {
  console.error("plan-apply bench: a target was missed");
  process.exitCode = 1;
}
