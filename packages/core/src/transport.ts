/**
 * A `fetch` with the policies every vendor client needs: headers (auth, user agent), a deadline per
 * attempt, the caller's AbortSignal, and retries only where a second request is safe.
 */

import { type AttemptScope, fetchUntilAborted, ignore, startAttemptScope } from "./attempt-scope.js";
import { assertSafeUrl } from "./base-url.js";
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

/**
 * The caller's Request itself when it came alone (openapi-fetch sends one, with no init): nothing
 * here changes it, so a copy would only cost time. Anything else is built into a Request first.
 */
function toRequest(input: string | URL | Request, init: RequestInit | undefined, secrets: SecretValue[]) {
  if (input instanceof Request && init === undefined && !input.bodyUsed && !input.body?.locked) return input;
  return build(() => new Request(input, init), secrets);
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

/**
 * Wraps a fetch. The result takes the same arguments as `fetch` (openapi-fetch passes a `Request`)
 * and throws only `DbUsersError`s: `TimeoutError`, `AbortedError`, `NetworkError`, `UnsafeUrlError`.
 * HTTP error statuses are returned as responses, after any retries.
 */
export function createTransport(options: TransportOptions = {}): typeof fetch {
  const merged: RetryOptions = { ...options, ...(typeof options.retry === "object" ? options.retry : {}) };
  const retries = options.retry === false ? 0 : Math.max(0, Math.floor(merged.retries ?? 3));
  const methods = new Set((merged.methods ?? RETRYABLE_METHODS).map((method) => method.toUpperCase()));
  const statuses = new Set(merged.statuses ?? RETRYABLE_STATUSES);
  const baseDelayMs = merged.baseDelayMs ?? 200;
  const maxDelayMs = merged.maxDelayMs ?? 10_000;
  const random = merged.random ?? Math.random;
  const wait = merged.sleep ?? sleep;
  const now = merged.now ?? Date.now;
  const { onRetry } = merged;
  const { headers: supplier, userAgent } = options;
  // A function is asked before every attempt (so a token can refresh), with a copy of the request.
  const perAttempt = typeof supplier === "function";
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseFetch = options.fetch ?? globalThis.fetch;
  // The platform's fetch gets the headers in `init`, which saves building one more Request per
  // attempt. A custom fetch gets them on the Request, as before: it may look at that alone.
  const headersInInit = baseFetch === globalThis.fetch;
  // `https://host/` of the last URL found safe: a URL (as a Request serializes it) that starts with
  // it has the same scheme and host, and no user info, so parsing it again would say the same.
  let safeOrigin: string | undefined;

  const backoff = (retryIndex: number) => backoffDelay(retryIndex, baseDelayMs, maxDelayMs, random);

  async function transport(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const secrets = [...(options.secrets ?? [])];
    const original = toRequest(input, init, secrets);
    const { method, url } = original;
    if (!safeOrigin || !url.startsWith(safeOrigin)) {
      safeOrigin = `${assertSafeUrl(url).origin}/`;
    }
    // The caller's own signal when given: a copied Request's signal only follows it through a weak link.
    const caller = init?.signal ?? original.signal;
    // The method is in the retry list: sending it again is safe (whether or not retrying is enabled).
    const safeMethod = methods.has(method.toUpperCase());
    // Every error below redacts the URL with the secrets known by then (headers add some).
    const target = { method, url, secrets };

    const aborted = () => {
      const reason: unknown = caller.reason;
      // The default reason (an AbortError DOMException) says nothing the error does not.
      const cause = reason instanceof DOMException && reason.name === "AbortError" ? undefined : reason;
      return new AbortedError({ ...target, cause });
    };

    /**
     * What a failed `fetch` (or body read) means: the caller aborted, the deadline passed, or the
     * connection failed. A failed body read is never retried here: the response was already handed out.
     */
    const toFailure = (error: unknown, scope: AttemptScope): DbUsersError => {
      if (caller.aborted) return aborted();
      if (scope.timedOut) return new TimeoutError({ ...target, timeoutMs });
      if (error instanceof DbUsersError) return error;
      return new NetworkError({ ...target, cause: error, retryable: safeMethod && isConnectionError(error) });
    };

    /** Tells `onRetry`, then waits; an abort during the wait ends the call. */
    const pause = async (
      retryIndex: number,
      delayMs: number,
      cause: { status: number } | { error: Error },
    ) => {
      onRetry?.({ attempt: retryIndex + 1, delayMs, method, url: redactUrl(url, secrets), ...cause });
      try {
        await wait(delayMs, caller);
      } catch (error) {
        if (!caller.aborted) throw error;
      }
      if (caller.aborted) throw aborted();
    };

    for (let retryIndex = 0; ; retryIndex++) {
      if (caller.aborted) throw aborted();
      const mayRetry = safeMethod && retryIndex < retries;
      // A body can be sent only once, so an attempt that another may follow sends a copy; so does one
      // whose header supplier is a function, which gets that copy to look at. A GET sends the
      // caller's Request as it is, which is never changed: the headers go with the attempt only.
      const request = perAttempt || (mayRetry && original.body !== null) ? original.clone() : original;
      const supplied = perAttempt ? await supplier(request) : supplier;
      const headers = build(() => attemptHeaders(request, supplied, userAgent, secrets), secrets);
      const sent = headersInInit ? request : build(() => new Request(request, { headers }), secrets);
      const scope = startAttemptScope(caller, timeoutMs);
      let response: Response;
      try {
        response = await fetchUntilAborted(baseFetch, sent, headersInInit ? headers : undefined, scope);
      } catch (error) {
        scope.release();
        const failure = toFailure(error, scope);
        if (!(mayRetry && failure instanceof NetworkError && failure.retryable)) throw failure;
        await pause(retryIndex, backoff(retryIndex), { error: failure });
        continue;
      }
      const delayMs = mayRetry ? retryDelay(response, retryIndex) : undefined;
      if (delayMs === undefined) return guardBody(response, scope, (error) => toFailure(error, scope));
      scope.release();
      await response.body?.cancel().catch(ignore);
      await pause(retryIndex, delayMs, { status: response.status });
    }
  }

  /** The wait before the next attempt (which is allowed), or `undefined` to return this response as it is. */
  function retryDelay(response: Response, retryIndex: number): number | undefined {
    if (!statuses.has(response.status)) return undefined;
    const asked = parseRetryAfter(response.headers, now(), { rateLimitReset: response.status === 429 });
    if (asked === undefined) return backoff(retryIndex);
    // A server that asks for a longer wait than we allow gets its answer back instead of a retry.
    return asked > maxDelayMs ? undefined : asked;
  }

  return transport as typeof fetch;
}

/**
 * The request's headers, then the supplied ones (a `Secret`, or any value under a secret-looking
 * name, is added to `secrets`), then the user agent unless one is set.
 */
function attemptHeaders(
  request: Request,
  supplied: HeaderValues | undefined,
  userAgent: string | undefined,
  secrets: SecretValue[],
): Headers {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(supplied ?? {})) {
    const text = value instanceof Secret ? value.reveal() : value;
    if (value instanceof Secret || isSecretKey(name)) {
      secrets.push(text);
      // `Bearer abc`: the credential alone may show up elsewhere (a query string, an echo).
      const credential = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(text)?.[1];
      if (credential !== undefined) secrets.push(credential);
    }
    headers.set(name, text);
  }
  if (userAgent !== undefined && !headers.has("user-agent")) headers.set("user-agent", userAgent);
  return headers;
}
