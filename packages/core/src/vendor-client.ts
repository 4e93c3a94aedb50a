/**
 * The template every vendor client is built on: openapi-fetch's typed client (`api.GET(path, …)`)
 * whose `fetch` is core's transport, with the vendor's auth strategy, path encoding, error class and
 * retry statuses plugged in, and `result()` for the statuses each operation documents.
 */
import createClient, {
  type Client,
  type ClientOptions,
  createQuerySerializer,
  type PathSerializer,
} from "openapi-fetch";
import type { AuthContext, AuthStrategy } from "./auth.js";
import { assertSafeBaseUrl } from "./base-url.js";
import { bodyOf, type CallInfo, callInfoOf } from "./call-info.js";
import { ApiError, DbUsersError } from "./errors.js";
import { jsonBody } from "./json-body.js";
import { checkNumber, checkSignal } from "./options.js";
import { checkedPaths } from "./path-template.js";
import { readable } from "./read-body.js";
import { redactUrl } from "./redact.js";
import { ResponseParseError } from "./request-errors.js";
import { requestIdOf } from "./response.js";
import type { RetryOptions } from "./retry.js";
import type { SecretValue } from "./secret.js";
import { createSender } from "./send.js";

export interface VendorClientOptions {
  /** Display name in errors: `DigitalOcean`, `MongoDB Atlas`, `Rackspace`. */
  readonly vendor: string;
  /** The API root. https, or http to loopback only; no `?query` or `#fragment`. */
  readonly baseUrl?: string | URL;
  /** Instead of `baseUrl`: learnt on first use (a Keystone service catalog), once for all calls. */
  readonly resolveBaseUrl?: (context: AuthContext) => Promise<string | URL>;
  readonly auth?: AuthStrategy;
  /** The vendor's error for an error status; default `ApiError`. `body` is parsed JSON, or text. */
  readonly toError?: (response: Response, body: unknown, call: CallInfo) => Error;
  /** The fetch to send with. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** `false` turns retries off; an object tunes them (`statuses` adds a vendor's own, e.g. 413). */
  readonly retry?: boolean | RetryOptions;
  /** Deadline per attempt, headers and body. Default 30 000 ms; 0 turns it off. */
  readonly timeoutMs?: number;
  /** Largest answer body read. Default 16 MiB. */
  readonly maxResponseBytes?: number;
  readonly userAgent?: string;
  /** Read `ratelimit-reset` on a 429 without `Retry-After` (DigitalOcean). Default false. */
  readonly rateLimitReset?: boolean;
  /** The vendor's path encoding. Every path parameter is checked first either way (a non-empty string, no dot segment). */
  readonly pathSerializer?: PathSerializer;
  readonly querySerializer?: ClientOptions["querySerializer"];
}

/** What an openapi-fetch call resolves to. */
export interface CallResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** openapi-fetch's typed client, plus what every vendor client needs around it. */
export type VendorClient<Paths extends object> = Client<Paths> & {
  /** The API root once known (`undefined` until a resolved one is first used). */
  readonly baseUrl: string | undefined;
  /**
   * `data` when the status is one of `expected` (the statuses the spec documents for the operation:
   * 200, 201, 202 or 204); the vendor's error for an error status; `ResponseParseError` for another success.
   */
  result<T>(call: Promise<CallResult<T>>, expected: readonly number[]): Promise<T>;
  /** Every secret the client knows, for a vendor's own redaction. */
  secrets(): readonly SecretValue[];
  /** Gives up what the auth strategy holds (revokes its token). */
  close(): Promise<void>;
};

const RESOLVED = "https://base-url.invalid";
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * The Request class openapi-fetch builds each call with: a plain record of what it was given, since
 * the transport sends with its own `fetch` call anyway (one platform Request per call, not two).
 */
class PlannedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  /** Where the transport leaves the response, for a parse error raised after it (see `typed`). */
  readonly state: CallState | undefined;
  constructor(url: string, init: PlannedInit) {
    this.url = url;
    this.method = init.method;
    this.headers = init.headers;
    this.body = init.body;
    this.signal = init.signal ?? undefined;
    this.state = planning;
    planning = undefined;
  }
}

/** What one call's wrapper and the transport share. */
interface CallState {
  response?: Response;
}

/**
 * The state of the call whose request openapi-fetch is building. openapi-fetch builds the Request
 * synchronously inside the call (before its first `await`), so the wrapper sets this just before
 * and clears it just after, and the request takes it: no extra option to copy through every call.
 */
let planning: CallState | undefined;

type PlannedInit = {
  method: string;
  headers: Headers;
  body?: string;
  signal?: AbortSignal;
};

type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream";
/** The options of a call made without any: openapi-fetch only reads them. */
const STREAM = Object.freeze({ parseAs: "stream" });
const decoder = new TextDecoder();

/**
 * A success's body as openapi-fetch's `parseAs` asks, from the bytes the transport read (openapi-fetch
 * is told to leave the body alone, so no second stream is built): at once, without a promise. A
 * response a middleware made up is read as openapi-fetch would (a promise).
 */
function parse(response: Response, as: ParseAs): unknown {
  const bytes = bodyOf(response);
  if (bytes === undefined) return as === "stream" ? response.body : response[as]();
  switch (as) {
    case "json":
      return bytes.byteLength === 0 ? undefined : JSON.parse(decoder.decode(bytes));
    case "text":
      return decoder.decode(bytes);
    case "arrayBuffer":
      return bytes.slice().buffer;
    case "blob":
      return new Blob([bytes], { type: response.headers.get("content-type") ?? "" });
    case "stream":
      return readable(response).body;
  }
}

