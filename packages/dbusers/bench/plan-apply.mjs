// Plan/apply at scale over DigitalOcean, Atlas and Rackspace, against the emulator in this process
// (build first; `pnpm bench` does).
//
// 1. apply: 1,000 new users spread over the three vendors (DigitalOcean clusters under one token,
//    Atlas projects under one service account, Rackspace instances under one account), every
//    vendor's rate limit set to LIMIT requests a minute. Time is scaled: this process's clock runs
//    SCALE times faster (Date.now, which the emulator's limiters and the pacers both read; the
//    pacers' waits are divided by SCALE), so minutes of rate limiting play out in seconds. Each
//    limiter counts on its own (DigitalOcean per token, Atlas per account, Rackspace per account and
//    per kind: reads and user writes), so the apply can go no faster than its busiest limiter
//    allows: under a sliding window of LIMIT a minute, n accepted requests need at least
//    ceil(n / LIMIT) - 1 minutes. Reported: accepted requests and the 429/413 answers waited out
//    per limiter, failed operations (target 0), and that least time over the measured time, the
//    achieved rate as a fraction of the limit (target >= 0.9).
// 2. plan: 10,000 existing users (all in the file, so every one is compared) over the three
//    vendors, time per user, against a baseline measured in the same run: listing the same
//    targets with the vendors' own clients (the reads plan cannot avoid).
import { randomBytes, randomUUID } from "node:crypto";
import { createAtlasClient } from "@dbusers/atlas";
import { createDigitalOceanClient } from "@dbusers/digitalocean";
import { startEmulator } from "@dbusers/emulator";
import { createRackspaceClient } from "@dbusers/rackspace";
import { applyPlan, createConnections, createPlan, parseDesiredState } from "../dist/plan/index.js";

// x5, not more: the emulator and dbusers share this one thread, so every 100 ms the machine is busy
// elsewhere costs SCALE/10 scaled seconds; at x10 on two shared cores that alone was about 5%.
const SCALE = Number(process.env.DBUSERS_BENCH_SCALE ?? 5);
const LIMIT = Number(process.env.DBUSERS_BENCH_LIMIT ?? 60);
const USERS = Number(process.env.DBUSERS_BENCH_USERS ?? 1000);
const PLAN_USERS = Number(process.env.DBUSERS_BENCH_PLAN_USERS ?? 10_000);
const REGION = "DFW";

const realNow = Date.now;
const realSetTimeout = setTimeout;
const realSleep = (ms) => new Promise((resolve) => realSetTimeout(resolve, ms));
const hex = (n) => randomBytes(n).toString("hex");

/** Credentials and `count` targets per vendor, and the emulator options that hold them. */
function world(counts, usersOf = () => []) {
  const login = {
    token: `dop_v1_${hex(32)}`,
    clientId: `mdb_sa_id_${hex(12)}`,
    clientSecret: `mdb_sa_sk_${hex(20)}`,
    username: "bench",
    apiKey: hex(16),
  };
  const targets = [
    ...Array.from({ length: counts.digitalocean }, (_, i) => ({
      vendor: "digitalocean",
      id: randomUUID(),
      engine: i % 2 ? "mysql" : "pg",
    })),
    ...Array.from({ length: counts.atlas }, () => ({ vendor: "atlas", id: hex(12) })),
    ...Array.from({ length: counts.rackspace }, () => ({ vendor: "rackspace", id: randomUUID() })),
  ];
  const of = (vendor) => targets.filter((t) => t.vendor === vendor);
  const options = {
    digitalocean: {
      token: login.token,
      clusters: of("digitalocean").map(({ id, engine }) => ({ id, engine })),
    },
    atlas: {
      serviceAccounts: [{ clientId: login.clientId, clientSecret: login.clientSecret }],
      groups: of("atlas").map((t) => ({
        id: t.id,
        maxUsers: 100,
        users: usersOf(t).map((username) => ({
          username,
          roles: [{ roleName: "read", databaseName: "app" }],
        })),
      })),
    },
    rackspace: {
      accounts: [
        {
          username: login.username,
          apiKey: login.apiKey,
          tenantId: "100200",
          instances: of("rackspace").map((t) => ({
            id: t.id,
            region: REGION,
            users: usersOf(t).map((name) => ({ name, password: `pw-${hex(6)}` })),
          })),
        },
      ],
    },
  };
  const env = {
    B_TOKEN: login.token,
    B_CLIENT_ID: login.clientId,
    B_CLIENT_SECRET: login.clientSecret,
    B_RS_USER: login.username,
    B_RS_KEY: login.apiKey,
  };
  return { login, targets, options, env };
}

function desiredFile(url, targets, names) {
  const lines = ["targets:"];
  targets.forEach((t, i) => {
    const head = `  t${i}: { vendor: ${t.vendor}, baseUrl: "${url}"`;
    if (t.vendor === "digitalocean")
      lines.push(`${head}, cluster: ${t.id}, engine: ${t.engine}, token: { env: B_TOKEN } }`);
    if (t.vendor === "atlas")
      lines.push(
        `${head}, project: ${t.id}, clientId: { env: B_CLIENT_ID }, clientSecret: { env: B_CLIENT_SECRET } }`,
      );
    if (t.vendor === "rackspace")
      lines.push(
        `${head}, instance: ${t.id}, region: ${REGION}, username: { env: B_RS_USER }, apiKey: { env: B_RS_KEY } }`,
      );
  });
  lines.push("users:");
  targets.forEach((t, i) => {
    const roles = t.vendor === "atlas" ? ", roles: [{ role: read, database: app }]" : "";
    for (const name of names(t)) lines.push(`  - { name: ${name}, targets: [t${i}]${roles} }`);
  });
  return `${lines.join("\n")}\n`;
}

/** A name valid on every vendor (Rackspace allows 16 characters), unique across targets. */
const userName = (target, i) => `u${target.id.slice(0, 8)}-${i}`;

/** The rate limiter a recorded request counts against (requests a vendor never limits: none). */
function limiterOf(request) {
  if (request.operationId === undefined || request.status === undefined) return undefined;
  if (request.vendor === "rackspace")
    return request.method === "GET" ? "rackspace reads" : "rackspace user writes";
  return request.vendor;
}

/** 1,000 users over 4 DigitalOcean clusters, 4 Atlas projects (at most 100 users each) and 2 Rackspace instances. */
async function benchApply() {
  const w = world({ digitalocean: 4, atlas: 4, rackspace: 2 });
  const share = { digitalocean: 0.34, atlas: 0.33, rackspace: 0.33 };
  const perTarget = new Map(
    w.targets.map((t) => [
      t,
      Math.round((USERS * share[t.vendor]) / w.targets.filter((x) => x.vendor === t.vendor).length),
    ]),
  );
  const last = w.targets.at(-1);
  perTarget.set(last, USERS - [...perTarget.values()].reduce((a, b) => a + b, 0) + perTarget.get(last));
  const names = (t) => Array.from({ length: perTarget.get(t) }, (_, i) => userName(t, i));
  const start = realNow();
  // The scaled clock: every reader of Date.now in this process sees time SCALE times faster.
  Date.now = () => start + (realNow() - start) * SCALE;
  const emulator = await startEmulator({
    rateLimit: { perMinute: LIMIT, perHour: 1_000_000 },
    requestLog: { maxEntries: 100_000, maxBodyBytes: 1 },
    ...w.options,
  });
  try {
    const state = await parseDesiredState(desiredFile(emulator.url, w.targets, names), { env: w.env });
    const connections = createConnections(process.cwd(), {
      env: w.env,
      pacing: { now: () => Date.now(), sleep: (ms) => realSleep(ms / SCALE), maxWaits: 1000 },
    });
    emulator.state.clearRequests();
    const t0 = Date.now();
    const plan = await createPlan(state, connections);
    const result = await applyPlan(plan, connections);
    const elapsedMin = (Date.now() - t0) / 60_000;
    await connections.close();
    const limiters = new Map();
    for (const r of emulator.state.requests) {
      const key = limiterOf(r);
      if (key === undefined) continue;
      const entry = limiters.get(key) ?? { accepted: 0, limited: 0 };
      if (r.status === 429 || r.status === 413) entry.limited++;
      else entry.accepted++;
      limiters.set(key, entry);
    }
    const failed = result.outcomes.filter((o) => o.status === "failed").length + result.targetErrors.length;
    const created =
      w.targets
        .filter((t) => t.vendor === "digitalocean")
        .reduce((n, t) => n + emulator.state.digitalocean.listUsers(t.id).length - 1, 0) +
      w.targets
        .filter((t) => t.vendor === "atlas")
        .reduce((n, t) => n + emulator.state.atlas.users(t.id).length, 0) +
      w.targets
        .filter((t) => t.vendor === "rackspace")
        .reduce((n, t) => n + emulator.state.rackspace.instance(t.id).users.length, 0);
    const least = Math.max(...[...limiters.values()].map((l) => Math.ceil(l.accepted / LIMIT) - 1));
    return { limiters, failed, created, elapsedMin, fraction: least / elapsedMin };
  } finally {
    await emulator.close();
    Date.now = realNow;
  }
}

/** 10,000 users: 4,000 on 4 DigitalOcean clusters, 3,000 on 30 Atlas projects (100 each), 3,000 on 3 Rackspace instances. */
async function benchPlan() {
  const counts = { digitalocean: 4, atlas: 30, rackspace: 3 };
  const share = { digitalocean: 0.4, atlas: 0.3, rackspace: 0.3 };
  const names = (t) =>
    Array.from({ length: Math.round((PLAN_USERS * share[t.vendor]) / counts[t.vendor]) }, (_, i) =>
      userName(t, i),
    );
  const w = world(counts, names);
  const emulator = await startEmulator({ rateLimit: false, ...w.options });
  try {
    for (const t of w.targets.filter((x) => x.vendor === "digitalocean"))
      for (const name of names(t)) emulator.state.digitalocean.addUser(t.id, name);
    const total = w.targets.reduce((n, t) => n + names(t).length, 0);
    const text = desiredFile(emulator.url, w.targets, names);
    const digitalocean = createDigitalOceanClient({ token: w.login.token, baseUrl: emulator.url });
    const atlas = createAtlasClient({
      auth: { clientId: w.login.clientId, clientSecret: w.login.clientSecret },
      baseUrl: emulator.url,
    });
    const rackspace = createRackspaceClient({
      auth: { username: w.login.username, apiKey: w.login.apiKey },
      identityUrl: `${emulator.url}/v2.0`,
      region: REGION,
    });
    const clients = { digitalocean, atlas, rackspace };
    const rounds = 5;
    const planMs = [];
    const listMs = [];
    for (let round = 0; round < rounds; round++) {
      let t = performance.now();
      await Promise.all(w.targets.map((x) => clients[x.vendor].listUsers(x.id)));
      listMs.push(performance.now() - t);
      t = performance.now();
      const connections = createConnections(process.cwd(), { env: w.env });
      const plan = await createPlan(await parseDesiredState(text, { env: w.env }), connections);
      planMs.push(performance.now() - t);
      await connections.close();
      if (plan.summary.create + plan.summary.update + plan.summary.failedTargets !== 0)
        throw new Error(
          `the plan over existing users should be empty: ${JSON.stringify(plan.summary)} ${plan.targets.find((t) => t.error)?.error ?? ""}`,
        );
    }
    await atlas.close?.();
    const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    return { total, targets: w.targets.length, plan: median(planMs), list: median(listMs) };
  } finally {
    await emulator.close();
  }
}

const apply = await benchApply();
console.log(
  `apply: ${USERS} users over 4 DigitalOcean clusters, 4 Atlas projects, 2 Rackspace instances; every limit ${LIMIT}/min (time x${SCALE})`,
);
for (const [name, l] of apply.limiters) {
  console.log(`  ${name}: ${l.accepted} accepted, ${l.limited} rate-limited answers waited out`);
}
console.log(`  users created ${apply.created}, failed operations ${apply.failed} (target 0)`);
console.log(
  `  achieved rate ${apply.fraction.toFixed(3)} of the busiest limit (target >= 0.9), ${apply.elapsedMin.toFixed(2)} scaled minutes`,
);
const plan = await benchPlan();
console.log(`plan: ${plan.total} existing users over ${plan.targets} targets of three vendors (median of 5)`);
console.log(
  `  ${((plan.plan / plan.total) * 1000).toFixed(1)} µs per user (${plan.plan.toFixed(0)} ms), ${(plan.plan / plan.list).toFixed(2)}x the vendors' clients listing the same users (${plan.list.toFixed(0)} ms)`,
);
const ok = apply.failed === 0 && apply.fraction >= 0.9 && apply.created === USERS;
if (!ok) {
  console.error("plan-apply bench: a target was missed");
  process.exitCode = 1;
}
