/** Errors about one request that did not get a usable answer, or that was never sent. */
import { DbUsersError, type DbUsersErrorOptions } from "./errors.js";
import { redactText, redactUrl } from "./redact.js";

/** Where a request was going, for messages: `GET https://host/path` with secrets removed. */
export interface RequestTarget {
  readonly method?: string;
  readonly url?: string | URL;
}

function target(init: RequestTarget & DbUsersErrorOptions): { method?: string; url?: string; text: string } {
  const url = init.url === undefined ? undefined : redactUrl(init.url, init.secrets);
  const text = [init.method, url].filter((part) => part !== undefined).join(" ");
  return { method: init.method, url, text: text === "" ? "" : ` (${text})` };
}

export interface TimeoutErrorInit extends RequestTarget, DbUsersErrorOptions {
  readonly timeoutMs: number;
}

/** The request (or reading its body) took longer than `timeoutMs`. */
export class TimeoutError extends DbUsersError {
  override name = "TimeoutError";
  readonly timeoutMs: number;
  readonly method?: string;
  readonly url?: string;

  constructor(init: TimeoutErrorInit) {
    const where = target(init);
    super("TIMEOUT", `Request timed out after ${init.timeoutMs} ms${where.text}`, init);
    this.timeoutMs = init.timeoutMs;
    this.method = where.method;
    this.url = where.url;
  }
}

export interface AbortedErrorInit extends RequestTarget, DbUsersErrorOptions {}

/** The caller's `AbortSignal` fired. The signal's reason, if any, is the (redacted) `cause`. */
export class AbortedError extends DbUsersError {
  override name = "AbortedError";
  readonly method?: string;
  readonly url?: string;

  constructor(init: AbortedErrorInit = {}) {
    const where = target(init);
    super("ABORTED", `Request aborted by the caller's AbortSignal${where.text}`, init);
    this.method = where.method;
    this.url = where.url;
  }
}

export interface NetworkErrorInit extends RequestTarget, DbUsersErrorOptions {
  /** Whether sending the request again is safe and may help. Default true. */
  readonly retryable?: boolean;
}

/** No HTTP answer: the connection was refused, reset or closed before (or while) the response arrived. */
export class NetworkError extends DbUsersError {
  override name = "NetworkError";
  readonly retryable: boolean;
  readonly method?: string;
  readonly url?: string;

  constructor(init: NetworkErrorInit = {}) {
    const where = target(init);
    super("NETWORK_ERROR", `Network error${where.text}: ${describeCause(init.cause)}`, init);
    this.retryable = init.retryable ?? true;
    this.method = where.method;
    this.url = where.url;
  }
}

/** `fetch failed (UND_ERR_SOCKET: other side closed)`: the messages and codes along a cause chain. */
function describeCause(cause: unknown): string {
  const parts: string[] = [];
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${code}: ${current.message}` : current.message);
    current = current.cause;
  }
  if (parts.length === 0) return "the connection failed";
  return parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join("; ")})`;
}

/** Which rule a base URL broke. */
export type UnsafeUrlRule = "invalid-url" | "unsupported-scheme" | "https-required" | "credentials-in-url";

export interface UnsafeUrlErrorInit extends DbUsersErrorOptions {
  readonly url: string | URL;
  readonly rule: UnsafeUrlRule;
  readonly message?: string;
}

/** A URL that would send credentials in clear text, or to a place a client must not go. */
export class UnsafeUrlError extends DbUsersError {
  override name = "UnsafeUrlError";
  readonly rule: UnsafeUrlRule;
  /** The refused URL, without user info or secret query parameters. */
  readonly url: string;

  constructor(init: UnsafeUrlErrorInit) {
    const url = redactUrl(init.url, init.secrets);
    super("UNSAFE_URL", init.message ?? `Refusing URL ${url} (${init.rule})`, init);
    this.rule = init.rule;
    this.url = url;
  }
}

/** Which rule a path parameter broke. */
export type PathParameterRule = "not-a-string" | "empty" | "dot-segment" | "missing";

export interface InvalidPathParameterErrorInit extends DbUsersErrorOptions {
  /** The name of the field, e.g. `database_cluster_uuid`. */
  readonly parameter: string;
  readonly rule: PathParameterRule;
  readonly message?: string;
}

/** A path parameter that would make the request reach a different resource than the one named. */
export class InvalidPathParameterError extends DbUsersError {
  override name = "InvalidPathParameterError";
  readonly parameter: string;
  readonly rule: PathParameterRule;

  constructor(init: InvalidPathParameterErrorInit) {
    const parameter = redactText(init.parameter, init.secrets);
    super(
      "INVALID_PATH_PARAMETER",
      init.message ?? `Path parameter "${parameter}" is not allowed (${init.rule})`,
      init,
    );
    this.parameter = parameter;
    this.rule = init.rule;
  }
}

export interface ResponseParseErrorInit extends RequestTarget, DbUsersErrorOptions {
  readonly status: number;
  readonly contentType?: string;
  readonly message?: string;
}

/** The server's answer could not be read as the expected format (malformed JSON, for example). */
export class ResponseParseError extends DbUsersError {
  override name = "ResponseParseError";
  readonly status: number;
  readonly contentType?: string;
  readonly method?: string;
  readonly url?: string;

  constructor(init: ResponseParseErrorInit) {
    const where = target(init);
    const type = init.contentType === undefined ? "" : `, content-type ${init.contentType}`;
    const message =
      init.message ?? `Response body is not valid JSON (status ${init.status}${type})${where.text}`;
    super("INVALID_RESPONSE", message, init);
    this.status = init.status;
    if (init.contentType !== undefined) this.contentType = redactText(init.contentType, init.secrets);
    this.method = where.method;
    this.url = where.url;
  }
}
