/** One attempt's deadline and the caller's AbortSignal, joined into one signal, and released when done. */

export interface AttemptScope {
  /** Aborts when the caller's signal aborts or the deadline passes. */
  readonly signal: AbortSignal;
  /** True once the deadline has passed (and the caller had not aborted first). */
  timedOut(): boolean;
  /** Clears the timer and the listener on the caller's signal. Safe to call more than once. */
  release(): void;
}

/**
 * Starts the clock for one attempt. The deadline covers the response headers and the body: the
 * scope is released only when the body has been read, cancelled or has failed (see `guardBody`).
 */
export function startAttemptScope(caller: AbortSignal, timeoutMs: number): AttemptScope {
  const controller = new AbortController();
  let timedOut = false;
  let released = false;
  const onCallerAbort = () => controller.abort(caller.reason);
  caller.addEventListener("abort", onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
    timer = setTimeout(() => {
      if (caller.aborted) return;
      timedOut = true;
      controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError"));
    }, timeoutMs);
    // A response nobody reads must not keep the process alive until the deadline.
    timer.unref?.();
  }
  if (caller.aborted) onCallerAbort();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release() {
      if (released) return;
      released = true;
      if (timer !== undefined) clearTimeout(timer);
      caller.removeEventListener("abort", onCallerAbort);
    },
  };
}

/**
 * `fetch(request, { signal })`, settled by the signal too. undici links a Request's signal to its
 * parent through a weak reference, so after a garbage collection an abort may never reach the
 * fetch (nodejs/node#55428); this promise rejects with the signal's reason regardless. A response
 * that arrives after the abort has its body cancelled, so the connection is not left open.
 */
export function fetchUntilAborted(
  baseFetch: typeof fetch,
  request: Request,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    baseFetch(request, { signal }).then(
      (response) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) response.body?.cancel().catch(() => undefined);
        else resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The same response, with a body that keeps the attempt's deadline and turns read failures into
 * typed errors via `toError`. The scope is released when the body ends, fails or is cancelled.
 */
export function guardBody(
  response: Response,
  scope: AttemptScope,
  toError: (error: unknown) => Error,
): Response {
  const source = response.body;
  if (source === null || NULL_BODY_STATUSES.has(response.status)) {
    scope.release();
    return response;
  }
  const reader = source.getReader();
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  let finished = false;
  const finish = (error?: unknown) => {
    if (finished) return;
    finished = true;
    scope.signal.removeEventListener("abort", onAbort);
    scope.release();
    if (error === undefined) stream?.close();
    else stream?.error(toError(error));
  };
  // Same reason as in fetchUntilAborted: do not count on the abort reaching undici's body stream.
  const onAbort = () => {
    finish(scope.signal.reason);
    reader.cancel(scope.signal.reason).catch(() => undefined);
  };
  scope.signal.addEventListener("abort", onAbort, { once: true });
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      stream = controller;
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (finished) return;
        if (done) finish();
        else controller.enqueue(value);
      } catch (error) {
        finish(error);
      }
    },
    async cancel(reason) {
      finished = true;
      scope.signal.removeEventListener("abort", onAbort);
      scope.release();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
  if (scope.signal.aborted) onAbort();
  const guarded = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A constructed Response has an empty `url`; keep the real one for error messages.
  Object.defineProperty(guarded, "url", { value: response.url });
  Object.defineProperty(guarded, "redirected", { value: response.redirected });
  return guarded;
}
