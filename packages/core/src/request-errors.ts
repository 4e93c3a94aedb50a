/** Errors about one request that did not get a usable answer, or that was never sent. */
import { DbUsersError, type DbUsersErrorOptions } from "./errors.js";
import { redactText, redactUrl } from "./redact.js";

/** Where a request was going, for messages: `GET https://host/path` with secrets removed. */
export interface RequestTarget {
  readonly method?: string;
  readonly url?: string | URL;
}

/**
 * What the errors about one request share: `method` and the redacted `url`, named in the message
 * as ` (GET https://host/path)` wherever `message` puts it, after the class's own `fields` (so
 * `toJSON()` lists them first). Not exported: only a base class.
 */
class RequestError extends DbUsersError {
  declare readonly method?: string;
  declare readonly url?: string;

  constructor(
    code: string,
    message: (where: string) => string,
    init: RequestTarget & DbUsersErrorOptions,
    fields?: object,
  ) {
    const url = init.url === undefined ? undefined : redactUrl(init.url, init.secrets);
    const where = [init.method, url].filter((part) => part !== undefined).join(" ");
    super(code, message(where && ` (${where})`), init);
    Object.assign(this, fields, { method: init.method, url });
  }
}

export interface TimeoutErrorInit extends RequestTarget, DbUsersErrorOptions {
  readonly timeoutMs: number;
}

/** The request (or reading its body) took longer than `timeoutMs`. */
export class TimeoutError extends RequestError {
  override name = "TimeoutError";
  declare readonly timeoutMs: number;

  constructor(init: TimeoutErrorInit) {
    const { timeoutMs } = init;
    super("TIMEOUT", (where) => `Request timed out after ${timeoutMs} ms${where}`, init, { timeoutMs });
  }
}

export interface AbortedErrorInit extends RequestTarget, DbUsersErrorOptions {}

/** The caller's `AbortSignal` fired. The signal's reason, if any, is the (redacted) `cause`. */
export class AbortedError extends RequestError {
  override name = "AbortedError";

  constructor(init: AbortedErrorInit = {}) {
    super("ABORTED", (where) => `Request aborted by the caller's AbortSignal${where}`, init);
  }
}

export interface NetworkErrorInit extends RequestTarget, DbUsersErrorOptions {
  /** Whether sending the request again is safe and may help. Default true. */
  readonly retryable?: boolean;
}

/** No HTTP answer: the connection was refused, reset or closed before (or while) the response arrived. */
export class NetworkError extends RequestError {
  override name = "NetworkError";
  declare readonly retryable: boolean;

  constructor(init: NetworkErrorInit = {}) {
    super("NETWORK_ERROR", (where) => `Network error${where}: ${describeCause(init.cause)}`, init, {
      retryable: init.retryable ?? true,
    });
  }
}

