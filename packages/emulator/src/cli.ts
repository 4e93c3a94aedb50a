/**
 * `dbusers-emulator --port 4010 --state state.yaml --cluster pg:<uuid> --https`
 * Starts the emulator, prints its URL on stdout (and what it serves on stderr, never a secret), and
 * runs until SIGINT or SIGTERM. A suite in any language drives it through `/_emulator/…`.
 */
import { parseArgs } from "node:util";
import { ENGINES, type Engine } from "@dbusers/rules/digitalocean";
import { CONTROL_PREFIX } from "./control.js";
import { DEFAULT_DIGITALOCEAN_TOKEN, type DigitalOceanOptions } from "./digitalocean/index.js";
import type { ClusterSeed } from "./digitalocean/state.js";
import { EmulatorError } from "./errors.js";
import { type EmulatorOptions, startEmulator } from "./server.js";
import { readStateFile } from "./state-file.js";

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Registers a one-shot signal handler (process.once in the real CLI). */
  readonly onSignal: (signal: "SIGINT" | "SIGTERM", handler: () => void) => unknown;
}

/** The cluster the CLI starts with when neither `--cluster` nor the state file names one. */
export const DEFAULT_CLUSTER: ClusterSeed = {
  id: "5e1f0c3a-7d2b-4c8e-9a61-0b3d4f5e6a7c",
  engine: "pg",
  name: "default-pg",
};

export const USAGE = `Usage: dbusers-emulator [options]

Options:
  --port <n>               TCP port on 127.0.0.1 (default 4010; 0 picks a free one)
  --state <file>           Start from a state file (JSON, or YAML for any other extension):
                           { "digitalocean": { "token": …, "clusters": [ … ] } }, the shape
                           GET ${CONTROL_PREFIX}/state answers
  --token <token>          The bearer token DigitalOcean routes accept
                           (default: the state file's, else ${DEFAULT_DIGITALOCEAN_TOKEN})
  --cluster <engine[:id]>  Adds a DigitalOcean cluster; repeat for more. Engines: ${ENGINES.join(", ")}.
                           Without :id a random UUID is used. With no cluster at all (here or in
                           the state file), one PostgreSQL cluster ${DEFAULT_CLUSTER.id} is made.
  --https                  Also serve HTTPS on another port, with a CA written to a file (path on stderr)
  --https-port <n>         The HTTPS port (default: a free one)
  --fault-seed <n>         Seed for fault probabilities (replays which requests a fault picks)
  --seed <n>               Deprecated name of --fault-seed
  --no-rate-limit          Never answer 429 (the headers are still sent)
  --help                   Show this text

Control API on the same port: GET ${CONTROL_PREFIX}, GET|PUT ${CONTROL_PREFIX}/state, POST ${CONTROL_PREFIX}/reset,
GET|POST|DELETE ${CONTROL_PREFIX}/faults, DELETE ${CONTROL_PREFIX}/faults/<id>, GET|DELETE ${CONTROL_PREFIX}/requests.
`;

/** What the command line asks for, before the state file is read. */
export interface CliArgs {
  readonly port: number;
  readonly statePath: string | undefined;
  readonly token: string | undefined;
  readonly clusters: readonly ClusterSeed[];
  readonly https: false | { readonly port?: number };
  readonly faultSeed: number | undefined;
  readonly rateLimit: boolean;
  /** Notes for stderr, e.g. a deprecated flag. */
  readonly warnings: readonly string[];
}

function parseCluster(text: string): ClusterSeed {
  const at = text.indexOf(":");
  const engine = (at < 0 ? text : text.slice(0, at)) as Engine;
  const id = at < 0 ? undefined : text.slice(at + 1);
  return id === undefined ? { engine } : { engine, id };
}

function parseInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new EmulatorError("invalid-option", `--${name} must be a whole number, got ${text}`);
  return Number(text);
}

