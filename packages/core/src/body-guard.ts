/** A response body that keeps its attempt's deadline and abort, and fails with typed errors. */
import { type AttemptScope, ignore } from "./attempt-scope.js";
import { type BodyGuard, GUARD, getPlatform } from "./guarded-prototype.js";

/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);

/**
 * The response, whose body keeps the attempt's deadline and turns read failures into typed errors
 * via `toError`. The scope is released when the body ends, fails or is cancelled (when every clone's
 * has). A Response made by the platform's fetch is returned as the same object, with guarded body
 * methods; no stream or Response is built unless the caller asks for `response.body` itself.
 */
export function guardBody(
  response: Response,
  scope: AttemptScope,
  toError: (error: unknown) => Error,
): Response {
  if (response.body === null || NULL_BODY_STATUSES.has(response.status)) {
    scope.release();
    return response;
  }
  const [prototype, bodyOf, bodyUsed, cloneOf] = getPlatform();
  // One stop per body still open (the response's and its clones'): the scope is released with the last.
  const { stops } = scope;

  /**
   * Keeps the deadline and the caller's signal on one response's body. The body the fetch produced
   * is read here, chunk by chunk: an abort cancels that read itself, whether or not undici's weak
   * signal links (nodejs/node#55428) still reach it.
   */
  const guard = (target: Response): Response => {
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    /** `response.body`, made when first asked for. */
    let stream: ReadableStream<Uint8Array> | undefined;
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    let settled = false;
    let failure: Error | undefined;

    /** The body as the fetch produced it (a clone replaces it with a tee branch, so ask each time). */
    const source = () => bodyOf.call(target);
    // A guarded response always has a body: `guardBody` passes the others through.
    const acquire = () => (reader ??= source()!.getReader());

    /** Ends the guard once: releases the attempt with the last body and keeps the typed error for every reader. */
    const settle = (error?: unknown, cancelled?: boolean): Error | undefined => {
      if (settled) return failure;
      settled = true;
      stops.delete(stop);
      if (error !== undefined) failure = toError(error);
      if (stops.size === 0) scope.release();
      if (controller && !cancelled) {
        if (failure) controller.error(failure);
        else controller.close();
      }
      return failure;
    };
    const broken = (error: unknown) => settle(error ?? new TypeError("Reading the response body failed"));

    /** The scope aborted: fail every reader with the typed error, and cancel the fetch's body. */
    const stop = () => {
      const reason: unknown = scope.signal.reason;
      settle(reason);
      const body = reader ?? source();
      if (body !== null && !(body as { locked?: boolean }).locked) body.cancel(reason).catch(ignore);
    };

    const body: BodyGuard = {
      async read(kind) {
        if (failure) throw failure;
        // `response.body` was asked for (looked at, or read from): read the rest of it through that
        // stream, with the platform's own checks (a locked or cancelled stream cannot be read).
        if (stream && !settled) return new Uint8Array(await new Response(stream).arrayBuffer());
        if (settled || source()!.locked || bodyUsed.call(target)) {
          throw new TypeError(`Response.${kind}: Body is unusable: Body has already been read`);
        }
        const chunks: Uint8Array[] = [];
        let length = 0;
        try {
          for (;;) {
            const { done, value } = await acquire().read();
            if (failure) throw failure;
            if (done) break;
            chunks.push(value);
            length += value.byteLength;
          }
        } catch (error) {
          throw broken(error);
        }
        settle();
        if (chunks.length === 1) return chunks[0]!;
        const bytes = new Uint8Array(length);
        length = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, length);
          length += chunk.byteLength;
        }
        return bytes;
      },

      stream() {
        stream ??= new ReadableStream<Uint8Array>(
          {
            start(streamController) {
              controller = streamController;
              if (failure) streamController.error(failure);
              else if (settled) streamController.close();
            },
            async pull(streamController) {
              try {
                const { done, value } = await acquire().read();
                if (settled) return;
                if (done) settle();
                else streamController.enqueue(value);
              } catch (error) {
                broken(error);
              }
            },
            async cancel(reason) {
              settle(undefined, true);
              await (reader ?? source())?.cancel(reason).catch(ignore);
            },
          },
          // Nothing is read from the fetch until the caller reads.
          { highWaterMark: 0 },
        );
        return stream;
      },

      clone() {
        if (failure) throw failure;
        if (settled || stream?.locked) throw new TypeError("Response.clone: Body has already been consumed.");
        return guard(cloneOf.call(target));
      },
    };

    // The same object, so its status, headers, url and type stay exactly as the fetch made them;
    // only the body methods change.
    Object.setPrototypeOf(target, prototype);
    (target as Response & { [GUARD]: BodyGuard })[GUARD] = body;
    stops.add(stop);
    // Aborted between the fetch and here: fail at once. (A clone is never made after an abort:
    // every body it could copy has failed or ended by then.)
    if (scope.signal.aborted) stop();
    return target;
  };

  // A subclass, or a Response from another implementation (a custom `fetch` may return either),
  // keeps its prototype: a plain Response over the same body is guarded instead.
  return guard(Object.getPrototypeOf(response) === Response.prototype ? response : nativeCopy(response));
}

/**
 * A plain Response over the same body (a Response is itself a valid init: status, statusText,
 * headers), with the real `url` (a constructed one has none) for error messages.
 */
function nativeCopy(response: Response): Response {
  return Object.defineProperties(new Response(response.body, response), {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
}
