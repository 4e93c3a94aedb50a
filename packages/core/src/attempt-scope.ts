/** One attempt's deadline and the caller's AbortSignal, joined into one signal, and released when done. */

export interface AttemptScope {
  /** Aborts when the caller's signal aborts or the deadline passes. */
  readonly signal: AbortSignal;
  /** True once the deadline has passed (and the caller had not aborted first). */
  timedOut(): boolean;
  /**
   * Calls `onAbort` (at once if the scope has already aborted) when the signal aborts, after the
   * signal's own listeners, in place of the one set before; `undefined` clears it. Cheaper than an
   * event listener, and the attempt has one stage at a time to stop: the fetch, then its body.
   */
  watch(onAbort: (() => void) | undefined): void;
  /** Clears the timer and the listener on the caller's signal. Safe to call more than once. */
  release(): void;
}

/**
 * Starts the clock for one attempt. The deadline covers the response headers and the body: the
 * scope is released only when the body has been read, cancelled or has failed (see `guardBody`).
 * A plain controller and timer: `AbortSignal.timeout` and `AbortSignal.any` cost several times more
 * per call, and `any` leaves a listener on the caller's signal until a garbage collection.
 */
export function startAttemptScope(caller: AbortSignal, timeoutMs: number): AttemptScope {
  return new Scope(caller, timeoutMs);
}

class Scope implements AttemptScope {
  readonly signal: AbortSignal;
  readonly #controller: AbortController;
  readonly #caller: AbortSignal;
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  #released = false;
  #watcher: (() => void) | undefined;
  readonly #onCallerAbort = () => this.#abort(this.#caller.reason);

  constructor(caller: AbortSignal, timeoutMs: number) {
    this.#controller = new AbortController();
    this.signal = this.#controller.signal;
    this.#caller = caller;
    this.#timeoutMs = timeoutMs;
    caller.addEventListener("abort", this.#onCallerAbort);
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
      this.#timer = setTimeout(onTimeout, timeoutMs, this);
      // A response nobody reads must not keep the process alive until the deadline.
      this.#timer.unref?.();
    }
    if (caller.aborted) this.#onCallerAbort();
  }

  timedOut(): boolean {
    return this.#timedOut;
  }

  /** The deadline has passed: abort, unless the caller got there first. */
  expire(): void {
    if (this.#caller.aborted) return;
    this.#timedOut = true;
    this.#abort(new DOMException(`Timed out after ${this.#timeoutMs} ms`, "TimeoutError"));
  }

  #abort(reason: unknown): void {
    if (this.signal.aborted) return;
    this.#controller.abort(reason);
    this.#watcher?.();
  }

  watch(onAbort: (() => void) | undefined): void {
    this.#watcher = onAbort;
    if (this.signal.aborted) onAbort?.();
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#caller.removeEventListener("abort", this.#onCallerAbort);
  }
}

function onTimeout(scope: Scope): void {
  scope.expire();
}

/**
 * `fetch(request, init)`, where `init.signal` is the scope's, settled by the scope too. undici links a
 * Request's signal to its parent through a weak reference, so after a garbage collection an abort
 * may never reach the fetch (nodejs/node#55428); this promise rejects with the signal's reason
 * regardless. A response that arrives after the abort has its body cancelled, so the connection is
 * not left open.
 */
export function fetchUntilAborted(
  baseFetch: typeof fetch,
  request: Request,
  init: RequestInit & { readonly signal: AbortSignal },
  scope: AttemptScope,
): Promise<Response> {
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    scope.watch(() => reject(signal.reason));
    if (signal.aborted) return;
    baseFetch(request, init).then(
      (response) => {
        scope.watch(undefined);
        if (signal.aborted) response.body?.cancel().catch(() => undefined);
        else resolve(response);
      },
      (error: unknown) => {
        scope.watch(undefined);
        reject(error);
      },
    );
  });
}
