/**
 * One emulator per test file, over real loopback HTTP: a cluster of every engine, a fresh token,
 * and a client factory whose retries wait through the transport's `sleep` hook instead of a timer.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { type Emulator, type RecordedRequest, startEmulator } from "@dbusers/emulator";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import {
  createDigitalOceanClient,
  type DatabaseEngine,
  type DigitalOceanClient,
  type DigitalOceanClientOptions,
} from "../../src/index.js";

export const ENGINES = ["pg", "mysql", "mongodb", "kafka", "opensearch", "redis", "valkey"] as const;
/** Engines whose clusters have database users. */
export const USER_ENGINES = ["pg", "mysql", "mongodb", "kafka", "opensearch"] as const;
export type UserEngine = (typeof USER_ENGINES)[number];

export interface Harness {
  readonly emulator: Emulator;
  /** A DigitalOcean-looking token (`dop_v1_` + 64 hex), new for every file. */
  readonly token: string;
  /** Cluster id per engine. */
  readonly clusters: Readonly<Record<DatabaseEngine, string>>;
  /** A client on the emulator; options override the test defaults. */
  client(options?: Partial<DigitalOceanClientOptions>): DigitalOceanClient;
  /** DigitalOcean requests the emulator received since the current test began. */
  sent(): RecordedRequest[];
  /** A user name no other test uses. */
  uniqueName(prefix?: string): string;
}

/** Retries without waiting: the transport's `sleep` hook resolves at once (or rejects on abort). */
export const noWait = (_ms: number, signal: AbortSignal): Promise<void> =>
  signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();

/** Registers the lifecycle hooks of the calling file and returns its harness. */
export function useEmulator(): Harness {
  const token = `dop_v1_${randomBytes(32).toString("hex")}`;
  const clusters = Object.fromEntries(ENGINES.map((engine) => [engine, randomUUID()])) as Record<
    DatabaseEngine,
    string
  >;
  let emulator: Emulator | undefined;
  let counter = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      digitalocean: { token, clusters: ENGINES.map((engine) => ({ id: clusters[engine], engine })) },
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
    if (!emulator) throw new Error("the emulator starts in beforeAll; use the harness inside tests");
    return emulator;
  };

  return {
    get emulator() {
      return running();
    },
    token,
    clusters,
    client: (options = {}) =>
      createDigitalOceanClient({ token, baseUrl: running().url, retry: { sleep: noWait }, ...options }),
    sent: () => running().state.digitalocean.requests,
    uniqueName: (prefix = "user") => `${prefix}-${++counter}-${randomBytes(3).toString("hex")}`,
  };
}

/** Yields to the event loop until `done()`; the emulator answers in the same process. */
export async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 10_000 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error("condition not reached");
}

/** The error a call rejects with; fails the test if it resolves. */
export const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );
