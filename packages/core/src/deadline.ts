/**
 * Attempt deadlines without a timer and an AbortController per attempt: on Node 20 creating an
 * AbortSignal alone costs about 5 µs, a large share of what the client cost over a bare `fetch`
 * (fetch's own work for a signal, a listener, a WeakRef and a finalizer per request, stays).
 * Attempts that start within the same short window share one controller instead,
 * aborted once the last of them has had its full `timeoutMs`: every attempt gets at least
 * `timeoutMs` and at most one window more (a 64th of it, at most 20 ms). A window takes at most 8
 * attempts: fetch leaves a listener on the signal until the request is garbage-collected, and
 * listeners are kept in a list walked on each add. A window whose attempts have all ended gives up
 * its timer, so nothing keeps the process alive once no request is in flight.
 */

/** The longest window: how much later than `timeoutMs` an attempt may be cut off. */
const MAX_WINDOW_MS = 20;
/** The most attempts one window's signal is given to. */
const MAX_ATTEMPTS = 8;
/** setTimeout's longest delay; a longer deadline is, for any request, no deadline. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The attempts that started within one window, and the controller that ends the ones left. */
export class DeadlineWindow {
  readonly controller = new AbortController();
  readonly signal: AbortSignal = this.controller.signal;
  /** True once the deadline passed and the signal was aborted for it. */
  expired = false;
  /** Attempts started in this window that have not ended. */
  pending = 0;
  /** Attempts started in this window. */
  started = 0;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface Deadlines {
  /** The window a new attempt joins; pass it to `end` when the attempt is over, whatever happened. */
  start(): DeadlineWindow;
  end(window: DeadlineWindow): void;
}

export function createDeadlines(timeoutMs: number): Deadlines {
  const windowMs = Math.min(MAX_WINDOW_MS, timeoutMs / 64);
  const delayMs = Math.min(MAX_TIMER_MS, timeoutMs + windowMs);
  let open: DeadlineWindow | undefined;
  let closesAt = 0;

  const expire = (window: DeadlineWindow) => {
    if (window === open) open = undefined;
    window.expired = true;
    window.controller.abort();
  };

  return {
    start() {
      const now = performance.now();
      let window = open;
      if (window === undefined || now >= closesAt || window.started === MAX_ATTEMPTS) {
        // The window closing has no attempt left: its timer has nothing to cut off.
        if (window !== undefined && window.pending === 0) clearTimeout(window.timer);
        window = new DeadlineWindow();
        window.timer = setTimeout(expire, delayMs, window);
        open = window;
        closesAt = now + windowMs;
      } else if (window.pending === 0) {
        // An idle open window's timer was unref'd (see `end`): an attempt in flight holds the process again.
        window.timer?.ref();
      }
      window.pending++;
      window.started++;
      return window;
    },
    end(window) {
      if (--window.pending > 0) return;
      // The open window may still take attempts: keep its timer, but let the process exit meanwhile.
      if (window === open) window.timer?.unref();
      else clearTimeout(window.timer);
    },
  };
}
