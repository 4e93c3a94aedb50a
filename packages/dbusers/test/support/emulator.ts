/**
 * One emulator per test file over real loopback HTTP, with all three vendors: a DigitalOcean cluster
 * per engine that has users, an Atlas project (API keys and a service account) and a Rackspace
 * instance with two databases (Rackspace Identity API key and Keystone password); and a way to run the CLI: in-process through `main` (fast, for properties) or as the
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

export const BIN = fileURLToPath(new URL("../../dist/bin/dbusers.cjs", import.meta.url));

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

/** The Atlas project and the credentials the emulator accepts for it. */
export interface AtlasWorld {
  readonly group: string;
  readonly publicKey: string;
  readonly privateKey: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The Rackspace account and instance (region ORD, databases `orders` and `sales`). */
export interface RackspaceWorld {
  readonly instance: string;
  readonly username: string;
  readonly apiKey: string;
  readonly password: string;
  readonly tenantId: string;
  readonly region: string;
}

export interface Harness {
  readonly emulator: Emulator;
  /** A DigitalOcean-looking token, new for every file. */
  readonly token: string;
  readonly clusters: Readonly<Record<UserEngine, string>>;
  readonly atlas: AtlasWorld;
  readonly rackspace: RackspaceWorld;
  /** Every vendor's usual credential variables and `DBUSERS_<VENDOR>_URL` for the emulator. */
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
  const hex = (bytes: number) => randomBytes(bytes).toString("hex");
  const atlas: AtlasWorld = {
    group: hex(12),
    publicKey: hex(4),
    privateKey: randomUUID(),
    clientId: `mdb_sa_id_${hex(12)}`,
    clientSecret: `mdb_sa_sk_${hex(20)}`,
  };
  const rackspace: RackspaceWorld = {
    instance: randomUUID(),
    username: "dbadmin",
    apiKey: hex(16),
    password: `pw-${hex(12)}`,
    tenantId: "827364",
    region: "ORD",
  };
  let emulator: Emulator | undefined;
  let counter = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      digitalocean: { token, clusters: USER_ENGINES.map((engine) => ({ id: clusters[engine], engine })) },
      atlas: {
        apiKeys: [{ publicKey: atlas.publicKey, privateKey: atlas.privateKey }],
        serviceAccounts: [{ clientId: atlas.clientId, clientSecret: atlas.clientSecret }],
        groups: [{ id: atlas.group }],
      },
      rackspace: {
        accounts: [
          {
            username: rackspace.username,
            apiKey: rackspace.apiKey,
            password: rackspace.password,
            tenantId: rackspace.tenantId,
            instances: [{ id: rackspace.instance, region: rackspace.region, databases: ["orders", "sales"] }],
          },
        ],
      },
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
  const env = () => ({
    DIGITALOCEAN_TOKEN: token,
    DBUSERS_DIGITALOCEAN_URL: running().url,
    MONGODB_ATLAS_PUBLIC_API_KEY: atlas.publicKey,
    MONGODB_ATLAS_PRIVATE_API_KEY: atlas.privateKey,
    DBUSERS_ATLAS_URL: running().url,
    RS_USERNAME: rackspace.username,
    RS_API_KEY: rackspace.apiKey,
    RS_REGION_NAME: rackspace.region,
    DBUSERS_RACKSPACE_URL: running().url,
  });

  return {
    get emulator() {
      return running();
    },
    token,
    clusters,
    atlas,
    rackspace,
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
