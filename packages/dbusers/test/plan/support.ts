/**
 * Plan/apply tests: one emulator per file over real loopback HTTP, a fresh pair of DigitalOcean
 * clusters (PostgreSQL and MySQL) per test, a dbusers.yaml written to a temporary folder, and the
 * CLI run in-process or as the built binary.
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

export const BIN = fileURLToPath(new URL("../../dist/bin/dbusers.js", import.meta.url));

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface World {
  readonly emulator: Emulator;
  readonly token: string;
  /** Clusters of the current test. */
  readonly pg: string;
  readonly mysql: string;
  /** A fresh folder for the current test. */
  readonly dir: string;
  /** `DO_TOKEN` (the file's reference) for the emulator. */
  env(): Record<string, string>;
  /** A dbusers.yaml header with the test's two targets (`app-pg`, `app-my`), then `users`. */
  file(users: string): string;
  write(name: string, text: string): string;
  /** Every password the emulator holds right now (to prove none was printed). */
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
  options: { rateLimit?: false | { perMinute?: number; perHour?: number } } = {},
): World {
  const token = `dop_v1_${randomBytes(32).toString("hex")}`;
  let emulator: Emulator | undefined;
  let pg = "";
  let mysql = "";
  let dir = "";

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimit: options.rateLimit ?? false, digitalocean: { token } });
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
    em.state.clearRequests();
    dir = mkdtempSync(join(tmpdir(), "dbusers-plan-"));
  });

  const running = (): Emulator => {
    if (!emulator) throw new Error("the emulator starts in beforeAll");
    return emulator;
  };
  const env = () => ({ DO_TOKEN: token });

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
    get dir() {
      return dir;
    },
    env,
    file: (users) =>
      [
        "targets:",
        `  app-pg: { vendor: digitalocean, cluster: ${pg}, engine: pg, baseUrl: "${running().url}", token: { env: DO_TOKEN } }`,
        `  app-my: { vendor: digitalocean, cluster: ${mysql}, engine: mysql, baseUrl: "${running().url}", token: { env: DO_TOKEN } }`,
        users,
      ].join("\n"),
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    passwords() {
      const state = running().state.digitalocean;
      return [pg, mysql]
        .flatMap((id) => state.listUsers(id).map((u) => u.password ?? ""))
        .filter((p) => p !== "");
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
