/**
 * A `fetch` with the policies every vendor client needs: headers (auth, user agent), a deadline per
 * attempt, the caller's AbortSignal, and retries only where a second request is safe.
 */

import { type AttemptScope, fetchUntilAborted, startAttemptScope } from "./attempt-scope.js";
import { assertSafeBaseUrl } from "./base-url.js";
import { guardBody } from "./body-guard.js";
import { DbUsersError } from "./errors.js";
import { isSecretKey, redactUrl } from "./redact.js";
import { AbortedError, NetworkError, TimeoutError } from "./request-errors.js";
import {
  backoffDelay,
  isConnectionError,
  parseRetryAfter,
  RETRYABLE_METHODS,
  RETRYABLE_STATUSES,
  type RetryInfo,
  type RetryOptions,
  sleep,
} from "./retry.js";
import { Secret, type SecretValue } from "./secret.js";

/** Header values may be `Secret`s; they are revealed only on the request itself. */
export type HeaderValues = Readonly<Record<string, string | Secret>>;

/** Headers added to every attempt, or a function asked before every attempt (so a token can refresh). */
export type HeaderSupplier = HeaderValues | ((request: Request) => HeaderValues | Promise<HeaderValues>);

export interface TransportOptions extends RetryOptions {
  /** The fetch to wrap. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** Deadline per attempt, covering the response headers and body. Default 30 000 ms; 0 disables. */
  readonly timeoutMs?: number;
  /** `false` disables retries; an object overrides the retry options given at the top level. */
  readonly retry?: boolean | RetryOptions;
  /** Sent as `User-Agent` unless the request has one (see `buildUserAgent`). */
  readonly userAgent?: string;
  /** Extra headers, such as auth. Values under secret-looking names and `Secret`s are scrubbed from errors. */
  readonly headers?: HeaderSupplier;
  /** More values to scrub from the errors this transport creates. */
  readonly secrets?: readonly SecretValue[];
}

interface Policy {
  readonly enabled: boolean;
  readonly retries: number;
  readonly methods: ReadonlySet<string>;
  readonly statuses: ReadonlySet<number>;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now: () => number;
  readonly onRetry: ((info: RetryInfo) => void) | undefined;
}

function resolvePolicy(options: TransportOptions): Policy {
  const merged: RetryOptions = { ...options, ...(typeof options.retry === "object" ? options.retry : {}) };
  const retries = Math.max(0, Math.floor(merged.retries ?? 3));
  return {
    enabled: options.retry !== false && retries > 0,
    retries,
    methods: new Set((merged.methods ?? RETRYABLE_METHODS).map((method) => method.toUpperCase())),
    statuses: new Set(merged.statuses ?? RETRYABLE_STATUSES),
    baseDelayMs: merged.baseDelayMs ?? 200,
    maxDelayMs: merged.maxDelayMs ?? 10_000,
    random: merged.random ?? Math.random,
    sleep: merged.sleep ?? sleep,
    now: merged.now ?? Date.now,
    onRetry: merged.onRetry,
  };
}

/** Per-call facts the error constructors need. */
interface Call {
  readonly method: string;
  /** The URL as sent; every error constructor redacts it with the secrets known by then. */
  readonly url: string;
  readonly caller: AbortSignal;
  /** Held for as long as the response body is, so undici's weak signal links stay alive. */
  readonly original: Request;
  /** The method is in the retry list: sending it again is safe (whether or not retrying is enabled). */
  readonly safeMethod: boolean;
  readonly timeoutMs: number;
  readonly secrets: SecretValue[];
}

/**
 * The caller's Request itself when it came alone (openapi-fetch sends one, with no init): nothing
 * here changes it, so a copy would only cost time. Anything else is built into a Request first.
 */
function toRequest(input: string | URL | Request, init: RequestInit | undefined, secrets: SecretValue[]) {
  if (input instanceof Request && init === undefined && !input.bodyUsed && !input.body?.locked) return input;
  return build(() => new Request(input, init), secrets);
}

