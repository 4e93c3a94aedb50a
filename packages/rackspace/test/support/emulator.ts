/**
 * One emulator per test file over real loopback HTTP, with a Rackspace account reachable through
 * both identity schemes, and client factories for each: Rackspace Identity v2.0 (API key) and
 * Keystone v3 (password). Retries wait through the transport's `sleep` hook instead of a timer.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { type Emulator, type RackspaceOptions, type RecordedRequest, startEmulator } from "@dbusers/emulator";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { createRackspaceClient, type RackspaceClient, type RackspaceClientOptions } from "../../src/index.js";

export const SCHEMES = ["rackspace-v2", "keystone-v3"] as const;
export type Scheme = (typeof SCHEMES)[number];

export interface Harness {
  readonly emulator: Emulator;
  readonly instanceId: string;
  readonly apiKey: string;
  readonly password: string;
  /** A client on the emulator through `scheme`; options override the test defaults. */
  client(scheme?: Scheme, options?: Partial<RackspaceClientOptions>): RackspaceClient;
  /** Rackspace requests the emulator received since the current test began. */
  sent(): RecordedRequest[];
  /** A user name no other test uses (≤ 16 characters). */
  uniqueName(prefix?: string): string;
}

/** Retries without waiting: the `sleep` hook resolves at once (or rejects on abort). */
export const noWait = (_ms: number, signal: AbortSignal): Promise<void> =>
  signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();

export function useEmulator(options: Omit<RackspaceOptions, "accounts"> = {}): Harness {
  const apiKey = randomBytes(16).toString("hex");
  const password = `pw-${randomBytes(12).toString("hex")}`;
  const instanceId = randomUUID();
  let emulator: Emulator | undefined;
  let counter = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      rackspace: {
        ...options,
        accounts: [
          {
            username: "dbadmin",
            apiKey,
            password,
            tenantId: "827364",
            instances: [{ id: instanceId, region: "ORD", databases: ["orders", "sales"] }],
          },
        ],
      },
    });
  });
  afterAll(async () => emulator?.close());
  beforeEach(() => emulator?.reset());

  const running = (): Emulator => {
    if (!emulator) throw new Error("the emulator starts in beforeAll; use the harness inside tests");
    return emulator;
  };

  return {
    get emulator() {
      return running();
    },
    instanceId,
    apiKey,
    password,
    client(scheme = "rackspace-v2", overrides = {}) {
      const url = running().url;
      const auth =
        scheme === "rackspace-v2"
          ? { username: "dbadmin", apiKey }
          : { authUrl: `${url}/v3`, username: "dbadmin", password, projectName: "827364" };
      return createRackspaceClient({
        auth,
        identityUrl: `${url}/v2.0`,
        region: "ORD",
        retry: { sleep: noWait },
        ...overrides,
      });
    },
    sent: () => running().state.rackspace.requests,
    uniqueName: (prefix = "u") => `${prefix}${++counter}_${randomBytes(3).toString("hex")}`,
  };
}

/** The error a call rejects with; fails the test if it resolves. */
export const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );
