/**
 * Rackspace's errors as typed errors. Trove's fault body is `{"<faultName>": {code, message}}`
 * (docs/vendors/rackspace.md §3); anything else (a proxy's HTML, an empty 502) still becomes a
 * `RackspaceApiError` with what could be read.
 */
import {
  ApiError,
  DbUsersError,
  InvalidOptionError,
  parseRetryAfter,
  redactText,
  type SecretValue,
  type VendorApiErrorInit,
} from "@dbusers/core";

/** Stable `code`s by status. */
export type RackspaceErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "INSTANCE_NOT_READY"
  | "NOT_IMPLEMENTED"
  | "SERVER_ERROR"
  | "API_ERROR";

const CODES: Readonly<Record<number, RackspaceErrorCode>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  413: "RATE_LIMITED",
  422: "INSTANCE_NOT_READY",
  501: "NOT_IMPLEMENTED",
};

/** The one `{ faultName: { code, message } }` entry of a fault body, if it is one. */
export function faultOf(body: unknown): { name: string; message: string | undefined } | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const entries = Object.entries(body);
  if (entries.length !== 1) return undefined;
  const [name, detail] = entries[0]!;
  const message = (detail as { message?: unknown } | null)?.message;
  return { name, message: typeof message === "string" ? message : undefined };
}

/** Rackspace (Trove) answered with an error status. */
export class RackspaceApiError extends ApiError {
  override name = "RackspaceApiError";
  declare readonly code: RackspaceErrorCode;
  /** Trove's fault name: `badRequest`, `itemNotFound`, `overLimit`, `unprocessableEntity`, … */
  declare readonly fault?: string;
  /** Trove's sentence about the error, redacted. */
  declare readonly apiMessage?: string;
  /** On a 413: how long Rackspace asks to wait (`Retry-After`), in ms. */
  declare readonly retryAfterMs?: number;

  constructor(init: VendorApiErrorInit) {
    const { status, method, body, headers, secrets } = init;
    const fault = faultOf(body);
    const notReady = status === 422 ? " (the instance is not ready: it must be ACTIVE)" : "";
    super({
      status,
      vendor: "Rackspace",
      method,
      url: init.url,
      body,
      code: CODES[status] ?? (status >= 500 ? "SERVER_ERROR" : "API_ERROR"),
      // A 413 was refused before any work, so even a POST may be sent again (after Retry-After);
      // a 5xx on POST may have been applied already. GET, PUT and DELETE may be seen twice.
      retryable:
        status === 413 || (status >= 500 && status !== 501 && /^(?:GET|HEAD|PUT|DELETE)$/.test(method)),
      detail:
        [fault?.message, fault ? `(${fault.name})` : undefined].filter(Boolean).join(" ") + notReady ||
        undefined,
      vendorCode: fault?.name,
      secrets,
    });
    if (fault) this.fault = this.vendorCode;
    if (fault?.message !== undefined) this.apiMessage = redactText(fault.message, secrets);
    const wait = status === 413 && headers ? parseRetryAfter(headers) : undefined;
    if (wait !== undefined) this.retryAfterMs = wait;
  }
}

/** The identity service refused to issue a token (wrong credentials, unknown project, …). */
export class RackspaceAuthError extends DbUsersError {
  override name = "RackspaceAuthError";
  /** The identity service's HTTP status; 0 when its answer could not be used. */
  declare readonly status: number;
  declare readonly identityUrl: string;

  constructor(init: {
    status: number;
    identityUrl: string;
    message: string;
    secrets?: readonly SecretValue[];
  }) {
    super("AUTHENTICATION_FAILED", init.message, { secrets: init.secrets });
    this.status = init.status;
    this.identityUrl = init.identityUrl;
  }
}

/** The catalog has no usable Cloud Databases endpoint for the region and interface asked for. */
export class RackspaceEndpointError extends DbUsersError {
  override name = "RackspaceEndpointError";
  constructor(message: string) {
    super("NO_ENDPOINT", message);
  }
}

/** `wait` gave up: a change Rackspace accepted (202) never became visible. */
export class RackspaceWaitError extends DbUsersError {
  override name = "RackspaceWaitError";
  /** What never appeared (or never went away), e.g. `user app@%`. */
  declare readonly target: string;
  declare readonly waitedMs: number;

  constructor(init: { target: string; waitedMs: number; expectation: string }) {
    super(
      "WAIT_TIMEOUT",
      `Rackspace accepted the change, but ${init.target} ${init.expectation} within ${init.waitedMs} ms. Newer Trove accepts names its MySQL checks refuse and then drops them silently; check the name against the rules, or wait longer`,
    );
    this.target = init.target;
    this.waitedMs = init.waitedMs;
  }
}

/** `value` when it is an array; otherwise `InvalidOptionError` naming the argument. */
export function arrayOf<T>(value: readonly T[], argument: string): readonly T[] {
  if (Array.isArray(value)) return value;
  throw new InvalidOptionError({
    option: argument,
    rule: "type",
    message: `\`${argument}\` must be an array`,
  });
}
