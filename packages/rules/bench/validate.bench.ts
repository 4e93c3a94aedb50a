/**
 * `pnpm bench`: validating Rackspace user names and create-users requests with @dbusers/rules,
 * against ajv (our JSON Schema of the same rules, compiled), zod (the same rules as a zod chain) and
 * a hand-written single-pass loop (the floor). Absolute times on shared machines are noise: the
 * result is the ratios, all measured in this run with the same tool.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { do_not_optimize } from "mitata";
import { z } from "zod";
import { handWrittenUserName } from "./hand-written.js";
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
const request = {
  users: Array.from({ length: 10 }, (_, i) => ({
    name: `app_user_${i}`,
    password: `Correct-Horse-${i}-Battery`.replace(/-/g, "_"),
    host: i % 2 ? "%" : "10.0.0.%",
    databases: [{ name: `orders_${i}` }, { name: "reports db" }],
  })),
};

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
      ["hand-written loop", cycle(values, handWrittenUserName)],
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
  const floor = timings.find((t) => t.name === "hand-written loop");
  // The floor stops at the first broken rule and builds no violation, so only valid input compares.
  if (floor && input === "typical names")
    console.log(`  → ours is ${(1 / floor.ratio).toFixed(2)}x the hand-written floor (target ≤ 2x)`);
  else if (floor)
    console.log(
      `  → ours is ${(1 / floor.ratio).toFixed(2)}x the hand-written floor, which stops at the first failure and builds no messages (no target)`,
    );
  const ajv = timings.find((t) => t.name === "ajv (allErrors)")!;
  console.log(`  → ours is ${ajv.ratio.toFixed(2)}x as fast as ajv with allErrors (target > 1x)`);
}
