import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DesiredStateError } from "../../src/plan/errors.js";
import { DESIRED_STATE_SCHEMA } from "../../src/plan/file-schema.js";
import { parseDesiredState } from "../../src/plan/load.js";

const published = JSON.parse(
  readFileSync(new URL("../../schema/dbusers.schema.json", import.meta.url), "utf8"),
);
const check = new Ajv({ allErrors: true, strict: false }).compile(published);

const CLUSTER = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30";
const PROJECT = "32b6e34b3d91647abb20e7b8";
const target = `targets:\n  t: { vendor: digitalocean, cluster: ${CLUSTER}, token: { env: T } }\n`;

/** Files whose shape is right or wrong; vendor rules are not the schema's business. */
const CASES: readonly string[] = [
  `${target}users: []\n`,
  `${target}users:\n  - { name: a, targets: [t] }\n`,
  `${target}users:\n  - { name: a, targets: [t], settings: { pg_allow_replication: true }, rotate: true }\n`,
  `${target}users:\n  - { name: a, targets: [t], mysqlAuthPlugin: mysql_native_password }\n`,
  `${target}users:\n  - { name: a, targets: [t], pasword: x }\n`,
  `${target}users:\n  - { name: a }\n`,
  `${target}users:\n  - { name: a, targets: [] }\n`,
  `${target}users:\n  - { name: a, targets: [t], rotate: "yes" }\n`,
  `${target}users:\n  - { name: a, targets: [t], mysqlAuthPlugin: sha256 }\n`,
  `targets:\n  t: { vendor: digitalocean, cluster: not-a-uuid }\nusers: []\n`,
  `targets:\n  t: { vendor: digitalocean, cluster: ${CLUSTER}, token: "dop_v1_inline" }\nusers: []\n`,
  `targets:\n  t: { vendor: digitalocean, cluster: ${CLUSTER}, token: { env: A, file: b } }\nusers: []\n`,
  `targets:\n  t: { vendor: digitalocean, cluster: ${CLUSTER}, project: p }\nusers: []\n`,
  `targets:\n  t: { vendor: oracle, cluster: ${CLUSTER} }\nusers: []\n`,
  `targets:\n  "bad name": { vendor: digitalocean, cluster: ${CLUSTER} }\nusers: []\n`,
  `targets: {}\nusers: []\n`,
  `users: []\n`,
  `${target}users: []\nextra: 1\n`,
  `targets:\n  a: { vendor: atlas, project: ${PROJECT}, publicKey: { env: A }, privateKey: { file: k } }\nusers: []\n`,
  `targets:\n  a: { vendor: atlas, project: ${PROJECT}, baseUrl: "http://127.0.0.1:1" }\nusers:\n  - { name: r, targets: [a], roles: [{ role: read, database: s }], scopes: [{ name: C0, type: CLUSTER }], labels: [{ key: k, value: v }], description: d, authType: SCRAM, authDatabase: admin }\n`,
  `targets:\n  a: { vendor: atlas, project: not-hex }\nusers: []\n`,
  `targets:\n  a: { vendor: atlas, project: ${PROJECT}, privateKey: "inline-secret" }\nusers: []\n`,
  `targets:\n  a: { vendor: atlas, project: ${PROJECT}, instance: i }\nusers: []\n`,
  `targets:\n  a: { vendor: atlas, project: ${PROJECT} }\nusers:\n  - { name: r, targets: [a], roles: [{ role: read }] }\n`,
  `targets:\n  a: { vendor: atlas, project: ${PROJECT} }\nusers:\n  - { name: r, targets: [a], authType: KERBEROS }\n`,
  `targets:\n  r: { vendor: rackspace, instance: i-1, region: DFW, username: { env: U }, apiKey: { env: K } }\nusers:\n  - { name: etl, targets: [r], host: "10.0.0.%", databases: [w] }\n`,
  `targets:\n  r: { vendor: rackspace, instance: i-1, authUrl: "https://k/v3", username: { env: U }, password: { env: P }, projectName: p, userDomainName: Default }\nusers: []\n`,
  `targets:\n  r: { vendor: rackspace, instance: i-1, cloud: prod, cloudsFile: clouds.yaml }\nusers: []\n`,
  `targets:\n  r: { vendor: rackspace, instance: i-1, apiKey: "inline-key" }\nusers: []\n`,
  `targets:\n  r: { vendor: rackspace, region: DFW }\nusers: []\n`,
  `targets:\n  r: { vendor: rackspace, instance: i-1, token: { env: T } }\nusers: []\n`,
  `targets:\n  r: { vendor: rackspace, instance: i-1 }\nusers:\n  - { name: etl, targets: [r], databases: warehouse }\n`,
];

async function loaderAccepts(text: string): Promise<boolean> {
  try {
    await parseDesiredState(text, { env: { T: "token" } });
    return true;
  } catch (error) {
    if (!(error instanceof DesiredStateError)) throw error;
    return !error.issues.some((i) => i.rule.startsWith("dbusers.file."));
  }
}

describe("the published JSON Schema", () => {
  it("is the schema the loader checks with", () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(DESIRED_STATE_SCHEMA)));
  });

  it.each(CASES)("accepts exactly what the loader accepts: %s", async (text) => {
    expect(check(parse(text))).toBe(await loaderAccepts(text));
  });

  it("has cases on both sides", async () => {
    const results = await Promise.all(CASES.map(loaderAccepts));
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => !r).length).toBeGreaterThanOrEqual(10);
  });
});
