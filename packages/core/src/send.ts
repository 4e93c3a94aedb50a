/**
 * The transport under every vendor client: one HTTP exchange per attempt with a deadline that also
 * covers reading the body, the caller's AbortSignal, no redirects, a cap on the body size, the auth
 * strategy's hook, and retries only where a second request is safe. The body is read inside the
 * attempt; the response is handed back with its body kept beside it (see call-info.ts).
 */
import type { AuthContext, AuthRequest, AuthStrategy } from "./auth.js";
import { assertSafeUrl } from "./base-url.js";
import { bodySecrets } from "./body-secrets.js";
import { CallRecord, recordAnswer } from "./call-info.js";
import { createDeadlines, type DeadlineWindow } from "./deadline.js";
import { DbUsersError } from "./errors.js";
import { DEFAULT_MAX_RESPONSE_BYTES, readable, readBody } from "./read-body.js";
import { redactUrl } from "./redact.js";
import { AbortedError, NetworkError, RedirectError, TimeoutError } from "./request-errors.js";
import {
  backoffDelay,
  isConnectionError,
  parseRetryAfter,
  RETRYABLE_METHODS,
  RETRYABLE_STATUSES,
  type RetryOptions,
  sleep,
} from "./retry.js";

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

  const deadlines = timeoutMs > 0 ? createDeadlines(timeoutMs) : undefined;

  /**
   * One exchange: send, refuse a redirect, read the body under the deadline. The response comes
   * back as it is, its body already read and kept beside it (`bodyOf`).
   */
  async function exchange(request: AuthRequest, call: CallRecord): Promise<Response> {
    const caller = request.signal;
    if (caller?.aborted) throw aborted(caller, call);
    // Without a caller's signal the attempt shares its window's (see deadline.ts); with one, its
    // own controller follows both; with no deadline, fetch gets the caller's signal as it is.
    let window: DeadlineWindow | undefined;
    let own: Deadline | undefined;
    let signal = caller;
    if (deadlines !== undefined) {
      if (caller === undefined) {
        window = deadlines.start();
        signal = window.signal;
      } else {
        own = new Deadline(caller, timeoutMs);
        signal = own.controller.signal;
      }
    }
    try {
      const response = await baseFetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        redirect: "manual",
      });
      const { status } = response;
      if (status >= 300 && status < 400 && status !== 304) {
        await response.body?.cancel().catch(() => undefined);
        throw new RedirectError({ ...call.info, status, location: response.headers.get("location") });
      }
      const bytes = await readBody(response, limit, call);
      // A response a custom `fetch` made up has no URL; errors name the one that was sent.
      if (response.url === "") Object.defineProperty(response, "url", { value: request.url });
      recordAnswer(response, call, bytes);
      return response;
    } catch (error) {
      if (error instanceof DbUsersError) throw error;
      if (caller?.aborted) throw aborted(caller, call);
      if (window?.expired || own?.expired) throw new TimeoutError({ ...call.info, timeoutMs });
      const retryable = methods.has(request.method) && isConnectionError(error);
      throw new NetworkError({ ...call.info, cause: error, retryable });
    } finally {
      if (window !== undefined) deadlines!.end(window);
      own?.dispose();
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

  const unsignalled: AuthContext = { fetch: policyFetch, signal: undefined };
  const context = (signal?: AbortSignal): AuthContext =>
    signal === undefined ? unsignalled : { fetch: policyFetch, signal };

  /** Sends through the strategy's hook, which may answer one challenge: a third send would be a loop. */
  function authorized(strategy: AuthStrategy, request: AuthRequest, call: CallRecord): Promise<Response> {
    let sends = 0;
    const once = (again: AuthRequest) => {
      if (++sends > 2)
        throw new DbUsersError("AUTH_LOOP", "The auth strategy sent a request more than twice");
      return exchange(again, call);
    };
    return strategy.hook(request, once, context(request.signal));
  }

  /** The call's record, after the checks every call gets (a safe URL) and the User-Agent. */
  function prepare(outgoing: OutgoingRequest): CallRecord {
    const { method, url, headers, body } = outgoing;
    if (safeOrigin === undefined || !url.startsWith(safeOrigin)) safeOrigin = `${assertSafeUrl(url).origin}/`;
    if (userAgent !== undefined && !headers.has("user-agent")) headers.set("user-agent", userAgent);
    return new CallRecord(method, url, () => [...(auth?.secrets() ?? []), ...bodySecrets(body, headers)]);
  }

  function send(outgoing: OutgoingRequest): Promise<Response> {
    let call: CallRecord;
    try {
      call = prepare(outgoing);
    } catch (error) {
      return Promise.reject(error);
    }
    return attempt(outgoing, call, 0, methods.has(outgoing.method));
  }

  /**
   * Attempt number `retryIndex`, then the retries its outcome calls for. A promise chain rather
   * than an async loop: the usual call (one attempt) keeps no frame alive while it is out.
   */
  function attempt(
    request: AuthRequest,
    call: CallRecord,
    retryIndex: number,
    safeMethod: boolean,
  ): Promise<Response> {
    const mayRetry = safeMethod && retryIndex < retries;
    let sent: Promise<Response>;
    try {
      sent = Promise.resolve(auth === undefined ? exchange(request, call) : authorized(auth, request, call));
    } catch (error) {
      sent = Promise.reject(error);
    }
    return sent.then(
      (response) => {
        const delayMs = mayRetry ? retryDelay(response, retryIndex) : undefined;
        if (delayMs === undefined) return response;
        return pause(retryIndex, delayMs, { status: response.status }, call, request.signal).then(() =>
          attempt(request, call, retryIndex + 1, safeMethod),
        );
      },
      (error: unknown) => {
        const failure =
          error instanceof DbUsersError
            ? error
            : new NetworkError({ ...call.info, cause: error, retryable: false });
        if (!(mayRetry && failure instanceof NetworkError && failure.retryable)) throw failure;
        const delayMs = backoffDelay(retryIndex, baseDelayMs, maxDelayMs, random);
        return pause(retryIndex, delayMs, { error: failure }, call, request.signal).then(() =>
          attempt(request, call, retryIndex + 1, safeMethod),
        );
      },
    );
  }

  /** Tells `onRetry`, then waits; an abort during the wait ends the call. */
  async function pause(
    retryIndex: number,
    delayMs: number,
    cause: { status: number } | { error: Error },
    call: CallRecord,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    retry.onRetry?.({
      attempt: retryIndex + 1,
      delayMs,
      method: call.method,
      url: redactUrl(call.url, call.secrets),
      ...cause,
    });
    const never = new AbortController().signal;
    try {
      await wait(delayMs, signal ?? never);
    } catch (error) {
      if (!signal?.aborted) throw error;
    }
    if (signal?.aborted) throw aborted(signal, call);
  }

  let plain: Sender | undefined;
  /** A `fetch` with the same policies and no auth, for a strategy's own requests (token endpoints). */
  async function policyFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    plain ??= auth === undefined ? send : createSender({ ...options, auth: undefined }).send;
    const response = await plain({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body,
      signal: init?.signal ?? undefined,
    });
    return readable(response);
  }

  return { send, context };
}

/** One attempt's own deadline, for a call with a signal of its own: a controller that follows both. */
class Deadline {
  readonly controller = new AbortController();
  expired = false;
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onAbort: () => void;
  constructor(
    private readonly caller: AbortSignal,
    timeoutMs: number,
  ) {
    this.onAbort = () => this.controller.abort(caller.reason);
    caller.addEventListener("abort", this.onAbort);
    this.timer = setTimeout(
      () => {
        this.expired = true;
        this.controller.abort();
      },
      Math.min(timeoutMs, 2 ** 31 - 1),
    );
  }
  dispose(): void {
    clearTimeout(this.timer);
    this.caller.removeEventListener("abort", this.onAbort);
  }
}

function aborted(signal: AbortSignal, call: CallRecord) {
  const reason: unknown = signal.reason;
  // The default reason (an AbortError DOMException) says nothing the error does not.
  const cause = reason instanceof DOMException && reason.name === "AbortError" ? undefined : reason;
  return new AbortedError({ ...call.info, cause });
}