/**
 * A failure openapi-fetch let through as a typed, redacted error. Its JSON parse error quotes the
 * body (which may hold a password), so it becomes a `ResponseParseError` that names the status and
 * content type instead.
 */
function typed(
  error: unknown,
  method: string,
  state: CallState,
  secrets: readonly SecretValue[],
): DbUsersError {
  if (error instanceof DbUsersError) return error;
  const { response } = state;
  if (error instanceof SyntaxError && response !== undefined) {
    const info = callInfoOf(response);
    return new ResponseParseError({
      status: response.status,
      method,
      url: info?.url ?? response.url,
      contentType: response.headers.get("content-type") ?? undefined,
      secrets: info?.secrets ?? secrets,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DbUsersError("INVALID_REQUEST", `Could not send the request: ${message}`, {
    cause: error,
    secrets,
  });
}

export function createVendorClient<Paths extends object>(options: VendorClientOptions): VendorClient<Paths> {
  const { vendor, auth, resolveBaseUrl } = options;
  checkNumber(options.timeoutMs, "timeoutMs", 0);
  checkNumber(options.maxResponseBytes, "maxResponseBytes", 0, 1);
  let baseUrl =
    resolveBaseUrl === undefined
      ? assertSafeBaseUrl(options.baseUrl ?? "").href.replace(/\/+$/, "")
      : undefined;
  const { send, context } = createSender(options);
  const secrets = () => auth?.secrets() ?? [];
  let resolving: Promise<string> | undefined;
  const resolve = (): Promise<string> => {
    resolving ??= resolveBaseUrl!(context()).then(
      (url) => (baseUrl = assertSafeBaseUrl(url).href.replace(/\/+$/, "")),
      (error: unknown) => {
        resolving = undefined;
        throw error;
      },
    );
    return resolving;
  };

  /**
   * Sends what openapi-fetch planned. Not an async function: a call already passes through several,
   * and each keeps a frame alive while the request is out.
   */
  const transport = (request: PlannedRequest): Promise<Response> => {
    // openapi-fetch built every URL on the placeholder, also after the base URL became known.
    if (!request.url.startsWith(RESOLVED)) return deliver(request, request.url);
    const path = request.url.slice(RESOLVED.length);
    if (baseUrl !== undefined) return deliver(request, baseUrl + path);
    return resolve().then((base) => deliver(request, base + path));
  };

  const deliver = (request: PlannedRequest, url: string): Promise<Response> =>
    send({
      method: request.method,
      url,
      headers: request.headers,
      body: request.body === undefined ? undefined : new TextEncoder().encode(request.body),
      signal: request.signal,
    }).then((response) => {
      if (request.state !== undefined) request.state.response = response;
      // openapi-fetch reads an error's body itself; a success's is parsed from the bytes (see `parse`).
      return response.ok ? response : readable(response);
    });

  const inner = createClient<Paths>({
    baseUrl: baseUrl ?? RESOLVED,
    fetch: transport as unknown as typeof fetch,
    Request: PlannedRequest as unknown as typeof Request,
    pathSerializer: checkedPaths(options.pathSerializer),
    bodySerializer: jsonBody,
    // Made once here rather than by openapi-fetch on every call.
    querySerializer: options.querySerializer ?? createQuerySerializer(),
  });

  const toError =
    options.toError ??
    ((response: Response, body: unknown, call: CallInfo) =>
      new ApiError({
        status: response.status,
        vendor,
        method: call.method,
        url: call.url,
        body,
        requestId: requestIdOf(response),
        secrets: call.secrets,
      }));

  const client = { ...inner } as Record<string, unknown>;
  for (const method of METHODS) {
    const call = inner[method] as (path: string, init?: object) => Promise<CallResult<unknown>>;
    client[method] = async (path: string, init?: { signal?: unknown; parseAs?: ParseAs }) => {
      const state: CallState = {};
      try {
        checkSignal(init?.signal);
        let sent: Promise<CallResult<unknown>>;
        planning = state;
        try {
          sent = call(path, init === undefined ? STREAM : { ...init, parseAs: "stream" });
        } finally {
          planning = undefined;
        }
        const out = (await sent) as { data?: unknown; response: Response };
        if (out.data !== undefined) {
          const data = parse(out.response, init?.parseAs ?? "json");
          out.data = data instanceof Promise ? await data : data;
        }
        return out;
      } catch (error) {
        throw typed(error, method, state, secrets());
      }
    };
  }

  /** What `result` does with the call's outcome; kept out of an async function (see `transport`). */
  function settle<T>(out: CallResult<T>, expected: readonly number[]): T {
    const { data, error, response } = out;
    if (expected.includes(response.status)) return data as T;
    const info = callInfoOf(response) ?? { method: "", url: response.url, secrets: secrets() };
    if (!response.ok) throw toError(response, error, info);
    const url = redactUrl(info.url, info.secrets);
    throw new ResponseParseError({
      status: response.status,
      method: info.method,
      url: info.url,
      secrets: info.secrets,
      message: `${vendor} answered ${response.status} to ${info.method} ${url}, where the API documents ${expected.join(" or ")}`,
    });
  }

  const result = <T>(call: Promise<CallResult<T>>, expected: readonly number[]): Promise<T> =>
    call.then((out) => settle(out, expected));

  Object.defineProperty(client, "baseUrl", { get: () => baseUrl, enumerable: true });
  return Object.assign(client, {
    result,
    secrets,
    close: async () => {
      await auth?.close?.(context());
    },
  }) as unknown as VendorClient<Paths>;
}
