/** What the emulator received, for tests that assert "the client sent this" or "sent nothing". */
import type { IncomingHttpHeaders } from "node:http";

export type VendorName = "digitalocean" | "atlas";

/** The text put in place of a credential in the log. */
export const REDACTED = "[REDACTED]";

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
  /** The body parsed as JSON; the raw text when it is not JSON; `undefined` when empty. */
  readonly body: unknown;
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

export function parseLoggedBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An append-only log; entries are updated in place when their answer is sent. */
export class RequestLog {
  readonly #entries: Mutable<RecordedRequest>[] = [];

  add(entry: Omit<RecordedRequest, "status" | "fault">): Mutable<RecordedRequest> {
    const record: Mutable<RecordedRequest> = { ...entry, status: undefined, fault: undefined };
    this.#entries.push(record);
    return record;
  }

  /** A copy of the entries, oldest first, optionally for one vendor. */
  list(vendor?: VendorName): RecordedRequest[] {
    const picked = vendor === undefined ? this.#entries : this.#entries.filter((e) => e.vendor === vendor);
    return picked.map((entry) => structuredClone(entry));
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
