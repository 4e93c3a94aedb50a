/**
 * The error classes every client throws. Each constructor redacts what it stores, so `message`,
 * `stack`, `toJSON()`, `util.inspect` and the `cause` chain are safe to log as they are.
 */
import { isSecretKey, redact, redactText, redactUrl } from "./redact.js";
import { isRetryableStatus } from "./retry.js";
import { inspectCustom, REDACTED, type SecretValue } from "./secret.js";

/** One broken rule; the same shape as `Violation` in `@dbusers/rules`. */
export interface Violation {
  /** Where the bad value sits: `userName`, or `users[1].databases[0].name`. */
  readonly path: string;
  /** Stable rule id, e.g. `rackspace.userName.maxLength`. */
  readonly rule: string;
  /** A sentence a person can act on. */
  readonly message: string;
  /** The numbers and names the message was built from. */
  readonly params?: Record<string, unknown>;
}

export interface DbUsersErrorOptions {
  /** The error behind this one. It is stored as a redacted copy, never as the original object. */
  readonly cause?: unknown;
  /** Values to scrub from everything this error stores (the token or password of the call). */
  readonly secrets?: readonly SecretValue[];
}

/** What `toJSON()` returns: plain, redacted data. */
export interface DbUsersErrorJSON {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly cause?: unknown;
  readonly [field: string]: unknown;
}

type Inspect = (value: unknown, options?: object) => string;

/** The base class: a stable machine `code`, a message a person can act on, and no secrets. */
export class DbUsersError extends Error {
  override name = "DbUsersError";
  /** Stable machine code, e.g. `VALIDATION_FAILED`, `TIMEOUT`, or a vendor's error id. */
  declare readonly code: string;

  constructor(code: string, message: string, options: DbUsersErrorOptions = {}) {
    const cause = options.cause === undefined ? undefined : sanitizeCause(options.cause, options.secrets, 0);
    super(redactText(message, options.secrets), cause === undefined ? undefined : { cause });
    this.code = code;
  }

  /** Plain, redacted data: `name`, `code`, `message`, this class's fields and the `cause` chain. */
  toJSON(): DbUsersErrorJSON {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== "name" && value !== undefined) json[key] = redact(value);
    }
    const cause = this.cause;
    if (cause !== undefined) json.cause = cause instanceof DbUsersError ? cause.toJSON() : redact(cause);
    return json as DbUsersErrorJSON;
  }

  [inspectCustom](_depth: number, options: object, inspect?: Inspect): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const head = typeof this.stack === "string" ? redactText(this.stack) : `${this.name}: ${this.message}`;
    return `${head} ${inspect ? inspect(fields, options) : JSON.stringify(fields, null, 2)}`;
  }
}

/**
 * A copy of `cause` that keeps its name, message, stack and error code (`code`, `errno`, `syscall`,
 * `status`: `ECONNRESET`, `UND_ERR_SOCKET`, …), with secrets scrubbed; at most 5 levels deep.
 */
function sanitizeCause(cause: unknown, secrets: readonly SecretValue[] | undefined, depth: number): unknown {
  if (cause instanceof DbUsersError) return cause;
  if (!(cause instanceof Error)) return redact(cause, { secrets });
  try {
    const inner = depth < 5 ? cause.cause : undefined;
    const copy = new Error(
      redactText(String(cause.message), secrets),
      inner === undefined ? undefined : { cause: sanitizeCause(inner, secrets, depth + 1) },
    );
    copy.name = redactText(String(cause.name), secrets);
    if (typeof cause.stack === "string") copy.stack = redactText(cause.stack, secrets);
    for (const field of ["code", "errno", "syscall", "status"]) {
      const value: unknown = (cause as unknown as Record<string, unknown>)[field];
      if (typeof value === "number" || typeof value === "string") {
        (copy as unknown as Record<string, unknown>)[field] =
          typeof value === "string" ? redactText(value, secrets) : value;
      }
    }
    return copy;
  } catch {
    return new Error("[Unreadable error]");
  }
}

