/**
 * Lean `Headers`, `Request` and `Response` for the `dbusers` process. On Node 20 the platform's
 * classes live in undici, and the first touch of any of them (a `new Headers()`, even an
 * `instanceof Request`) compiles undici's whole bundle: about as much CPU as starting Node itself,
 * which alone would break the CLI's cold-start budget (bench/cold-start.mjs). The CLI sends through
 * `node:http` (node-fetch.ts) and buffers every body, so it needs only the behaviour below, which
 * follows the Fetch standard for it: case-insensitive names, combined values, sorted iteration,
 * invalid names or values refused with a `TypeError`, bodies read once. Only the binary installs
 * them (bin.ts), before anything else loads; the library never does. test/lean-web.test.ts holds
 * them equal to the platform's for what the clients use.
 */

/** RFC 9110 token characters: what a header name may hold. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A value may not hold NUL, CR or LF (the platform refuses them too). */
const BAD_VALUE = /[\0\r\n]/;
/** Leading and trailing HTTP whitespace is dropped from values. */
const EDGE_SPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

type HeadersInput = LeanHeaders | Headers | Iterable<readonly [string, string]> | Record<string, string>;

function headerName(name: string): string {
  const text = String(name);
  if (!TOKEN.test(text)) throw new TypeError(`Headers: invalid header name ${JSON.stringify(text)}`);
  return text.toLowerCase();
}

function headerValue(value: string): string {
  const text = String(value).replace(EDGE_SPACE, "");
  if (BAD_VALUE.test(text)) throw new TypeError("Headers: invalid header value");
  return text;
}

export class LeanHeaders {
  readonly #values = new Map<string, string[]>();

  constructor(init?: HeadersInput | null) {
    if (init === undefined || init === null) return;
    if (typeof (init as { forEach?: unknown }).forEach === "function" && !Array.isArray(init)) {
      (init as LeanHeaders).forEach((value, name) => {
        this.append(name, value);
      });
      return;
    }
    if (typeof (init as Iterable<unknown>)[Symbol.iterator] === "function") {
      for (const pair of init as Iterable<readonly [string, string]>) {
        if (pair.length !== 2) throw new TypeError("Headers: each pair must be [name, value]");
        this.append(pair[0], pair[1]);
      }
      return;
    }
    for (const [name, value] of Object.entries(init as Record<string, string>)) this.append(name, value);
  }

  append(name: string, value: string): void {
    const key = headerName(name);
    const list = this.#values.get(key);
    if (list === undefined) this.#values.set(key, [headerValue(value)]);
    else list.push(headerValue(value));
  }

  set(name: string, value: string): void {
    this.#values.set(headerName(name), [headerValue(value)]);
  }

  get(name: string): string | null {
    return this.#values.get(headerName(name))?.join(", ") ?? null;
  }

  getSetCookie(): string[] {
    return [...(this.#values.get("set-cookie") ?? [])];
  }

  has(name: string): boolean {
    return this.#values.has(headerName(name));
  }

  delete(name: string): void {
    this.#values.delete(headerName(name));
  }

  /** Sorted by name; `set-cookie` values stay separate, as the standard says. */
  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.#values.keys()].sort()) {
      const list = this.#values.get(name)!;
      if (name === "set-cookie") for (const value of list) yield [name, value];
      else yield [name, list.join(", ")];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: string, name: string, headers: LeanHeaders) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

type BodyInput = string | Uint8Array | ArrayBuffer | null | undefined;

function bytesOf(body: BodyInput): Uint8Array | null {
  if (body === undefined || body === null) return null;
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError("this process sends and reads only string and byte bodies");
}

/** The part of a `ReadableStream` the clients use: one reader, or a cancel. */
interface LeanStream {
  getReader(): {
    read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
    cancel(): Promise<void>;
    releaseLock(): void;
  };
  cancel(): Promise<void>;
}

/** A buffered body, read once, as `Request` and `Response` share it. */
class Body {
  #bytes: Uint8Array | null;
  #used = false;

  constructor(body: BodyInput) {
    this.#bytes = bytesOf(body);
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** The bytes, once; a second read is the platform's `TypeError`. */
  protected take(): Uint8Array {
    if (this.#used) throw new TypeError("Body is unusable: body has already been read");
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }

  protected peek(): Uint8Array | null {
    return this.#bytes;
  }

  get body(): LeanStream | null {
    if (this.#bytes === null) return null;
    const take = () => this.take();
    let done = false;
    return {
      getReader: () => ({
        read: async () => {
          if (done) return { done: true };
          done = true;
          return { done: false, value: take() };
        },
        cancel: async () => {
          done = true;
        },
        releaseLock: () => {},
      }),
      cancel: async () => {
        done = true;
      },
    };
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(this.take());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

export interface LeanResponseInit {
  readonly status?: number;
  readonly statusText?: string;
  readonly headers?: HeadersInput;
}

export class LeanResponse extends Body {
  readonly status: number;
  readonly statusText: string;
  readonly headers: LeanHeaders;
  readonly url: string = "";
  readonly redirected = false;
  readonly type = "default";

  constructor(body?: BodyInput, init: LeanResponseInit = {}) {
    super(body);
    const status = init.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError(`Response: status ${status} is outside 200..599`);
    }
    this.status = status;
    this.statusText = init.statusText ?? "";
    this.headers = new LeanHeaders(init.headers);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  clone(): LeanResponse {
    const copy = new LeanResponse(this.peek()?.slice() ?? null, this);
    Object.defineProperty(copy, "url", { value: this.url });
    return copy;
  }
}

export interface LeanRequestInit {
  readonly method?: string;
  readonly headers?: HeadersInput;
  readonly body?: BodyInput;
  readonly signal?: AbortSignal | null;
}

export class LeanRequest extends Body {
  readonly url: string;
  readonly method: string;
  readonly headers: LeanHeaders;
  readonly signal: AbortSignal;

  constructor(input: string | URL | LeanRequest, init: LeanRequestInit = {}) {
    const from = input instanceof LeanRequest ? input : undefined;
    super(init.body !== undefined ? init.body : (from?.peek()?.slice() ?? null));
    this.url = from?.url ?? new URL(String(input)).href;
    this.method = (init.method ?? from?.method ?? "GET").toUpperCase();
    if ((this.method === "GET" || this.method === "HEAD") && this.peek() !== null) {
      throw new TypeError(`Request with ${this.method} method cannot have a body`);
    }
    this.headers = new LeanHeaders(init.headers ?? from?.headers);
    this.signal = init.signal ?? from?.signal ?? new AbortController().signal;
  }

  clone(): LeanRequest {
    return new LeanRequest(this);
  }
}

/** Puts the lean classes where the platform's are. For the CLI process only, before anything loads. */
export function installLeanWeb(scope: typeof globalThis = globalThis): void {
  for (const [name, value] of [
    ["Headers", LeanHeaders],
    ["Request", LeanRequest],
    ["Response", LeanResponse],
  ] as const) {
    Object.defineProperty(scope, name, { value, writable: true, configurable: true, enumerable: false });
  }
}
