/**
 * Sliding-window rate limiting per credential. DigitalOcean allows 250 requests a minute and 5,000
 * an hour; `ratelimit-*` headers describe the hourly window (vendors/digitalocean.md, "Base, auth,
 * limits"). The clock is `Date.now()`, so tests can move it with fake timers.
 */
import { EmulatorError } from "./errors.js";

export interface RateLimitOptions {
  /** Requests allowed in any 60-second window. */
  readonly perMinute?: number;
  /** Requests allowed in any 3,600-second window; the `ratelimit-limit` header shows this one. */
  readonly perHour?: number;
}

/** What the headers of one answer say. */
export interface RateLimitSnapshot {
  readonly limit: number;
  readonly remaining: number;
  /** Unix epoch seconds when the oldest counted request leaves the hourly window. */
  readonly reset: number;
}

export type RateLimitDecision =
  | { readonly allowed: true; readonly snapshot: RateLimitSnapshot }
  | { readonly allowed: false; readonly snapshot: RateLimitSnapshot; readonly retryAfter: number };

const MINUTE = 60_000;
const HOUR = 3_600_000;

function checkLimit(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new EmulatorError(
      "invalid-option",
      `rateLimit.${name} must be a positive integer, got ${String(value)}`,
    );
  }
  return value;
}

export class RateLimiter {
  readonly perMinute: number;
  readonly perHour: number;
  /** When false, requests are counted and headers sent, but nothing is ever refused. */
  readonly enforced: boolean;
  readonly #hits = new Map<string, number[]>();

  constructor(defaults: Required<RateLimitOptions>, options: RateLimitOptions | false | undefined) {
    this.enforced = options !== false;
    const given = options === false ? undefined : options;
    this.perMinute = checkLimit("perMinute", given?.perMinute, defaults.perMinute);
    this.perHour = checkLimit("perHour", given?.perHour, defaults.perHour);
  }

  /** Counts one request for `key` unless a window is full. Refused requests are not counted. */
  consume(key: string, now = Date.now()): RateLimitDecision {
    const hits = this.#prune(key, now);
    const inMinute = hits.filter((t) => t > now - MINUTE);
    if (this.enforced && (hits.length >= this.perHour || inMinute.length >= this.perMinute)) {
      // The wait until the first full window frees a slot, rounded up to whole seconds.
      const hourWait = hits.length >= this.perHour ? hits[hits.length - this.perHour]! + HOUR - now : 0;
      const minuteWait =
        inMinute.length >= this.perMinute ? inMinute[inMinute.length - this.perMinute]! + MINUTE - now : 0;
      const retryAfter = Math.max(1, Math.ceil(Math.max(hourWait, minuteWait) / 1000));
      return { allowed: false, snapshot: this.#snapshot(hits, now), retryAfter };
    }
    hits.push(now);
    this.#hits.set(key, hits);
    return { allowed: true, snapshot: this.#snapshot(hits, now) };
  }

  /** The headers' view for `key` without counting a request (for answers made by faults). */
  peek(key: string, now = Date.now()): RateLimitSnapshot {
    return this.#snapshot(this.#prune(key, now), now);
  }

  #prune(key: string, now: number): number[] {
    const hits = (this.#hits.get(key) ?? []).filter((t) => t > now - HOUR);
    if (hits.length > 0) this.#hits.set(key, hits);
    else this.#hits.delete(key);
    return hits;
  }

  #snapshot(hits: readonly number[], now: number): RateLimitSnapshot {
    const oldest = hits[0];
    return {
      limit: this.perHour,
      remaining: Math.max(0, this.perHour - hits.length),
      reset: Math.ceil((oldest === undefined ? now : oldest + HOUR) / 1000),
    };
  }
}