/** Reads the command line; throws `EmulatorError` on a bad value. */
export function parseCliArgs(argv: readonly string[]): CliArgs | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: "string" },
      state: { type: "string" },
      token: { type: "string" },
      cluster: { type: "string", multiple: true },
      https: { type: "boolean" },
      "https-port": { type: "string" },
      "fault-seed": { type: "string" },
      seed: { type: "string" },
      "no-rate-limit": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const warnings: string[] = [];
  const faultSeed = parseInteger("fault-seed", values["fault-seed"]);
  const oldSeed = parseInteger("seed", values.seed);
  if (oldSeed !== undefined) {
    if (faultSeed !== undefined)
      throw new EmulatorError("invalid-option", "give --fault-seed only (--seed is its old name)");
    warnings.push("--seed is deprecated: it seeds fault probabilities, not data; use --fault-seed");
  }
  const httpsPort = parseInteger("https-port", values["https-port"]);
  return {
    port: parseInteger("port", values.port) ?? 4010,
    statePath: values.state,
    token: values.token,
    clusters: (values.cluster ?? []).map(parseCluster),
    https:
      values.https || httpsPort !== undefined ? (httpsPort === undefined ? {} : { port: httpsPort }) : false,
    faultSeed: faultSeed ?? oldSeed,
    rateLimit: !values["no-rate-limit"],
    warnings,
  };
}

/** The emulator options: the state file's sections, then the flags on top, then the default cluster. */
export async function cliOptions(args: CliArgs): Promise<EmulatorOptions> {
  const sections = args.statePath === undefined ? {} : await readStateFile(args.statePath);
  const fromFile: DigitalOceanOptions = sections.digitalocean ?? {};
  const clusters = [...(fromFile.clusters ?? []), ...args.clusters];
  const digitalocean: DigitalOceanOptions = {
    ...fromFile,
    ...(args.token === undefined ? {} : { token: args.token }),
    clusters: clusters.length > 0 ? clusters : [DEFAULT_CLUSTER],
  };
  return {
    ...sections,
    port: args.port,
    digitalocean,
    ...(args.https === false ? {} : { https: args.https }),
    ...(args.faultSeed === undefined ? {} : { faultSeed: args.faultSeed }),
    ...(args.rateLimit ? {} : { rateLimit: false as const }),
  };
}

/** Runs the CLI; resolves with the exit code once the emulator has stopped (or failed to start). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs | "help";
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`dbusers-emulator: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  for (const warning of args.warnings) io.stderr.write(`dbusers-emulator: warning: ${warning}\n`);
  // Handlers go in before the URL is printed: a script may signal as soon as it reads the URL, and
  // until a listener exists a SIGINT kills the process outright.
  const stop = new Promise<void>((resolve) => {
    io.onSignal("SIGINT", resolve);
    io.onSignal("SIGTERM", resolve);
  });
  try {
    const options = await cliOptions(args);
    const emulator = await startEmulator(options);
    io.stdout.write(`${emulator.url}\n`);
    // The token is a secret unless it is the documented default; it is never printed otherwise.
    const token = options.digitalocean?.token ?? DEFAULT_DIGITALOCEAN_TOKEN;
    const shown =
      token === DEFAULT_DIGITALOCEAN_TOKEN ? `bearer token ${token}` : "the bearer token you gave";
    const lines = [`dbusers-emulator: DigitalOcean API on ${emulator.url} (${shown})`];
    if (emulator.httpsUrl)
      lines.push(`  HTTPS on ${emulator.httpsUrl}; trust the CA in ${emulator.caCertPath}`);
    for (const cluster of emulator.state.digitalocean.listClusters()) {
      lines.push(`  ${cluster.engine} cluster ${cluster.id} (${cluster.name})`);
    }
    lines.push(`  control API: ${emulator.url}${CONTROL_PREFIX}`, "Press Ctrl+C to stop.");
    io.stderr.write(`${lines.join("\n")}\n`);
    await stop;
    await emulator.close();
    return 0;
  } catch (error) {
    io.stderr.write(`dbusers-emulator: ${(error as Error).message}\n`);
    return 1;
  }
}
