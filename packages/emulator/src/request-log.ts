/**
 * What the emulator received, for tests that assert "the client sent this" or "sent nothing". The
 * log is bounded: the newest `maxEntries` requests, bodies up to `maxBodyBytes` and `maxDepth`
 * levels of nesting, and only bodies of requests carrying a credential the vendor accepts.
 */
import type { IncomingHttpHeaders } from "node:http";
import { EmulatorError } from "./errors.js";
import type { VendorName } from "./vendors.js";

export type { VendorName } from "./vendors.js";

/** The text put in place of a credential in the log. */
export const REDACTED = "[REDACTED]";

export interface RequestLogOptions {
  /** How many requests are kept; the oldest go first. Default 1,000. */
  readonly maxEntries?: number;
  /** Larger bodies are not kept (`bodyOmitted: "too-large"`). Default 65,536 bytes. */
  readonly maxBodyBytes?: number;
  /** JSON nested deeper is not kept (`bodyOmitted: "too-deep"`). Default 64. */
  readonly maxDepth?: number;
}

/** Why a request's body is not in the log. */
export type BodyOmitted = "unauthenticated" | "too-large" | "too-deep";

/** One request as the emulator saw it. Credentials are never kept. */
export interface RecordedRequest {
  /** The vendor whose routes the path belongs to; `undefined` when no vendor serves it. */
  readonly vendor: VendorName | undefined;
  /** The route's operationId from the vendor's spec, e.g. `databases_add_user`. */
  readonly operationId: string | undefined;
  readonly method: string;
  /** The path as sent, still percent-encoded, without the query string. */
  readonly path: string;
  /** The query string without `?`, or "" when there is none. */
  readonly query: string;
  /** Lower-case names; `authorization`, `proxy-authorization` and `cookie` values are redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON; the raw text when it is not JSON; `undefined` when empty or omitted. */
  readonly body: unknown;
  /** The body's size in bytes as received (at most the server's 1 MiB read limit). */
  readonly bodySize: number;
  /** Set when a non-empty body was not kept, and why. */
  readonly bodyOmitted: BodyOmitted | undefined;
  /** The status sent back; `undefined` while in flight or when a `drop` fault reset the connection. */
  readonly status: number | undefined;
  /** The fault that changed the answer, if any. */
  readonly fault: string | undefined;
  readonly requestId: string;
  /** `Date.now()` when the request arrived. */
  readonly receivedAt: number;
}

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie"]);

/** Keeps the scheme word (`Bearer`) so a test can tell how the client authenticated, never the credential. */
function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name)) return value;
  const scheme = name === "cookie" ? undefined : /^([A-Za-z][A-Za-z0-9-]*) /.exec(value)?.[1];
  return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    out[name] = redactHeader(name, text);
  }
  return out;
}

/** The deepest nesting of `[`/`{` outside strings; stops counting past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return deepest;
}

type Limits = Required<RequestLogOptions>;

const DEFAULTS: Limits = { maxEntries: 1000, maxBodyBytes: 65_536, maxDepth: 64 };

function checkLimits(options: RequestLogOptions | undefined): Limits {
  const limits = { ...DEFAULTS, ...options };
  for (const key of Object.keys(DEFAULTS) as (keyof Limits)[]) {
    const value = limits[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new EmulatorError(
        "invalid-option",
        `requestLog.${key} must be a positive integer, got ${String(value)}`,
      );
    }
  }
  const unknown = Object.keys(options ?? {}).filter((key) => !(key in DEFAULTS));
  if (unknown.length > 0) {
    throw new EmulatorError("invalid-option", `unknown requestLog option ${unknown.join(", ")}`);
  }
  return limits;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type NewEntry = Omit<RecordedRequest, "status" | "fault" | "body" | "bodySize" | "bodyOmitted">;

/** The newest requests in a ring; entries are updated in place when their answer is sent. */
export class RequestLog {
  readonly #limits: Limits;
  readonly #ring: (Mutable<RecordedRequest> | undefined)[];
  #start = 0;
  #count = 0;

  constructor(options?: RequestLogOptions) {
    this.#limits = checkLimits(options);
    this.#ring = new Array(this.#limits.maxEntries);
  }

  /** Records a request; `body` is kept only when `authenticated` and within the limits. */
  add(entry: NewEntry, body: string, authenticated: boolean): Mutable<RecordedRequest> {
    const record: Mutable<RecordedRequest> = {
      ...entry,
      ...this.#body(body, authenticated),
      status: undefined,
      fault: undefined,
    };
    const capacity = this.#ring.length;
    this.#ring[(this.#start + this.#count) % capacity] = record;
    if (this.#count < capacity) this.#count += 1;
    else this.#start = (this.#start + 1) % capacity;
    return record;
  }

  /** A copy of the entries, oldest first, optionally for one vendor. */
  list(vendor?: VendorName): RecordedRequest[] {
    const out: RecordedRequest[] = [];
    for (let i = 0; i < this.#count; i += 1) {
      const entry = this.#ring[(this.#start + i) % this.#ring.length]!;
      if (vendor === undefined || entry.vendor === vendor) out.push(structuredClone(entry));
    }
    return out;
  }

  get size(): number {
    return this.#count;
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#start = 0;
    this.#count = 0;
  }

  #body(text: string, authenticated: boolean): Pick<RecordedRequest, "body" | "bodySize" | "bodyOmitted"> {
    const bodySize = Buffer.byteLength(text);
    const omitted = (why: BodyOmitted) => ({ body: undefined, bodySize, bodyOmitted: why });
    if (bodySize === 0) return { body: undefined, bodySize, bodyOmitted: undefined };
    // Anyone who can reach the port can send a body; only a vendor's own callers get theirs kept.
    if (!authenticated) return omitted("unauthenticated");
    if (bodySize > this.#limits.maxBodyBytes) return omitted("too-large");
    if (jsonDepth(text, this.#limits.maxDepth) > this.#limits.maxDepth) return omitted("too-deep");
    try {
      return { body: JSON.parse(text) as unknown, bodySize, bodyOmitted: undefined };
    } catch {
      return { body: text, bodySize, bodyOmitted: undefined };
    }
  }
}
