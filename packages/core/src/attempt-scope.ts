/** One attempt's deadline and the caller's AbortSignal, joined into one signal, and released when done. */

export interface AttemptScope {
  /** Aborts when the caller's signal aborts or the deadline passes. */
  readonly signal: AbortSignal;
  /** True once the deadline has passed (and the caller had not aborted first). */
  readonly timedOut: boolean;
  /**
   * What to stop when the signal aborts, called after the signal's own listeners: the fetch, then
   * each body (the response's and its clones'). Cheaper than event listeners, and an abort reaches
   * each stage directly even where undici's signal links are gone (nodejs/node#55428).
   */
  readonly stops: Set<() => void>;
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
  const controller = new AbortController();
  const signal = controller.signal;
  const abort = (reason: unknown) => {
    if (signal.aborted) return;
    controller.abort(reason);
    for (const stop of scope.stops) stop();
  };
  const onCallerAbort = () => abort(caller.reason);
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(() => {
          // The deadline has passed: abort, unless the caller got there first.
          if (caller.aborted) return;
          scope.timedOut = true;
          abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError"));
        }, timeoutMs)
      : undefined;
  const scope = {
    signal,
    timedOut: false,
    stops: new Set<() => void>(),
    release() {
      clearTimeout(timer);
      caller.removeEventListener("abort", onCallerAbort);
    },
  };
  // A response nobody reads must not keep the process alive until the deadline.
  (timer as { unref?: () => void } | undefined)?.unref?.();
  caller.addEventListener("abort", onCallerAbort);
  if (caller.aborted) onCallerAbort();
  return scope;
}

/**
 * `fetch(request, { headers, signal })` with the scope's signal (and `headers` when given), settled by
 * the scope too. undici links a
 * Request's signal to its parent through a weak reference, so after a garbage collection an abort
 * may never reach the fetch (nodejs/node#55428); this promise rejects with the signal's reason
 * regardless. A response that arrives after the abort has its body cancelled, so the connection is
 * not left open.
 */
export function fetchUntilAborted(
  baseFetch: typeof fetch,
  request: Request,
  headers: Headers | undefined,
  scope: AttemptScope,
): Promise<Response> {
  const { signal, stops } = scope;
  return new Promise<Response>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    stops.add(stop);
    baseFetch(request, headers ? { headers, signal } : { signal }).then(
      (response) => {
        stops.delete(stop);
        if (signal.aborted) response.body?.cancel().catch(ignore);
        else resolve(response);
      },
      (error: unknown) => {
        stops.delete(stop);
        reject(error);
      },
    );
  });
}

export const ignore = (): undefined => undefined;
