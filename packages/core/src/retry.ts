/** When to send a request again, and how long to wait first. Pure functions; the loop is in transport.ts. */

/** Statuses that say "try again later": rate limited, or the server (or a proxy) failed for now. */
export const RETRYABLE_STATUSES: readonly number[] = [429, 500, 502, 503, 504];

/** Methods a server may see twice without a second effect. POST and PATCH are not among them. */
export const RETRYABLE_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.includes(status);
}

/** What `onRetry` is told before each wait. */
export interface RetryInfo {
  /** Which retry comes next: 1 for the first retry. */
  readonly attempt: number;
  /** How long the transport waits before sending again. */
  readonly delayMs: number;
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;
  /** The status that caused the retry, when there was a response. */
  readonly status?: number;
  /** The connection error that caused the retry, when there was no response. */
  readonly error?: Error;
}

export interface RetryOptions {
  /** Retries after the first attempt. Default 3; 0 disables retrying. */
  readonly retries?: number;
  /** Methods that may be retried. Default GET, HEAD, OPTIONS, PUT, DELETE. */
  readonly methods?: readonly string[];
  /** Statuses that are retried. Default 429, 500, 502, 503, 504. */
  readonly statuses?: readonly number[];
  /** First backoff step; each retry doubles it (full jitter). Default 200 ms. */
  readonly baseDelayMs?: number;
  /** Longest wait. A server asking for a longer wait gets its response back instead. Default 10 000 ms. */
  readonly maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  /** How to wait; it should reject when `signal` aborts. Default: a timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Clock for `Retry-After` dates and `ratelimit-reset` epochs. Default `Date.now`. */
  readonly now?: () => number;
  /** Called before each wait; useful for logs and metrics. */
  readonly onRetry?: (info: RetryInfo) => void;
}

/** Full-jitter exponential backoff: a random wait in [0, min(cap, base × 2^retryIndex)). */
export function backoffDelay(
  retryIndex: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number,
) {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** retryIndex);
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/** Something with a `get` like `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface ParseRetryAfterOptions {
  /**
   * Also read `ratelimit-reset`. DigitalOcean sends it on every response as the Unix time (seconds)
   * (docs/vendors/digitalocean.md §10)
   * when the quota refills, so it only means "wait until then" on a 429. Default true.
   */
  readonly rateLimitReset?: boolean;
}

/** Values below this are delta-seconds; above it, Unix epoch seconds (10^9 s is September 2001). */
const EPOCH_THRESHOLD = 1e9;

/**
 * How long the server asks the client to wait, in ms, or `undefined` when it does not say.
 * `Retry-After` is delta-seconds or an HTTP date; `ratelimit-reset` is epoch seconds (DigitalOcean)
 * or, below 10^9, seconds from now (the IETF RateLimit header drafts). Times in the past give 0.
 */
export function parseRetryAfter(
  headers: HeaderReader,
  now: number = Date.now(),
  options: ParseRetryAfterOptions = {},
): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (options.rateLimitReset === false) return undefined;
  const reset = headers.get("ratelimit-reset")?.trim();
  if (!reset || !/^\d+(\.\d+)?$/.test(reset)) return undefined;
  const seconds = Number(reset);
  return seconds < EPOCH_THRESHOLD ? Math.ceil(seconds * 1000) : Math.max(0, Math.ceil(seconds * 1000 - now));
}

/** Codes of connection failures where the request can be sent again. */
const RETRYABLE_CODE =
  /^(?:ECONN(?:RESET|REFUSED|ABORTED)|EPIPE|ETIMEDOUT|EAI_AGAIN|E(?:NET|HOST)UNREACH|UND_ERR_(?:SOCKET|CLOSED|CONNECT_TIMEOUT|HEADERS_TIMEOUT)|ERR_STREAM_PREMATURE_CLOSE)$/;
/** Failures that another attempt will not fix: a name that does not resolve, a bad certificate. */
const PERMANENT_CODE =
  /^(?:ENOTFOUND|CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT|UNABLE_TO_)/;
const RETRYABLE_MESSAGE = /socket hang up|premature close|other side closed|ECONNRESET/i;

/**
 * True when `error` (or an error in its `cause` chain) is a dropped or refused connection:
 * `ECONNRESET`, `socket hang up`, undici's `UND_ERR_SOCKET`, a premature close, or a bare
 * `fetch failed`. Programming errors (a bad URL or port) and permanent failures are not.
 */
export function isConnectionError(error: unknown): boolean {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 8; current = current.cause) {
    chain.push(current);
  }
  const codes = chain.map((item) => (item as { code?: unknown }).code).filter((c) => typeof c === "string");
  if (codes.some((code) => PERMANENT_CODE.test(code))) return false;
  return (
    codes.some((code) => RETRYABLE_CODE.test(code)) ||
    chain.some((item) => RETRYABLE_MESSAGE.test(item.message)) ||
    // undici wraps every failure in `TypeError: fetch failed`; without a known cause, trust it only
    // when nothing more specific is attached.
    (chain.length === 1 && chain[0]!.message === "fetch failed")
  );
}

/** A timer that rejects with the signal's reason when the signal aborts, and leaves nothing behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
