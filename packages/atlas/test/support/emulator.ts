/**
 * One emulator per test file, over real loopback HTTP: an API key, a service account, a project,
 * and a client factory for either auth scheme whose retries wait through core's `sleep` hook.
 */
import { randomBytes } from "node:crypto";
import { type Emulator, type RecordedRequest, startEmulator } from "@dbusers/emulator";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type AtlasClient, type AtlasClientOptions, createAtlasClient } from "../../src/index.js";

export const AUTH_KINDS = ["digest", "serviceAccount"] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export interface Harness {
  readonly emulator: Emulator;
  readonly groupId: string;
  readonly apiKey: { readonly publicKey: string; readonly privateKey: string };
  readonly account: { readonly clientId: string; readonly clientSecret: string };
  /** A client on the emulator with the given scheme; options override the test defaults. */
  client(kind: AuthKind, options?: Partial<AtlasClientOptions>): AtlasClient;
  /** Atlas requests the emulator received since the current test began. */
  sent(): RecordedRequest[];
  /** A user name no other test uses. */
  uniqueName(prefix?: string): string;
}

/** Retries without waiting: the transport's `sleep` hook resolves at once (or rejects on abort). */
export const noWait = (_ms: number, signal?: AbortSignal): Promise<void> =>
  signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();

export function useEmulator(): Harness {
  const groupId = randomBytes(12).toString("hex");
  const apiKey = { publicKey: randomBytes(4).toString("hex"), privateKey: randomBytes(18).toString("hex") };
  const account = {
    clientId: `mdb_sa_id_${randomBytes(12).toString("hex")}`,
    clientSecret: `mdb_sa_sk_${randomBytes(24).toString("hex")}`,
  };
  let emulator: Emulator | undefined;
  let counter = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      atlas: { apiKeys: [apiKey], serviceAccounts: [account], groups: [{ id: groupId }] },
    });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.faults.clear();
    emulator?.state.clearRequests();
  });

  return {
    get emulator() {
      return emulator!;
    },
    groupId,
    apiKey,
    account,
    client: (kind, options = {}) =>
      createAtlasClient({
        baseUrl: emulator!.url,
        auth: kind === "digest" ? apiKey : account,
        retry: { sleep: noWait },
        ...options,
      }),
    sent: () => emulator!.state.requests.filter((request) => request.vendor === "atlas"),
    // Letters and digits only: a name every auth type and both rule profiles accept.
    uniqueName: (prefix = "user") => `${prefix}${++counter}x${randomBytes(3).toString("hex")}`,
  };
}

/** A SCRAM create body (databaseName and groupId left for the client to fill). */
export const scram = (username: string) => ({
  username,
  password: `pw${randomBytes(8).toString("hex")}`,
  roles: [{ roleName: "readWriteAnyDatabase" as const, databaseName: "admin" }],
});
