/**
 * Test helpers for the DigitalOcean routes: a started emulator per test, and a small fetch wrapper
 * whose every answer is checked against specs/digitalocean/openapi.yaml (status, headers, body).
 * After each test, the number of answers the emulator sent must equal the number checked (plus
 * those a test read raw on purpose), so no response escapes the check.
 */
import { randomUUID } from "node:crypto";
import type { Engine } from "@dbusers/rules/digitalocean";
import { afterEach, beforeEach, expect } from "vitest";
import { spec } from "../../src/generated/digitalocean-spec.js";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../src/index.js";
import { type OpenApiDocument, SpecValidator } from "../../src/spec-validator.js";
import { ResponseChecker } from "./response-checker.js";

export const TOKEN = "test-token";

/** A copy of the spec whose objects allow no undocumented property, so extra fields count as drift. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = closeObjects(value);
  if (out.type === "object" && "properties" in out && !("additionalProperties" in out) && !("allOf" in out)) {
    out.additionalProperties = false;
  }
  return out;
}

export const checker = new ResponseChecker(
  new SpecValidator(closeObjects(spec) as OpenApiDocument, "urn:test:digitalocean-closed"),
  "#/components/schemas/error",
);

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body, or undefined when there is none. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields; the checker vouches for their shape.
  readonly body: any;
}

export interface RequestOptions {
  /** `null` sends no Authorization header. */
  readonly token?: string | null;
  /** An object is sent as JSON; a string is sent as is; bytes are sent without a content-type. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Reads an answer and fails the test if it breaks the spec. */
export async function checkResponse(method: string, path: string, response: Response): Promise<Answer> {
  const text = await response.text();
  const observed = { status: response.status, headers: response.headers, text };
  expect(checker.problems(method, path, observed), `${method} ${path} → ${response.status} ${text}`).toEqual(
    [],
  );
  return { ...observed, body: text === "" ? undefined : JSON.parse(text) };
}

/** `fetch` for emulators a test starts itself; the answer is checked against the spec. */
export async function checkedFetch(baseUrl: string, path: string, init: RequestInit = {}): Promise<Answer> {
  return checkResponse(init.method ?? "GET", path, await fetch(`${baseUrl}${path}`, init));
}

export class DigitalOceanApi {
  checked = 0;
  exempt = 0;
  constructor(readonly emulator: Emulator) {}

  /** Sends a request and fails the test if the answer breaks the spec. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const response = await this.raw(method, path, options);
    this.exempt -= 1;
    const answer = await checkResponse(method, path, response);
    this.checked += 1;
    return answer;
  }

  /** A request whose answer the test inspects itself (faults that break the answer on purpose). */
  raw(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? TOKEN : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array | undefined;
    if (options.body instanceof Uint8Array) body = options.body;
    else if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    this.exempt += 1;
    return fetch(`${this.emulator.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  }

  list(cluster: string) {
    return this.request("GET", `/v2/databases/${cluster}/users`);
  }
  get(cluster: string, name: string) {
    return this.request("GET", `/v2/databases/${cluster}/users/${encodeURIComponent(name)}`);
  }
  add(cluster: string, body: unknown) {
    return this.request("POST", `/v2/databases/${cluster}/users`, { body });
  }
  update(cluster: string, name: string, body: unknown) {
    return this.request("PUT", `/v2/databases/${cluster}/users/${encodeURIComponent(name)}`, { body });
  }
  remove(cluster: string, name: string) {
    return this.request("DELETE", `/v2/databases/${cluster}/users/${encodeURIComponent(name)}`);
  }
  reset(cluster: string, name: string, body: unknown = {}) {
    return this.request("POST", `/v2/databases/${cluster}/users/${encodeURIComponent(name)}/reset_auth`, {
      body,
    });
  }
}

/** One cluster id per engine, fresh for each test. */
export function clusterIds() {
  return {
    pg: randomUUID(),
    mysql: randomUUID(),
    mongodb: randomUUID(),
    kafka: randomUUID(),
    opensearch: randomUUID(),
    redis: randomUUID(),
    valkey: randomUUID(),
  } as const;
}

export interface EmulatorContext {
  emulator: Emulator;
  api: DigitalOceanApi;
  ids: ReturnType<typeof clusterIds>;
}

/**
 * Starts an emulator before each test (one cluster of every engine, token `TOKEN`) and closes it
 * after. The returned object is filled in before each test runs.
 */
export function useEmulator(options: Omit<EmulatorOptions, "digitalocean"> = {}): EmulatorContext {
  const ctx = {} as EmulatorContext;
  beforeEach(async () => {
    ctx.ids = clusterIds();
    const clusters = (Object.entries(ctx.ids) as [Engine, string][]).map(([engine, id]) => ({ id, engine }));
    ctx.emulator = await startEmulator({ ...options, digitalocean: { token: TOKEN, clusters } });
    ctx.api = new DigitalOceanApi(ctx.emulator);
  });
  afterEach(async () => {
    const answered = ctx.emulator.state.requests.filter(
      (r) => r.status !== undefined || r.fault === "drop",
    ).length;
    await ctx.emulator.close();
    expect(answered, "every answer was checked against the spec or read raw on purpose").toBe(
      ctx.api.checked + ctx.api.exempt,
    );
  });
  return ctx;
}