/** Thrown before any byte is sent, when input breaks the vendor's rules. */
export class ValidationError extends DbUsersError {
  override name = "ValidationError";
  declare readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[], options: DbUsersErrorOptions = {}) {
    const safe = Object.freeze(violations.map((violation) => safeViolation(violation, options.secrets)));
    const listed = safe.map((violation) => violation.message).join("; ");
    super("VALIDATION_FAILED", `Validation failed${listed && `: ${listed}`}`, options);
    this.violations = safe;
  }
}

function safeViolation(
  { path, rule, message, params }: Violation,
  secrets: readonly SecretValue[] | undefined,
): Violation {
  const safe: { -readonly [K in keyof Violation]: Violation[K] } = {
    path: redactText(path, secrets),
    rule,
    message: redactText(message, secrets),
  };
  if (params !== undefined) {
    const copy = redact(params, { secrets }) as Record<string, unknown>;
    // For a secret field, a string param (a character, a sample) would reveal part of the value.
    if (
      isSecretKey(
        path
          .split(/[.[\]"]+/)
          .filter(Boolean)
          .pop() ?? "",
      )
    ) {
      for (const key of Object.keys(copy)) if (typeof copy[key] === "string") copy[key] = REDACTED;
    }
    safe.params = copy;
  }
  return Object.freeze(safe);
}

export interface ApiErrorInit extends DbUsersErrorOptions {
  readonly status: number;
  /** Display name of the vendor: `DigitalOcean`, `MongoDB Atlas`, `Rackspace`. */
  readonly vendor: string;
  readonly method: string;
  readonly url: string | URL;
  /** The vendor's error body, parsed if it was JSON; stored redacted. */
  readonly body?: unknown;
  readonly requestId?: string;
  /** The vendor's own error id, e.g. Atlas `USER_NOT_FOUND` or DigitalOcean `not_found`. */
  readonly vendorCode?: string;
  /** Stable code for programs; defaults to `API_ERROR`. */
  readonly code?: string;
  /** Whether sending the same request again may succeed; defaults to `isRetryableStatus(status)`. */
  readonly retryable?: boolean;
  /** The vendor's human message, appended to the default message. */
  readonly detail?: string;
  /** Replaces the whole default message. */
  readonly message?: string;
}

/**
 * What a vendor client hands its `ApiError` subclass (`AtlasApiError`, …): the error answer and the
 * request it was for; the subclass reads its vendor's error body and fills in the rest.
 */
export interface VendorApiErrorInit {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** The response body: parsed JSON when it was JSON, the text otherwise. */
  readonly body: unknown;
  readonly headers?: Headers;
  readonly secrets?: readonly SecretValue[];
}

/** The vendor answered with an error status. */
export class ApiError extends DbUsersError {
  override name = "ApiError";
  declare readonly status: number;
  declare readonly vendor: string;
  declare readonly retryable: boolean;
  declare readonly body: unknown;
  declare readonly requestId?: string;
  declare readonly vendorCode?: string;
  declare readonly method: string;
  /** The request URL without user info or secret query parameters. */
  declare readonly url: string;

  constructor(init: ApiErrorInit) {
    const { status, vendor, method, secrets, detail, requestId, vendorCode } = init;
    const url = redactUrl(init.url, secrets);
    super(
      init.code ?? "API_ERROR",
      init.message ??
        `${vendor} API returned ${status} for ${method} ${url}${detail === undefined ? "" : `: ${detail}`}`,
      init,
    );
    this.status = status;
    this.vendor = vendor;
    this.retryable = init.retryable ?? isRetryableStatus(status);
    this.body = redact(init.body, { secrets });
    if (requestId !== undefined) this.requestId = redactText(requestId, secrets);
    if (vendorCode !== undefined) this.vendorCode = redactText(vendorCode, secrets);
    this.method = method;
    this.url = url;
  }
}
