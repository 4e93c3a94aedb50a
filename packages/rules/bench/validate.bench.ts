/**
 * `pnpm bench`: validating Rackspace user names and create-users requests with @dbusers/rules,
 * against ajv (our JSON Schema of the same rules, compiled) and zod (the same rules as a zod chain),
 * measured in this run with the same tool. The ratios have no target: a plain loop over each
 * field's rules is what the rules promise, and what matters is the last line, the time to validate
 * a 1,000-user request, next to the ~100 ms of one HTTP round trip to a vendor.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { do_not_optimize } from "mitata";
import { z } from "zod";
import { interleave, type Timing } from "./interleave.js";
import { zodForField } from "./zod-from-rules.js";

// The built package, as users run it: tsx's on-the-fly transform of src changes the timings.
const { rackspace } = (await import(
  new URL("../dist/providers/rackspace/index.js", import.meta.url).href
)) as typeof import("../src/providers/rackspace/index.js");

const strict = { profile: "strict" } as const;
const ctx = rackspace.definition.resolveContext(strict).ctx;
const f = rackspace.definition.fields;

const typical = [
  "app_user",
  "reporting",
  "svc.backup",
  "alice42",
  "etl loader",
  "grafana",
  "ro_user",
  "dbuser1",
];
const worst = [
  "a1b2c3d4e5f6g7h8",
  "ZYXWVUTSRQPONMLK",
  "x_y_z.w.v.u_t@s1",
  "ROOT",
  " bad'name;/x\\yz~",
  "é".repeat(40),
];
const requestOf = (users: number) => ({
  users: Array.from({ length: users }, (_, i) => ({
    name: `app_user_${i}`,
    password: `Correct-Horse-${i}-Battery`.replace(/-/g, "_"),
    host: i % 2 ? "%" : "10.0.0.%",
    databases: [{ name: `orders_${i}` }, { name: "reports db" }],
  })),
});
const request = requestOf(10);
const large = requestOf(1000);

const ajvAll = new Ajv2020({ strict: false, allErrors: true });
const ajvFirst = new Ajv2020({ strict: false });
const ajvUserAll = ajvAll.compile(rackspace.toJSONSchema("userName", strict));
const ajvUserFirst = ajvFirst.compile(rackspace.toJSONSchema("userName", strict));
const ajvRequest = ajvAll.compile(rackspace.toJSONSchema("createUsers", strict));
const zodUser = zodForField(f.userName, ctx);
const zodRequest = z.object({
  users: z.array(
    z.object({
      name: zodUser,
      password: zodForField(f.password, ctx),
      host: zodForField(f.host, ctx).optional(),
      databases: z.array(z.object({ name: zodForField(f.databaseName, ctx) })).optional(),
    }),
  ),
});

function cycle<T>(values: readonly T[], fn: (v: T) => unknown): () => void {
  let i = 0;
  return () => {
    do_not_optimize(fn(values[i++ % values.length]!));
  };
}

const results: { readonly input: string; readonly timings: Timing[] }[] = [];
for (const [input, values] of [
  ["typical names", typical],
  ["worst-case names", worst],
] as const) {
  results.push({
    input,
    timings: interleave([
      ["@dbusers/rules", cycle(values, (v) => rackspace.validateField("userName", v, strict))],
      ["ajv (allErrors)", cycle(values, (v) => ajvUserAll(v))],
      ["ajv (first error)", cycle(values, (v) => ajvUserFirst(v))],
      ["zod", cycle(values, (v) => zodUser.safeParse(v))],
    ]),
  });
}
results.push({
  input: "create-users request (10 users)",
  timings: interleave([
    ["@dbusers/rules", cycle([request], (r) => rackspace.validateRequest("createUsers", r, strict))],
    ["ajv (allErrors)", cycle([request], (r) => ajvRequest(r))],
    ["zod", cycle([request], (r) => zodRequest.safeParse(r))],
  ]),
});
results.push({
  input: "create-users request (1,000 users)",
  timings: interleave(
    [
      ["@dbusers/rules", cycle([large], (r) => rackspace.validateRequest("createUsers", r, strict))],
      ["ajv (allErrors)", cycle([large], (r) => ajvRequest(r))],
      ["zod", cycle([large], (r) => zodRequest.safeParse(r))],
    ],
    { rounds: 11, batchMs: 100, warmupCalls: 50 },
  ),
});

console.log(
  "\nValidation speed — time per operation relative to @dbusers/rules (>1 means slower than ours);\n" +
    "contenders take turns, 21 rounds; median ratio of the rounds (25th–75th percentile)\n",
);
for (const { input, timings } of results) {
  console.log(input);
  for (const t of timings) {
    const spread = `${t.p25.toFixed(2)}–${t.p75.toFixed(2)}`;
    console.log(
      `  ${t.name.padEnd(20)} ${t.ratio.toFixed(2).padStart(6)}x  (${spread}; ${t.ns.toFixed(0)} ns/op)`,
    );
  }
  const ajv = timings.find((t) => t.name === "ajv (allErrors)")!;
  const zod = timings.find((t) => t.name === "zod")!;
  console.log(
    `  → ours takes ${(1 / ajv.ratio).toFixed(2)}x the time of ajv with allErrors and ${(1 / zod.ratio).toFixed(2)}x that of zod (no target)`,
  );
}
// Wall time counts the waits of a busy machine too; CPU time is this process's own work.
const cpuStart = process.cpuUsage();
const calls = 20;
for (let i = 0; i < calls; i++) do_not_optimize(rackspace.validateRequest("createUsers", large, strict));
const cpu = process.cpuUsage(cpuStart);
const thousand = results.at(-1)!.timings[0]!;
console.log(
  `\nValidating a 1,000-user Rackspace create-users request takes ${(thousand.ns / 1e6).toFixed(2)} ms (wall, median) and ${((cpu.user + cpu.system) / calls / 1000).toFixed(2)} ms of CPU with @dbusers/rules; one HTTP round trip to a vendor is ~100 ms`,
);
