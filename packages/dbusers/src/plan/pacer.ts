/**
 * A `fetch` that slows down instead of failing when a vendor says "too many requests". It sits
 * under the vendor client's own transport, so a 429 (or Rackspace's 413 "over limit", which comes
 * with `Retry-After`: docs/vendors/rackspace.md) is waited out and sent again before the client
 * sees it: the server refused it before doing anything, so sending it again is safe even for a
 * create. Every request sharing one credential shares one pacer, so once the vendor asks for a
 * pause, no request with that credential goes out until the pause is over; `ratelimit-remaining: 0`
 * with `ratelimit-reset` (DigitalOcean: docs/vendors/digitalocean.md) pauses ahead of the 429.
 */
import { sleep as defaultSleep, parseRetryAfter } from "@dbusers/core";

export interface PacerOptions {
  /** Waits before giving the 429 back to the client. Default 30. */
  readonly maxWaits?: number;
  /** The longest single pause, in ms (a server asking for longer is waited for this long, then asked again). Default 60 000. */
  readonly maxPauseMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export interface PacerStats {
  /** Requests sent (each resend counts). */
  sent: number;
  /** Answers that asked to slow down (429, or 413 with Retry-After). */
  limited: number;
  /** Total time spent paused, ms. */
  pausedMs: number;
}

export interface Pacer {
  wrap(inner: typeof fetch): typeof fetch;
  readonly stats: PacerStats;
}

function isRateLimited(response: Response): boolean {
  return response.status === 429 || (response.status === 413 && response.headers.has("retry-after"));
}

export function createPacer(options: PacerOptions = {}): Pacer {
  const maxWaits = options.maxWaits ?? 30;
  const maxPauseMs = options.maxPauseMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => defaultSleep(ms));
  const now = options.now ?? Date.now;
  const stats: PacerStats = { sent: 0, limited: 0, pausedMs: 0 };
  let resumeAt = 0;

  async function waitTurn(signal: AbortSignal | null | undefined): Promise<void> {
    for (;;) {
      const wait = resumeAt - now();
      if (wait <= 0) return;
      signal?.throwIfAborted();
      stats.pausedMs += wait;
      await sleep(wait);
    }
  }

  function pauseFor(response: Response, attempt: number): void {
    const asked = parseRetryAfter(response.headers, now(), { rateLimitReset: true });
    const fallback = Math.min(maxPauseMs, 1000 * 2 ** Math.min(attempt, 6));
    const wait = Math.min(maxPauseMs, asked ?? fallback);
    resumeAt = Math.max(resumeAt, now() + wait);
  }

  function noteHeaders(response: Response): void {
    if (response.headers.get("ratelimit-remaining") !== "0") return;
    const reset = Number(response.headers.get("ratelimit-reset"));
    if (!Number.isFinite(reset) || reset <= 0) return;
    // Epoch seconds (DigitalOcean); a small number is seconds from now.
    const at = reset > 1e9 ? reset * 1000 : now() + reset * 1000;
    resumeAt = Math.max(resumeAt, Math.min(at, now() + maxPauseMs));
  }

  return {
    stats,
    wrap(inner) {
      return async (input, init) => {
        const request = new Request(input, init);
        for (let attempt = 0; ; attempt++) {
          await waitTurn(request.signal);
          stats.sent++;
          const response = await inner(request.clone());
          if (!isRateLimited(response) || attempt >= maxWaits) {
            noteHeaders(response);
            return response;
          }
          stats.limited++;
          await response.body?.cancel().catch(() => undefined);
          pauseFor(response, attempt);
        }
      };
    },
  };
}
