/** A response body that keeps its attempt's deadline and abort, and fails with typed errors. */
import type { AttemptScope } from "./attempt-scope.js";
import {
  type BodyKind,
  GUARD,
  type GuardedResponse,
  getPlatform,
  type Platform,
} from "./guarded-prototype.js";

/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const ignore = () => undefined;

/** One attempt, held by a guarded response and its clones; the scope is released when the last body settles. */
class Lease {
  #holders = 0;
  /** The guards to stop when the scope aborts: one, or more once the response is cloned. */
  readonly #watching: BodyGuard[] = [];
  readonly #abortAll = () => {
    for (const guard of this.#watching.slice()) guard.abort();
  };

  constructor(
    readonly scope: AttemptScope,
    readonly toError: (error: unknown) => Error,
  ) {}

  hold(): void {
    this.#holders += 1;
  }

  drop(): void {
    this.#holders -= 1;
    if (this.#holders === 0) this.scope.release();
  }

  watch(guard: BodyGuard): void {
    this.#watching.push(guard);
    this.scope.watch(this.#abortAll);
  }

  unwatch(guard: BodyGuard): void {
    const index = this.#watching.indexOf(guard);
    if (index !== -1) this.#watching.splice(index, 1);
    if (this.#watching.length === 0) this.scope.watch(undefined);
  }
}

/**
 * Keeps the attempt's deadline and the caller's signal on a response body, and turns read failures
 * into typed errors. The body the fetch produced is read here, chunk by chunk: an abort cancels that
 * read itself, whether or not undici's weak signal links (nodejs/node#55428) still reach it.
 */
export class BodyGuard {
  readonly #response: Response;
  /** Dropped once the body settles: undici can keep a response reachable until a full GC. */
  #lease: Lease | undefined;
  readonly #platform: Platform;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #stream: ReadableStream<Uint8Array> | undefined;
  /** `#stream` has been pulled from or cancelled. */
  #streamUsed = false;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  #settled = false;
  #failure: Error | undefined;

  constructor(response: Response, lease: Lease, platform: Platform) {
    this.#response = response;
    this.#lease = lease;
    this.#platform = platform;
    lease.hold();
    lease.watch(this);
  }

  /** The body as the fetch produced it. */
  #source(): ReadableStream<Uint8Array> | null {
    return this.#platform.body.call(this.#response);
  }

  #acquire(): ReadableStreamDefaultReader<Uint8Array> {
    if (this.#reader === undefined) {
      const source = this.#source();
      if (source === null) throw new TypeError("Response has no body");
      this.#reader = source.getReader();
    }
    return this.#reader;
  }

  /** Ends the guard once: releases the attempt and, on failure, keeps the typed error for every reader. */
  #settle(error?: unknown, cancelled = false): Error | undefined {
    if (this.#settled) return this.#failure;
    this.#settled = true;
    const lease = this.#lease!;
    this.#lease = undefined;
    lease.unwatch(this);
    if (error !== undefined) this.#failure = lease.toError(error);
    lease.drop();
    const controller = this.#controller;
    if (controller !== undefined && !cancelled) {
      if (this.#failure === undefined) controller.close();
      else controller.error(this.#failure);
    }
    return this.#failure;
  }

  abort(): void {
    if (this.#lease === undefined) return;
    const reason: unknown = this.#lease.scope.signal.reason;
    this.#settle(reason);
    if (this.#reader !== undefined) {
      this.#reader.cancel(reason).catch(ignore);
      return;
    }
    const source = this.#source();
    if (source !== null && !source.locked) source.cancel(reason).catch(ignore);
  }

  /** The whole body, read through the guard. */
  async read(kind: BodyKind): Promise<Uint8Array> {
    if (this.#failure !== undefined) throw this.#failure;
    const stream = this.#stream;
    if (stream !== undefined) {
      // `response.body` was read from: read the rest of it, with the platform's own checks.
      if (stream.locked || this.#streamUsed) return new Uint8Array(await new Response(stream).arrayBuffer());
      // Only looked at (`response.body === null`, say): lock it, as reading the body does, and go on.
      stream.getReader();
    }
    const source = this.#source();
    if (source === null) return new Uint8Array(0);
    if (source.locked || this.#platform.bodyUsed.call(this.#response)) {
      throw new TypeError(`Response.${kind}: Body is unusable: Body has already been read`);
    }
    const reader = this.#acquire();
    const chunks: Uint8Array[] = [];
    let length = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (this.#failure !== undefined) throw this.#failure;
        if (done) break;
        chunks.push(value);
        length += value.byteLength;
      }
    } catch (error) {
      throw this.#settle(error ?? new TypeError("Reading the response body failed"));
    }
    this.#settle();
    if (chunks.length === 1) return chunks[0]!;
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  /** `blob()` and `formData()` need the platform's MIME type handling: read, then let a plain Response parse. */
  async viaPlatform(kind: "blob" | "formData"): Promise<Blob | FormData> {
    const copy = new Response(await this.read(kind), { headers: this.#response.headers });
    return kind === "blob" ? copy.blob() : copy.formData();
  }

  /** `response.body`: a stream over the fetch's body that carries the guard. Made when first asked for. */
  stream(): ReadableStream<Uint8Array> {
    this.#stream ??= new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
          if (this.#failure !== undefined) controller.error(this.#failure);
          else if (this.#settled) controller.close();
        },
        pull: async (controller) => {
          this.#streamUsed = true;
          try {
            const { done, value } = await this.#acquire().read();
            if (this.#settled) return;
            if (done) this.#settle();
            else controller.enqueue(value);
          } catch (error) {
            this.#settle(error ?? new TypeError("Reading the response body failed"));
          }
        },
        cancel: async (reason) => {
          this.#streamUsed = true;
          this.#settle(undefined, true);
          if (this.#reader !== undefined) await this.#reader.cancel(reason).catch(ignore);
          else await this.#source()?.cancel(reason).catch(ignore);
        },
      },
      // Nothing is read from the fetch until the caller reads.
      { highWaterMark: 0 },
    );
    return this.#stream;
  }

  /** A second response over the same attempt, guarded the same way. */
  clone(): Response {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#lease === undefined || this.#stream?.locked) {
      throw new TypeError("Response.clone: Body has already been consumed.");
    }
    const copy = this.#platform.clone.call(this.#response);
    return guard(copy, this.#lease, this.#platform);
  }
}

function guard(response: Response, lease: Lease, platform: Platform): Response {
  // The same object, so its status, headers, url and type stay exactly as the fetch made them; only
  // the body methods change.
  Object.setPrototypeOf(response, platform.prototype);
  (response as GuardedResponse)[GUARD] = new BodyGuard(response, lease, platform);
  return response;
}

/**
 * A plain Response over the same body, for one this module should not change the prototype of: a
 * subclass, or a Response from another implementation (a custom `fetch` may return either).
 */
function nativeCopy(response: Response): Response {
  const copy = new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A constructed Response has an empty `url`; keep the real one for error messages.
  Object.defineProperty(copy, "url", { value: response.url });
  Object.defineProperty(copy, "redirected", { value: response.redirected });
  return copy;
}

/**
 * The response, whose body keeps the attempt's deadline and turns read failures into typed errors
 * via `toError`. The scope is released when the body ends, fails or is cancelled. A Response made
 * by the platform's fetch is returned as the same object, with guarded body methods; no stream or
 * Response is built unless the caller asks for `response.body` itself.
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
  const own = Object.getPrototypeOf(response) === Response.prototype ? response : nativeCopy(response);
  return guard(own, new Lease(scope, toError), getPlatform());
}
