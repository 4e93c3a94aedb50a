/**
 * One emulator per test file with two Rackspace accounts, and a raw HTTP helper that authenticates
 * through Rackspace Identity v2.0 and talks to the catalog's `rax:database` endpoint.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Emulator, type RackspaceOptions, startEmulator } from "../../src/index.js";

export const ACCOUNT = {
  username: "alice",
  apiKey: "alice-api-key",
  password: "alice-password",
  tenantId: "1001",
};
export const INSTANCE = "2b8b4c3e-9d1f-4a6b-8c2d-3e4f5a6b7c8d";
export const OTHER_INSTANCE = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910";

export interface RawReply {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely.
  readonly body: any;
}

export interface RackspaceHarness {
  readonly emulator: Emulator;
  /** A fresh token for ACCOUNT and its database endpoint. */
  login(): Promise<{ token: string; endpoint: string }>;
  /** A request to the account's Trove endpoint with a fresh token; `path` starts with `/instances`. */
  trove(method: string, path: string, body?: unknown, token?: string): Promise<RawReply>;
  /** A request to the emulator's own origin. */
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawReply>;
}

export function userSegment(name: string, host = "%"): string {
  return encodeURIComponent(`${name}@${host}`.replace(/%/g, "%25").replace(/\./g, "%2E"));
}

async function send(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<RawReply> {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}

export function useRackspace(options: RackspaceOptions = {}): RackspaceHarness {
  let emulator: Emulator | undefined;
  let session: { token: string; endpoint: string } | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      rackspace: {
        accounts: [
          {
            ...ACCOUNT,
            applicationCredentials: [{ id: "app-cred-1", secret: "app-cred-secret" }],
            instances: [
              { id: INSTANCE, name: "orders", region: "ORD", databases: ["orders"] },
              { id: OTHER_INSTANCE, name: "reports", region: "IAD" },
            ],
          },
          { username: "bob", password: "bob-password", tenantId: "2002" },
        ],
        ...options,
      },
    });
  });
  afterAll(async () => emulator?.close());
  beforeEach(() => {
    emulator!.reset();
    session = undefined;
  });
  const running = () => emulator!;
  const raw = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    send(`${running().url}${path}`, method, body, headers);
  const login = async () => {
    const res = await raw("POST", "/v2.0/tokens", {
      auth: { "RAX-KSKEY:apiKeyCredentials": { username: ACCOUNT.username, apiKey: ACCOUNT.apiKey } },
    });
    const catalog = res.body.access.serviceCatalog as { type: string; endpoints: { publicURL: string }[] }[];
    return {
      token: res.body.access.token.id,
      endpoint: catalog.find((s) => s.type === "rax:database")!.endpoints[0]!.publicURL,
    };
  };
  return {
    get emulator() {
      return running();
    },
    login,
    raw,
    async trove(method, path, body, token) {
      session ??= await login();
      return send(`${session.endpoint}${path}`, method, body, { "x-auth-token": token ?? session.token });
    },
  };
}