/**
 * Wraps a fetch. The result takes the same arguments as `fetch` (openapi-fetch passes a `Request`)
 * and throws only `DbUsersError`s: `TimeoutError`, `AbortedError`, `NetworkError`, `UnsafeUrlError`.
 * HTTP error statuses are returned as responses, after any retries.
 */
export function createTransport(options: TransportOptions = {}): typeof fetch {
  const policy = resolvePolicy(options);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseFetch = options.fetch ?? globalThis.fetch;
  // The platform's fetch gets the headers in `init`, which saves building one more Request per
  // attempt. A custom fetch gets them on the Request, as before: it may look at that alone.
  const headersInInit = baseFetch === globalThis.fetch;
  // `https://host/` of the last URL found safe: a URL (as a Request serializes it) that starts with
  // it has the same scheme and host, and no user info, so parsing it again would say the same.
  let safeOrigin: string | undefined;

  async function transport(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const secrets = [...(options.secrets ?? [])];
    const original = toRequest(input, init, secrets);
    if (safeOrigin === undefined || !original.url.startsWith(safeOrigin)) {
      safeOrigin = `${assertSafeBaseUrl(original.url).origin}/`;
    }
    const call: Call = {
      method: original.method,
      url: original.url,
      // The caller's own signal when given: a copied Request's signal only follows it through a weak link.
      caller: init?.signal ?? original.signal,
      original,
      safeMethod: policy.methods.has(original.method.toUpperCase()),
      timeoutMs,
      secrets,
    };
    for (let retryIndex = 0; ; retryIndex++) {
      if (call.caller.aborted) throw aborted(call);
      const mayRetry = policy.enabled && call.safeMethod && retryIndex < policy.retries;
      const prepared = prepare(original, mayRetry, options, call);
      const [request, headers] = prepared instanceof Promise ? await prepared : prepared;
      const sent = headersInInit ? request : build(() => new Request(request, { headers }), call.secrets);
      const scope = startAttemptScope(call.caller, timeoutMs);
      const attemptInit = headersInInit ? { headers, signal: scope.signal } : { signal: scope.signal };
      let response: Response;
      try {
        response = await fetchUntilAborted(baseFetch, sent, attemptInit, scope);
      } catch (error) {
        scope.release();
        const failure = toFailure(error, scope, call);
        const canRetry = mayRetry && failure instanceof NetworkError && failure.retryable;
        if (!canRetry) throw failure;
        await pause(policy, call, retryIndex, backoff(policy, retryIndex), { error: failure });
        continue;
      }
      const delayMs = mayRetry ? retryDelay(policy, response, retryIndex) : undefined;
      if (delayMs === undefined) return guardBody(response, scope, (error) => toFailure(error, scope, call));
      scope.release();
      await response.body?.cancel().catch(() => undefined);
      await pause(policy, call, retryIndex, delayMs, { status: response.status });
    }
  }
  return transport as typeof fetch;
}

/**
 * What one attempt sends: the request, and its headers with the supplied ones and the user agent
 * added (the caller's Request is never changed). A body can be sent only once, so an attempt that
 * another may follow sends a copy; so does one whose header supplier is a function, which gets that
 * copy to look at. A GET sends the caller's Request as it is.
 */
function prepare(
  original: Request,
  mayRetry: boolean,
  options: TransportOptions,
  call: Call,
): Attempt | Promise<Attempt> {
  const supplier = options.headers;
  if (typeof supplier !== "function") {
    const request = mayRetry && original.body !== null ? original.clone() : original;
    return [request, headersFor(request, supplier, options.userAgent, call.secrets)];
  }
  const request = original.clone();
  return (async (): Promise<Attempt> => {
    const supplied = await supplier(request);
    return [request, headersFor(request, supplied, options.userAgent, call.secrets)];
  })();
}

type Attempt = [request: Request, headers: Headers];

