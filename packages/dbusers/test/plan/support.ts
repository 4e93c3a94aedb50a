/**
 * Plan/apply tests: one emulator per file over real loopback HTTP with all three vendors; per test a
 * fresh pair of DigitalOcean clusters (PostgreSQL and MySQL), a fresh Atlas project and a fresh
 * Rackspace instance, each holding one user made by hand; a dbusers.yaml written to a temporary
 * folder, and the CLI run in-process or as the built binary.
 */
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Emulator, startEmulator } from "@dbusers/emulator";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { main } from "../../src/cli/main.js";
import { createConnections } from "../../src/plan/connect.js";
import { parseDesiredState } from "../../src/plan/load.js";

export const BIN = fileURLToPath(new URL("../../dist/bin/dbusers.cjs", import.meta.url));

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Rackspace instances made at start, one handed to each test (Trove's are fixed at start). */
const RACKSPACE_INSTANCES = 40;
export const RACKSPACE_REGION = "ORD";

export interface World {
  readonly emulator: Emulator;
  readonly token: string;
  /** Clusters of the current test. */
  readonly pg: string;
  readonly mysql: string;
  /** The Atlas project of the current test (it holds `legacy-atlas`). */
  readonly group: string;
  /** The Rackspace instance of the current test (it holds `legacy-rs@%`). */
  readonly instance: string;
  /** A fresh folder for the current test. */
  readonly dir: string;
  /** `DO_TOKEN` (the file's reference) for the emulator. */
  env(): Record<string, string>;
  /** A dbusers.yaml header with the test's two targets (`app-pg`, `app-my`), then `users`. */
  file(users: string): string;
  /**
   * The same with the Atlas (`analytics`, by API key, or with `serviceAccount` by OAuth) and
   * Rackspace (`legacy`) targets too.
   */
  fileAll(users: string, options?: { serviceAccount?: boolean }): string;
  write(name: string, text: string): string;
  /** Every password the emulator shows (DigitalOcean, Rackspace) right now (to prove none was printed). */
  passwords(): string[];
  /** The CLI in this process (fast); `confirm` stands for a terminal that answers the question. */
  cli(args: readonly string[], confirm?: (question: string) => Promise<boolean>): Promise<RunResult>;
  /** The built binary as a user runs it. */
  spawn(args: readonly string[]): Promise<RunResult>;
  /** The library's path: parse, connect, plan helpers. */
  load(text: string): ReturnType<typeof parseDesiredState>;
  connections(): ReturnType<typeof createConnections>;
}

export function useWorld(
  options: {
    rateLimit?: false | { perMinute?: number; perHour?: number };
    /** When Rackspace applies accepted writes (default: before its 202 is sent). */
    rackspaceWrites?: "immediate" | { delayMs: number };
  } = {},
): World {
  const token = `dop_v1_${randomBytes(32).toString("hex")}`;
  const hex = (bytes: number) => randomBytes(bytes).toString("hex");
  const atlasKey = { publicKey: hex(4), privateKey: randomUUID() };
  const atlasAccount = { clientId: `mdb_sa_id_${hex(12)}`, clientSecret: `mdb_sa_sk_${hex(20)}` };
  const rackspaceLogin = { username: "dbadmin", apiKey: hex(16) };
  const instances = Array.from({ length: RACKSPACE_INSTANCES }, () => randomUUID());
  let emulator: Emulator | undefined;
  let pg = "";
  let mysql = "";
  let group = "";
  let instance = "";
  let used = 0;
  let dir = "";

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: options.rateLimit ?? false,
      digitalocean: { token },
      atlas: { apiKeys: [atlasKey], serviceAccounts: [atlasAccount] },
      rackspace: {
        writes: options.rackspaceWrites ?? "immediate",
        accounts: [
          {
            ...rackspaceLogin,
            tenantId: "827364",
            instances: instances.map((id) => ({
              id,
              region: RACKSPACE_REGION,
              databases: ["orders", "sales", "warehouse"],
              users: [{ name: "legacy-rs", password: `pw-${hex(8)}`, databases: ["orders"] }],
            })),
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    const em = running();
    em.faults.clear();
    pg = randomUUID();
    mysql = randomUUID();
    em.state.digitalocean.addCluster({ id: pg, engine: "pg", users: ["legacy-job"] });
    em.state.digitalocean.addCluster({ id: mysql, engine: "mysql" });
    group = em.state.atlas.addGroup({ users: ["legacy-atlas"] }).id;
    if (used >= instances.length) throw new Error(`raise RACKSPACE_INSTANCES above ${instances.length}`);
    instance = instances[used++]!;
    em.state.clearRequests();
    dir = mkdtempSync(join(tmpdir(), "dbusers-plan-"));
  });

  const running = (): Emulator => {
    if (!emulator) throw new Error("the emulator starts in beforeAll");
    return emulator;
  };
  const env = () => ({
    DO_TOKEN: token,
    ATLAS_PUBLIC: atlasKey.publicKey,
    ATLAS_PRIVATE: atlasKey.privateKey,
    ATLAS_CLIENT_ID: atlasAccount.clientId,
    ATLAS_CLIENT_SECRET: atlasAccount.clientSecret,
    RS_USER: rackspaceLogin.username,
    RS_KEY: rackspaceLogin.apiKey,
  });
  const header = () => [
    "targets:",
    `  app-pg: { vendor: digitalocean, cluster: ${pg}, engine: pg, baseUrl: "${running().url}", token: { env: DO_TOKEN } }`,
    `  app-my: { vendor: digitalocean, cluster: ${mysql}, engine: mysql, baseUrl: "${running().url}", token: { env: DO_TOKEN } }`,
  ];

  const world: World = {
    get emulator() {
      return running();
    },
    token,
    get pg() {
      return pg;
    },
    get mysql() {
      return mysql;
    },
    get group() {
      return group;
    },
    get instance() {
      return instance;
    },
    get dir() {
      return dir;
    },
    env,
    file: (users) => [...header(), users].join("\n"),
    fileAll: (users, options = {}) =>
      [
        ...header(),
        `  analytics: { vendor: atlas, project: ${group}, baseUrl: "${running().url}", ${
          options.serviceAccount
            ? "clientId: { env: ATLAS_CLIENT_ID }, clientSecret: { env: ATLAS_CLIENT_SECRET }"
            : "publicKey: { env: ATLAS_PUBLIC }, privateKey: { env: ATLAS_PRIVATE }"
        } }`,
        `  legacy: { vendor: rackspace, instance: ${instance}, region: ${RACKSPACE_REGION}, baseUrl: "${running().url}", username: { env: RS_USER }, apiKey: { env: RS_KEY } }`,
        users,
      ].join("\n"),
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    passwords() {
      const state = running().state;
      return [
        ...[pg, mysql].flatMap((id) => state.digitalocean.listUsers(id).map((u) => u.password ?? "")),
        ...state.rackspace.instance(instance).users.map((u) => u.password),
      ].filter((p) => p !== "");
    },
    async cli(args, confirm) {
      let stdout = "";
      let stderr = "";
      const code = await main(args, {
        env: env(),
        cwd: dir,
        writeOut: (t) => {
          stdout += t;
        },
        writeErr: (t) => {
          stderr += t;
        },
        readStdin: async () => "",
        confirm,
      });
      return { code, stdout, stderr };
    },
    spawn: (args) =>
      new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          [BIN, ...args],
          { cwd: dir, env: { PATH: process.env.PATH, ...env() }, encoding: "utf8" },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === "number" ? error.code : undefined;
            if (code === undefined) return reject(error);
            resolve({ code, stdout, stderr });
          },
        );
      }),
    load: (text) => parseDesiredState(text, { file: join(dir, "dbusers.yaml"), env: env() }),
    connections: () => createConnections(dir, { env: env() }),
  };
  return world;
}

/** The users of the tests' usual file: one on both clusters, one per engine with settings. */
export const USERS = `users:
  - name: app-reader
    targets: [app-pg, app-my]
  - name: replicator
    targets: [app-pg]
    settings: { pg_allow_replication: true }
  - name: reporting
    targets: [app-my]
    mysqlAuthPlugin: mysql_native_password
`;

/** Users over all three vendors: the usual ones, an Atlas user with roles and a Rackspace user with a host. */
export const USERS_ALL = `${USERS}  - name: reporting
    targets: [analytics]
    roles: [{ role: read, database: sales }]
    labels: [{ key: team, value: bi }]
  - name: etl
    targets: [legacy]
    host: "10.0.0.%"
    databases: [warehouse]
  - name: app-reader
    targets: [legacy]
`;
