/**
 * Test helpers for the Atlas routes: an emulator per test, a small HTTP Digest and bearer client
 * written from RFC 7616 (the emulator must not import @dbusers/atlas), and a check of every answer
 * against specs/atlas/openapi.yaml (status, headers, body).
 */
import { createHash, randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect } from "vitest";
import { spec } from "../../src/generated/atlas-spec.js";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../src/index.js";
import { type OpenApiDocument, SpecValidator } from "../../src/spec-validator.js";
import { ResponseChecker } from "../helpers/response-checker.js";

export const GROUP = "5f0c3a9b2d1e4f6a7b8c9d0e";
export const API_KEY = { publicKey: "pubkey1", privateKey: "0f0e0d0c-private" } as const;
export const ACCOUNT = { clientId: "mdb_sa_id_test", clientSecret: "mdb_sa_sk_test" } as const;
export const VERSION = "application/vnd.atlas.2023-01-01+json";
export const USERS = `/api/atlas/v2/groups/${GROUP}/databaseUsers`;

/** A copy of the spec whose objects allow no undocumented property, so extra fields count as drift. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = closeObjects(value);
  if (out.type === "object" && "properties" in out && !("additionalProperties" in out)) {
    out.additionalProperties = false;
  }
  return out;
}

const closed = closeObjects(spec) as {
  components: { schemas: { ApiError: { properties: Record<string, unknown> } } };
};
// Real error bodies carry strings and numbers in `parameters`; the spec types them as objects
// (docs/vendors/atlas.md §4), so the check accepts any item there.
closed.components.schemas.ApiError.properties.parameters = { type: "array" };
export const checker = new ResponseChecker(
  new SpecValidator(closed as unknown as OpenApiDocument, "urn:test:atlas-closed"),
  "#/components/schemas/ApiError",
);

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields; the checker vouches for their shape.
  readonly body: any;
}

export type Auth =
  | { readonly digest: { readonly publicKey: string; readonly privateKey: string } }
  | { readonly bearer: string }
  | { readonly header: string }
  | null;

export interface RequestOptions {
  readonly auth?: Auth;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Skip the spec check (for answers that are meant to be off-spec, such as 406). */
  readonly unchecked?: boolean;
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** The Authorization header answering a challenge, per RFC 7616 with MD5 and qop=auth. */
export function digestHeader(
  challenge: string,
  method: string,
  uri: string,
  key: { publicKey: string; privateKey: string },
): string {
  const param = (name: string) => new RegExp(`${name}="?([^",]*)"?`).exec(challenge)?.[1] ?? "";
  const realm = param("realm");
  const nonce = param("nonce");
  const cnonce = randomBytes(8).toString("hex");
  const ha1 = md5(`${key.publicKey}:${realm}:${key.privateKey}`);
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${key.publicKey}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm="MD5", qop=auth, nc=00000001, cnonce="${cnonce}"`;
}

export interface AtlasHarness {
  readonly emulator: Emulator;
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  token(): Promise<string>;
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Starts an emulator with one key, one service account and one project before each test. */
export function useAtlas(options: EmulatorOptions = {}): AtlasHarness {
  let emulator: Emulator | undefined;
  beforeEach(async () => {
    emulator = await startEmulator({
      atlas: { apiKeys: [API_KEY], serviceAccounts: [ACCOUNT], groups: [{ id: GROUP }] },
      ...options,
    });
  });
  afterEach(async () => {
    await emulator?.close();
  });
  const send = (method: string, path: string, options: RequestOptions, authorization?: string) =>
    fetch(`${emulator!.url}${path}`, {
      method,
      headers: {
        accept: VERSION,
        ...(options.body === undefined ? {} : { "content-type": VERSION }),
        ...(authorization === undefined ? {} : { authorization }),
        ...options.headers,
      },
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === "string"
            ? options.body
            : JSON.stringify(options.body),
    });
  const harness: AtlasHarness = {
    get emulator() {
      return emulator!;
    },
    async request(method, path, options = {}) {
      const auth = options.auth === undefined ? { digest: API_KEY } : options.auth;
      let response: Response;
      if (auth !== null && "digest" in auth) {
        const first = await send(method, path, { ...options, body: undefined });
        expect(first.status).toBe(401);
        await first.text();
        const challenge = first.headers.get("www-authenticate") ?? "";
        response = await send(method, path, options, digestHeader(challenge, method, path, auth.digest));
      } else {
        const header = auth === null ? undefined : "bearer" in auth ? `Bearer ${auth.bearer}` : auth.header;
        response = await send(method, path, options, header);
      }
      const answer = await read(response);
      if (!options.unchecked) expect(checker.problems(method, path, answer)).toEqual([]);
      return answer;
    },
    async token() {
      const basic = Buffer.from(`${ACCOUNT.clientId}:${ACCOUNT.clientSecret}`).toString("base64");
      const response = await fetch(`${emulator!.url}/api/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    },
  };
  return harness;
}

export const scram = (username: string, extra: Record<string, unknown> = {}) => ({
  databaseName: "admin",
  groupId: GROUP,
  username,
  password: "a-long-password",
  roles: [{ roleName: "readWriteAnyDatabase", databaseName: "admin" }],
  ...extra,
});