/** `fetch failed (UND_ERR_SOCKET: other side closed)`: the messages and codes along a cause chain. */
function describeCause(cause: unknown): string {
  const parts: string[] = [];
  for (let current = cause; parts.length < 4 && current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${code}: ${current.message}` : current.message);
  }
  const [first = "the connection failed", ...rest] = parts;
  return rest.length === 0 ? first : `${first} (${rest.join("; ")})`;
}

/** Which rule a base URL broke. */
export type UnsafeUrlRule =
  | "invalid-url"
  | "unsupported-scheme"
  | "https-required"
  | "credentials-in-url"
  | "query-or-fragment";

export interface UnsafeUrlErrorInit extends DbUsersErrorOptions {
  readonly url: string | URL;
  readonly rule: UnsafeUrlRule;
  readonly message?: string;
}

/** A URL that would send credentials in clear text, or to a place a client must not go. */
export class UnsafeUrlError extends DbUsersError {
  override name = "UnsafeUrlError";
  declare readonly rule: UnsafeUrlRule;
  /** The refused URL, without user info or secret query parameters. */
  declare readonly url: string;

  constructor(init: UnsafeUrlErrorInit) {
    const url = redactUrl(init.url, init.secrets);
    super("UNSAFE_URL", init.message ?? `Refusing URL ${url} (${init.rule})`, init);
    this.rule = init.rule;
    this.url = url;
  }
}

/** Which rule a path parameter broke. */
export type PathParameterRule = "not-a-string" | "empty" | "dot-segment" | "missing" | "ill-formed";

export interface InvalidPathParameterErrorInit extends DbUsersErrorOptions {
  /** The name of the field, e.g. `database_cluster_uuid`. */
  readonly parameter: string;
  readonly rule: PathParameterRule;
  readonly message?: string;
}

/** A path parameter that would make the request reach a different resource than the one named. */
export class InvalidPathParameterError extends DbUsersError {
  override name = "InvalidPathParameterError";
  declare readonly parameter: string;
  declare readonly rule: PathParameterRule;

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
export class ResponseParseError extends RequestError {
  override name = "ResponseParseError";
  declare readonly status: number;
  declare readonly contentType?: string;

  constructor(init: ResponseParseErrorInit) {
    const { status, contentType } = init;
    const type = contentType === undefined ? "" : `, content-type ${contentType}`;
    super(
      "INVALID_RESPONSE",
      (where) => init.message ?? `Response body is not valid JSON (status ${status}${type})${where}`,
      init,
      { status, contentType: contentType === undefined ? undefined : redactText(contentType, init.secrets) },
    );
  }
}

export interface RedirectErrorInit extends RequestTarget, DbUsersErrorOptions {
  readonly status: number;
  /** The `Location` the server named, if any; stored redacted, as scheme and host only. */
  readonly location?: string | null;
}

/**
 * The server answered with a redirect. The vendors' APIs never redirect, and following one could
 * send credentials or a password in a body to another host, or turn a POST into a GET (301/302).
 */
export class RedirectError extends RequestError {
  override name = "RedirectError";
  declare readonly status: number;
  /** Where the redirect pointed: scheme and host only, or `undefined` without a usable `Location`. */
  declare readonly location?: string;

  constructor(init: RedirectErrorInit) {
    const { status } = init;
    let location: string | undefined;
    try {
      if (init.location) {
        const parsed = new URL(init.location, init.url === undefined ? undefined : String(init.url));
        location = `${parsed.protocol}//${parsed.host}`;
      }
    } catch {
      location = undefined;
    }
    const to = location === undefined ? "" : ` to ${location}`;
    super(
      "REDIRECT_REFUSED",
      (where) => `Refusing to follow a ${status} redirect${to}${where}: this API does not redirect`,
      init,
      { status, location },
    );
  }
}

export interface ResponseTooLargeErrorInit extends RequestTarget, DbUsersErrorOptions {
  readonly status: number;
  readonly limitBytes: number;
}

/** The answer's body was larger than `maxResponseBytes`; reading stopped at the limit. */
export class ResponseTooLargeError extends RequestError {
  override name = "ResponseTooLargeError";
  declare readonly status: number;
  declare readonly limitBytes: number;

  constructor(init: ResponseTooLargeErrorInit) {
    const { status, limitBytes } = init;
    super(
      "RESPONSE_TOO_LARGE",
      (where) =>
        `Response body (status ${status}) is larger than maxResponseBytes (${limitBytes} bytes)${where}`,
      init,
      { status, limitBytes },
    );
  }
}

export interface InvalidOptionErrorInit extends DbUsersErrorOptions {
  /** The option or field: `token`, `signal`, `timeoutMs`, `body.settings.acl[0]`. */
  readonly option: string;
  /** A short rule id: `missing`, `empty`, `type`, `range`, `not-json`. */
  readonly rule: string;
  readonly message: string;
}

/** An option or argument the client cannot use; nothing was sent. */
export class InvalidOptionError extends DbUsersError {
  override name = "InvalidOptionError";
  declare readonly option: string;
  declare readonly rule: string;

  constructor(init: InvalidOptionErrorInit) {
    super("INVALID_OPTION", init.message, init);
    this.option = init.option;
    this.rule = init.rule;
  }
}

export interface PagingErrorInit extends DbUsersErrorOptions {
  readonly rule: "repeated-cursor" | "missing-marker" | "too-many-pages";
  readonly message: string;
}

/** Paging cannot go on without looping forever or skipping items. */
export class PagingError extends DbUsersError {
  override name = "PagingError";
  declare readonly rule: PagingErrorInit["rule"];

  constructor(init: PagingErrorInit) {
    super("PAGING_FAILED", init.message, init);
    this.rule = init.rule;
  }
}
