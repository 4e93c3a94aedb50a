/**
 * Sliding-window rate limiting per credential, counted in whole seconds. DigitalOcean allows 250
 * requests a minute and 5,000 an hour; `ratelimit-*` headers describe the hourly window
 * (docs/vendors/digitalocean.md §10). The clock is `Date.now()`, so tests can move
 * it with fake timers.
 *
 * Each key keeps one count per second of the last hour in a fixed ring (14 kB), so a request costs
 * the same after a million requests as after one, and memory does not grow with traffic. Keys are
 * credentials a vendor has already accepted; past `MAX_KEYS` the least recently used is forgotten.
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

const MINUTE = 60;
const HOUR = 3600;
/** The most credentials counted at once; more only happens with many configured keys or tokens. */
export const MAX_KEYS = 256;

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

/** Counts per second over the last hour, with running totals for the hour and the minute. */
class Window {
  readonly counts = new Uint32Array(HOUR);
  /** The latest second the ring describes; seconds before `now - 3599` are zero. */
  latest = Number.NEGATIVE_INFINITY;
  /** The oldest second that may still hold a count (moves forward only). */
  oldest = Number.POSITIVE_INFINITY;
  hour = 0;
  minute = 0;

  /** Moves the ring to `now`, dropping what left each window; amortised O(1). */
  advance(now: number): void {
    if (now <= this.latest) return;
    if (now - this.latest >= HOUR) {
      this.counts.fill(0);
      this.hour = 0;
      this.minute = 0;
      this.oldest = Number.POSITIVE_INFINITY;
    } else {
      for (let second = this.latest + 1; second <= now; second += 1) {
        this.minute -= this.counts[(second - MINUTE) % HOUR]!;
        const slot = second % HOUR;
        this.hour -= this.counts[slot]!;
        this.counts[slot] = 0;
      }
    }
    this.latest = now;
    if (this.hour === 0) {
      this.oldest = Number.POSITIVE_INFINITY;
      return;
    }
    // A slot that left the hour is shared with a second inside it, so start inside the window.
    this.oldest = Math.max(this.oldest, now - HOUR + 1);
    while (this.counts[this.oldest % HOUR] === 0) this.oldest += 1;
  }

  add(now: number): void {
    this.counts[now % HOUR]! += 1;
    this.hour += 1;
    this.minute += 1;
    if (now < this.oldest) this.oldest = now;
  }

  /** Seconds from `now` until fewer than `limit` counts remain within `span` seconds. */
  waitFor(now: number, span: number, limit: number, total: number): number {
    let left = total;
    for (let second = Math.max(this.oldest, now - span + 1); second <= now; second += 1) {
      left -= this.counts[second % HOUR]!;
      if (left < limit) return second + span - now;
    }
    return span;
  }
}

export class RateLimiter {
  readonly perMinute: number;
  readonly perHour: number;
  /** When false, requests are counted and headers sent, but nothing is ever refused. */
  readonly enforced: boolean;
  /** Insertion order is recency: a key is moved to the end each time it is used. */
  readonly #windows = new Map<string, Window>();

  constructor(defaults: Required<RateLimitOptions>, options: RateLimitOptions | false | undefined) {
    this.enforced = options !== false;
    const given = options === false ? undefined : options;
    this.perMinute = checkLimit("perMinute", given?.perMinute, defaults.perMinute);
    this.perHour = checkLimit("perHour", given?.perHour, defaults.perHour);
  }

  /** Counts one request for `key` unless a window is full. Refused requests are not counted. */
  consume(key: string, nowMs = Date.now()): RateLimitDecision {
    const now = Math.floor(nowMs / 1000);
    const window = this.#window(key, now);
    const hourFull = window.hour >= this.perHour;
    const minuteFull = window.minute >= this.perMinute;
    if (this.enforced && (hourFull || minuteFull)) {
      const hourWait = hourFull ? window.waitFor(now, HOUR, this.perHour, window.hour) : 0;
      const minuteWait = minuteFull ? window.waitFor(now, MINUTE, this.perMinute, window.minute) : 0;
      const retryAfter = Math.max(1, hourWait, minuteWait);
      return { allowed: false, snapshot: this.#snapshot(window, now), retryAfter };
    }
    window.add(now);
    return { allowed: true, snapshot: this.#snapshot(window, now) };
  }

  /** The headers' view for `key` without counting a request (for answers made by faults or refused). */
  peek(key: string, nowMs = Date.now()): RateLimitSnapshot {
    const now = Math.floor(nowMs / 1000);
    const window = this.#windows.get(key);
    if (window === undefined) return { limit: this.perHour, remaining: this.perHour, reset: now };
    window.advance(now);
    return this.#snapshot(window, now);
  }

  /** Forgets every count. */
  clear(): void {
    this.#windows.clear();
  }

  /** How many credentials are being counted (at most `MAX_KEYS`). */
  get size(): number {
    return this.#windows.size;
  }

  #window(key: string, now: number): Window {
    let window = this.#windows.get(key);
    if (window === undefined) {
      window = new Window();
      if (this.#windows.size >= MAX_KEYS) this.#windows.delete(this.#windows.keys().next().value!);
    } else this.#windows.delete(key);
    this.#windows.set(key, window);
    window.advance(now);
    return window;
  }

  #snapshot(window: Window, now: number): RateLimitSnapshot {
    const oldest = window.hour === 0 ? now - HOUR : window.oldest;
    return {
      limit: this.perHour,
      remaining: Math.max(0, this.perHour - window.hour),
      reset: oldest + HOUR,
    };
  }
}
