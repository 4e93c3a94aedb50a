/**
 * `dbusers-emulator --port 4010 --token t --cluster pg:<uuid> --cluster mysql`
 * Starts the emulator, prints its URL on stdout (and the clusters on stderr), and runs until
 * SIGINT or SIGTERM.
 */
import { parseArgs } from "node:util";
import { ENGINES, type Engine } from "@dbusers/rules/digitalocean";
import { DEFAULT_DIGITALOCEAN_TOKEN } from "./digitalocean/index.js";
import type { ClusterSeed } from "./digitalocean/state.js";
import { EmulatorError } from "./errors.js";
import { type EmulatorOptions, startEmulator } from "./server.js";

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Registers a one-shot signal handler (process.once in the real CLI). */
  readonly onSignal: (signal: "SIGINT" | "SIGTERM", handler: () => void) => unknown;
}

export const USAGE = `Usage: dbusers-emulator [options]

Options:
  --port <n>               TCP port on 127.0.0.1 (default 4010; 0 picks a free one)
  --token <token>          The bearer token DigitalOcean routes accept (default ${DEFAULT_DIGITALOCEAN_TOKEN})
  --cluster <engine[:id]>  Adds a DigitalOcean cluster; repeat for more. Engines: ${ENGINES.join(", ")}.
                           Without :id a random UUID is used.
  --seed <n>               Seed for fault probabilities
  --no-rate-limit          Never answer 429 (the headers are still sent)
  --help                   Show this text
`;

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

/** Reads the command line into emulator options; throws `EmulatorError` on a bad value. */
export function parseCliArgs(argv: readonly string[]): EmulatorOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: "string" },
      token: { type: "string" },
      cluster: { type: "string", multiple: true },
      seed: { type: "string" },
      "no-rate-limit": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const seed = parseInteger("seed", values.seed);
  return {
    port: parseInteger("port", values.port) ?? 4010,
    digitalocean: {
      ...(values.token === undefined ? {} : { token: values.token }),
      clusters: (values.cluster ?? []).map(parseCluster),
    },
    ...(seed === undefined ? {} : { seed }),
    ...(values["no-rate-limit"] ? { rateLimit: false as const } : {}),
  };
}

/** Runs the CLI; resolves with the exit code once the emulator has stopped (or failed to start). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: EmulatorOptions | "help";
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`dbusers-emulator: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  // Handlers go in before the URL is printed: a script may signal as soon as it reads the URL, and
  // until a listener exists a SIGINT kills the process outright.
  const stop = new Promise<void>((resolve) => {
    io.onSignal("SIGINT", resolve);
    io.onSignal("SIGTERM", resolve);
  });
  try {
    const emulator = await startEmulator(options);
    io.stdout.write(`${emulator.url}\n`);
    const token = options.digitalocean?.token ?? DEFAULT_DIGITALOCEAN_TOKEN;
    io.stderr.write(
      `dbusers-emulator: DigitalOcean API on ${emulator.url} (bearer token ${JSON.stringify(token)})\n`,
    );
    for (const cluster of emulator.state.digitalocean.listClusters()) {
      io.stderr.write(`  ${cluster.engine} cluster ${cluster.id}\n`);
    }
    io.stderr.write("Press Ctrl+C to stop.\n");
    await stop;
    await emulator.close();
    return 0;
  } catch (error) {
    io.stderr.write(`dbusers-emulator: ${(error as Error).message}\n`);
    return 1;
  }
}
