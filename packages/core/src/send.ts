/**
 * The transport under every vendor client: one HTTP exchange per attempt with a deadline that also
 * covers reading the body, the caller's AbortSignal, no redirects, a cap on the body size, the auth
 * strategy's hook, and retries only where a second request is safe. The body is read inside the
 * attempt and handed back as a plain `Response`.
 */
import type { AuthContext, AuthRequest, AuthStrategy } from "./auth.js";
import { assertSafeUrl } from "./base-url.js";
import { DbUsersError } from "./errors.js";
import { isSecretKey, redactUrl } from "./redact.js";
import {
  AbortedError,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from "./request-errors.js";
import {
  backoffDelay,
  isConnectionError,
  parseRetryAfter,
  RETRYABLE_METHODS,
  RETRYABLE_STATUSES,
  type RetryOptions,
  sleep,
} from "./retry.js";
import type { SecretValue } from "./secret.js";

export interface SendOptions {
  /** The fetch to send with. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** Deadline per attempt, covering the headers and the body. Default 30 000 ms; 0 disables. */
  readonly timeoutMs?: number;
  /** `false` disables retries; an object tunes them (count, statuses, backoff, `onRetry`). */
  readonly retry?: boolean | RetryOptions;
  /** Sent as `User-Agent` unless the request has one. */
  readonly userAgent?: string;
  /** Largest body read from an answer; past it the call fails with `ResponseTooLargeError`. Default 16 MiB. */
  readonly maxResponseBytes?: number;
  readonly auth?: AuthStrategy;
  /**
   * Read `ratelimit-reset` (epoch or delta seconds) on a 429 when there is no `Retry-After`
   * (DigitalOcean sends it on every answer). Default false.
   */
  readonly rateLimitReset?: boolean;
}

/** One request to send: what openapi-fetch built, with the body read once so it can be sent again. */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Uint8Array | undefined;
  readonly signal: AbortSignal | undefined;
}

/** What the transport knows about a response it handed back: for errors built later. */
export interface CallInfo {
  readonly method: string;
  readonly url: string;
  /** Every secret of the call: the strategy's and those found under secret keys in a JSON body. */
  readonly secrets: readonly SecretValue[];
}

const calls = new WeakMap<Response, CallInfo>();

/** The method, URL and secrets of the call that produced `response`, when core's transport did. */
export function callInfoOf(response: Response): CallInfo | undefined {
  return calls.get(response);
}

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** String values under secret-looking keys of a JSON body (passwords sent to Atlas and Rackspace). */
function bodySecrets(body: Uint8Array | undefined, headers: Headers): string[] {
  if (body === undefined || !/json/i.test(headers.get("content-type") ?? "")) return [];
  const found: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 32 || typeof value !== "object" || value === null) return;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === "string" && isSecretKey(key)) found.push(item);
      else walk(item, depth + 1);
    }
  };
  try {
    walk(JSON.parse(new TextDecoder().decode(body)), 0);
  } catch {
    // Not JSON after all: nothing to find.
  }
  return found;
}

/** The whole body, or `ResponseTooLargeError` as soon as it passes `limit` (read chunk by chunk). */
async function readBody(response: Response, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return new Uint8Array(0);
  // A declared length within the cap bounds what the HTTP parser reads: read it in one go.
  if (declared !== null) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export type Sender = (request: OutgoingRequest) => Promise<Response>;

/**
 * A sender with the policies above. It throws only `DbUsersError`s (`TimeoutError`, `AbortedError`,
 * `NetworkError`, `UnsafeUrlError`, `RedirectError`, `ResponseTooLargeError`, `ResponseParseError`);
 * error statuses come back as responses, after any retries.
 */
export function createSender(options: SendOptions = {}): {
  send: Sender;
  context: (signal?: AbortSignal) => AuthContext;
} {
  const retry: RetryOptions = typeof options.retry === "object" ? options.retry : {};
  const retries = options.retry === false ? 0 : Math.max(0, Math.floor(retry.retries ?? 3));
  const methods = new Set((retry.methods ?? RETRYABLE_METHODS).map((method) => method.toUpperCase()));
  const statuses = new Set(retry.statuses ?? RETRYABLE_STATUSES);
  const baseDelayMs = retry.baseDelayMs ?? 200;
  const maxDelayMs = retry.maxDelayMs ?? 10_000;
  const random = retry.random ?? Math.random;
  const wait = retry.sleep ?? sleep;
  const now = retry.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const baseFetch = options.fetch ?? globalThis.fetch;
  const { auth, userAgent } = options;
  let safeOrigin: string | undefined;

  /** One exchange: send, refuse a redirect, read the body under the deadline, hand back a plain Response. */
  async function exchange(request: AuthRequest, info: CallInfo): Promise<Response> {
    const { method, url, signal: caller } = request;
    const target = { method, url, secrets: info.secrets };
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(caller?.reason);
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;
    caller?.addEventListener("abort", onAbort);
    try {
      if (caller?.aborted) throw caller.reason;
      const response = await baseFetch(url, {
        method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        redirect: "manual",
      });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined);
        throw new RedirectError({
          ...target,
          status: response.status,
          location: response.headers.get("location"),
        });
      }
      const tooLarge = () =>
        new ResponseTooLargeError({ ...target, status: response.status, limitBytes: limit });
      const bytes = await readBody(response, limit, tooLarge);
      const plain = new Response(
        NO_BODY_STATUSES.has(response.status) || bytes.byteLength === 0 ? null : bytes,
        {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        },
      );
      Object.defineProperty(plain, "url", { value: url });
      calls.set(plain, info);
      return plain;
    } catch (error) {
      if (error instanceof DbUsersError) throw error;
      if (caller?.aborted) throw aborted(caller, target);
      if (timedOut) throw new TimeoutError({ ...target, timeoutMs });
      const retryable = methods.has(method) && isConnectionError(error);
      throw new NetworkError({ ...target, cause: error, retryable });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    }
  }

  /** The wait before the next attempt, or `undefined` to hand this response back. */
  function retryDelay(response: Response, retryIndex: number): number | undefined {
    if (!statuses.has(response.status)) return undefined;
    const asked = parseRetryAfter(response.headers, now(), {
      rateLimitReset: options.rateLimitReset === true && response.status === 429,
    });
    if (asked === undefined) return backoffDelay(retryIndex, baseDelayMs, maxDelayMs, random);
    // A server that asks for a longer wait than allowed gets its answer back instead of a retry.
    return asked > maxDelayMs ? undefined : asked;
  }

  const context = (signal?: AbortSignal): AuthContext => ({ fetch: policyFetch, signal });

  async function send(outgoing: OutgoingRequest): Promise<Response> {
    const { method, url, signal } = outgoing;
    if (safeOrigin === undefined || !url.startsWith(safeOrigin)) safeOrigin = `${assertSafeUrl(url).origin}/`;
    const secrets = [...(auth?.secrets() ?? []), ...bodySecrets(outgoing.body, outgoing.headers)];
    const info: CallInfo = { method, url, secrets };
    const headers = outgoing.headers;
    if (userAgent !== undefined && !headers.has("user-agent")) headers.set("user-agent", userAgent);
    const request: AuthRequest = { method, url, headers, body: outgoing.body, signal };
    const safeMethod = methods.has(method);
    for (let retryIndex = 0; ; retryIndex++) {
      const mayRetry = safeMethod && retryIndex < retries;
      let response: Response;
      try {
        if (auth === undefined) response = await exchange(request, info);
        else {
          let sends = 0;
          response = await auth.hook(
            request,
            (again) => {
              // A strategy may answer one challenge: a third send would be a loop.
              if (++sends > 2)
                throw new DbUsersError("AUTH_LOOP", "The auth strategy sent a request more than twice");
              return exchange(again, info);
            },
            context(signal),
          );
        }
      } catch (error) {
        const failure =
          error instanceof DbUsersError
            ? error
            : new NetworkError({ method, url, secrets, cause: error, retryable: false });
        if (!(mayRetry && failure instanceof NetworkError && failure.retryable)) throw failure;
        await pause(
          retryIndex,
          backoffDelay(retryIndex, baseDelayMs, maxDelayMs, random),
          { error: failure },
          info,
          signal,
        );
        continue;
      }
      const delayMs = mayRetry ? retryDelay(response, retryIndex) : undefined;
      if (delayMs === undefined) return response;
      await pause(retryIndex, delayMs, { status: response.status }, info, signal);
    }
  }

  /** Tells `onRetry`, then waits; an abort during the wait ends the call. */
  async function pause(
    retryIndex: number,
    delayMs: number,
    cause: { status: number } | { error: Error },
    info: CallInfo,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    retry.onRetry?.({
      attempt: retryIndex + 1,
      delayMs,
      method: info.method,
      url: redactUrl(info.url, info.secrets),
      ...cause,
    });
    const never = new AbortController().signal;
    try {
      await wait(delayMs, signal ?? never);
    } catch (error) {
      if (!signal?.aborted) throw error;
    }
    if (signal?.aborted) throw aborted(signal, info);
  }

  let plain: Sender | undefined;
  /** A `fetch` with the same policies and no auth, for a strategy's own requests (token endpoints). */
  async function policyFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    plain ??= auth === undefined ? send : createSender({ ...options, auth: undefined }).send;
    return plain({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body,
      signal: init?.signal ?? undefined,
    });
  }

  return { send, context };
}

function aborted(
  signal: AbortSignal,
  target: { method: string; url: string; secrets: readonly SecretValue[] },
) {
  const reason: unknown = signal.reason;
  // The default reason (an AbortError DOMException) says nothing the error does not.
  const cause = reason instanceof DOMException && reason.name === "AbortError" ? undefined : reason;
  return new AbortedError({ ...target, cause });
}
