/**
 * One emulator per test file over real loopback HTTP, with a DigitalOcean cluster per engine that
 * has users, and a way to run the CLI: in-process through `main` (fast, for properties) or as the
 * built binary in a child process, exactly as a user runs it.
 */
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { type Emulator, startEmulator } from "@dbusers/emulator";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { main } from "../../src/cli/main.js";

export const USER_ENGINES = ["pg", "mysql", "mongodb", "kafka", "opensearch"] as const;
export type UserEngine = (typeof USER_ENGINES)[number];

export const BIN = fileURLToPath(new URL("../../dist/cli/bin.js", import.meta.url));

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
}

export interface Harness {
  readonly emulator: Emulator;
  /** A DigitalOcean-looking token, new for every file. */
  readonly token: string;
  readonly clusters: Readonly<Record<UserEngine, string>>;
  /** `DIGITALOCEAN_TOKEN` and `DBUSERS_DIGITALOCEAN_URL` for the emulator. */
  env(): Record<string, string>;
  /** A user name no other test uses (valid on every engine). */
  uniqueName(prefix?: string): string;
  /** The CLI in this process, with its own stdout/stderr. */
  cli(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** The built binary in a child process. */
  spawn(args: readonly string[], options?: RunOptions): Promise<RunResult>;
}

export function useEmulator(): Harness {
  const token = `dop_v1_${randomBytes(32).toString("hex")}`;
  const clusters = Object.fromEntries(USER_ENGINES.map((engine) => [engine, randomUUID()])) as Record<
    UserEngine,
    string
  >;
  let emulator: Emulator | undefined;
  let counter = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      digitalocean: { token, clusters: USER_ENGINES.map((engine) => ({ id: clusters[engine], engine })) },
    });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.faults.clear();
    emulator?.state.clearRequests();
  });

  const running = (): Emulator => {
    if (!emulator) throw new Error("the emulator starts in beforeAll");
    return emulator;
  };
  const env = () => ({ DIGITALOCEAN_TOKEN: token, DBUSERS_DIGITALOCEAN_URL: running().url });

  return {
    get emulator() {
      return running();
    },
    token,
    clusters,
    env,
    uniqueName: (prefix = "user") => `${prefix}-${++counter}-${randomBytes(3).toString("hex")}`,
    async cli(args, options = {}) {
      let stdout = "";
      let stderr = "";
      const code = await main(args, {
        env: { ...env(), ...options.env },
        cwd: options.cwd ?? process.cwd(),
        writeOut: (text) => {
          stdout += text;
        },
        writeErr: (text) => {
          stderr += text;
        },
        readStdin: async () => options.stdin ?? "",
        confirm: undefined,
      });
      return { code, stdout, stderr };
    },
    spawn: (args, options = {}) => spawnCli(args, { ...options, env: { ...env(), ...options.env } }),
  };
}

/** Runs the built binary with only the given environment (plus PATH), as a user's shell would. */
export function spawnCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? process.cwd(),
        env: { PATH: process.env.PATH, ...options.env },
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : undefined;
        if (code === undefined) return reject(error);
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? "");
  });
}