/** The request's headers, then the supplied ones, then the user agent unless one is set. */
function headersFor(
  request: Request,
  supplied: HeaderValues | undefined,
  userAgent: string | undefined,
  secrets: SecretValue[],
): Headers {
  return build(() => attemptHeaders(request, supplied, userAgent, secrets), secrets);
}

function attemptHeaders(
  request: Request,
  supplied: HeaderValues | undefined,
  userAgent: string | undefined,
  secrets: SecretValue[],
): Headers {
  const headers = new Headers(request.headers);
  if (supplied !== undefined) {
    for (const [name, value] of Object.entries(supplied)) {
      const text = value instanceof Secret ? value.reveal() : value;
      if (value instanceof Secret || isSecretKey(name)) {
        secrets.push(text);
        // `Bearer abc`: the credential alone may show up elsewhere (a query string, an echo).
        const credential = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(text)?.[1];
        if (credential !== undefined) secrets.push(credential);
      }
      headers.set(name, text);
    }
  }
  if (userAgent !== undefined && !headers.has("user-agent")) headers.set("user-agent", userAgent);
  return headers;
}

/**
 * Runs a step that builds the request. Its TypeErrors can quote a header value (a token with a
 * stray newline, say), so they come back as a redacted `INVALID_REQUEST` error.
 */
function build<T>(step: () => T, secrets: readonly SecretValue[]): T {
  try {
    return step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DbUsersError("INVALID_REQUEST", `Could not build the request: ${message}`, {
      cause: error,
      secrets,
    });
  }
}

/** The wait before the next attempt (which is allowed), or `undefined` to return this response as it is. */
function retryDelay(policy: Policy, response: Response, retryIndex: number): number | undefined {
  if (!policy.statuses.has(response.status)) return undefined;
  const asked = parseRetryAfter(response.headers, policy.now(), { rateLimitReset: response.status === 429 });
  if (asked === undefined) return backoff(policy, retryIndex);
  // A server that asks for a longer wait than we allow gets its answer back instead of a retry.
  return asked > policy.maxDelayMs ? undefined : asked;
}

function backoff(policy: Policy, retryIndex: number): number {
  return backoffDelay(retryIndex, policy.baseDelayMs, policy.maxDelayMs, policy.random);
}

/** Tells `onRetry`, then waits; an abort during the wait ends the call. */
async function pause(
  policy: Policy,
  call: Call,
  retryIndex: number,
  delayMs: number,
  cause: { status?: number; error?: Error },
): Promise<void> {
  const url = redactUrl(call.url, call.secrets);
  const info: RetryInfo = { attempt: retryIndex + 1, delayMs, method: call.method, url };
  policy.onRetry?.({
    ...info,
    ...(cause.status === undefined ? {} : { status: cause.status }),
    ...(cause.error === undefined ? {} : { error: cause.error }),
  });
  try {
    await policy.sleep(delayMs, call.caller);
  } catch (error) {
    if (call.caller.aborted) throw aborted(call);
    throw error;
  }
  if (call.caller.aborted) throw aborted(call);
}

function aborted(call: Call): AbortedError {
  const reason: unknown = call.caller.reason;
  // The default reason (an AbortError DOMException) says nothing the error does not.
  const cause = reason instanceof DOMException && reason.name === "AbortError" ? undefined : reason;
  return new AbortedError({ method: call.method, url: call.url, cause, secrets: call.secrets });
}

/**
 * What a failed `fetch` (or body read) means: the caller aborted, the deadline passed, or the
 * connection failed. A failed body read is never retried here: the response was already handed out.
 */
function toFailure(error: unknown, scope: AttemptScope, call: Call): DbUsersError {
  if (call.caller.aborted) return aborted(call);
  if (scope.timedOut()) {
    return new TimeoutError({
      timeoutMs: call.timeoutMs,
      method: call.method,
      url: call.url,
      secrets: call.secrets,
    });
  }
  if (error instanceof DbUsersError) return error;
  return new NetworkError({
    method: call.method,
    url: call.url,
    cause: error,
    secrets: call.secrets,
    retryable: call.safeMethod && isConnectionError(error),
  });
}
