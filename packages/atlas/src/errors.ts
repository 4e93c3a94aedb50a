/**
 * Atlas's error answers as typed errors. The body is `ApiError { error, errorCode, detail, reason,
 * parameters, badRequestDetail }` (docs/vendors/atlas.md §4); anything else (a proxy's HTML page,
 * an empty 502) still becomes an `AtlasApiError` with what could be read.
 */
import {
  ApiError,
  isRetryableStatus,
  parseRetryAfter,
  redact,
  redactText,
  type VendorApiErrorInit,
} from "@dbusers/core";

/** Stable `code`s by status, so programs can branch without remembering numbers. */
export type AtlasErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "NOT_ACCEPTABLE"
  | "CONFLICT"
  | "GONE"
  | "RATE_LIMITED"
  | "SERVER_ERROR"
  | "API_ERROR";

const CODES: Readonly<Record<number, AtlasErrorCode>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  406: "NOT_ACCEPTABLE",
  409: "CONFLICT",
  410: "GONE",
  429: "RATE_LIMITED",
};

/** One refused field of `badRequestDetail.fields`. */
export interface AtlasFieldViolation {
  readonly field: string;
  readonly description: string;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** Atlas answered with an error status. */
export class AtlasApiError extends ApiError {
  override name = "AtlasApiError";
  declare readonly code: AtlasErrorCode;
  /** Atlas's own code, e.g. `USERNAME_NOT_FOUND`, `GROUP_NOT_FOUND`, `RATE_LIMITED_TOKEN_BUCKET`. */
  declare readonly errorCode?: string;
  /** Atlas's sentence about the error (also at the end of `message`). */
  declare readonly detail?: string;
  /** The values Atlas put into `detail` (strings and numbers in real answers). */
  declare readonly parameters: readonly unknown[];
  /** `badRequestDetail.fields`: which fields of the request were refused, and why. */
  declare readonly badRequestDetail?: { readonly fields: readonly AtlasFieldViolation[] };
  /** On a 429 (or 503): how long Atlas asks to wait (`Retry-After`), in ms. */
  declare readonly retryAfterMs?: number;

  constructor(init: VendorApiErrorInit) {
    const { status, method, body, headers, secrets } = init;
    const fields = record(body);
    const text = (key: string) => (typeof fields?.[key] === "string" ? (fields[key] as string) : undefined);
    const errorCode = text("errorCode");
    const detail = text("detail");
    const message = [detail, errorCode === undefined ? undefined : `(${errorCode})`]
      .filter(Boolean)
      .join(" ");
    super({
      status,
      vendor: "MongoDB Atlas",
      method,
      url: init.url,
      body,
      code: CODES[status] ?? (status >= 500 ? "SERVER_ERROR" : "API_ERROR"),
      // A 429 was refused before any work was done, so even a POST may be sent again; a failed POST
      // (500, 503) may have created the user already, and a PATCH may have renamed it, so the caller
      // must look first.
      retryable: isRetryableStatus(status) && (status === 429 || /^(?:GET|HEAD|DELETE)$/.test(method)),
      detail: message || undefined,
      vendorCode: errorCode,
      secrets,
    });
    if (errorCode !== undefined) this.errorCode = this.vendorCode;
    if (detail !== undefined) this.detail = redactText(detail, secrets);
    this.parameters = Array.isArray(fields?.parameters)
      ? (redact(fields.parameters, { secrets }) as unknown[])
      : [];
    const violations = record(fields?.badRequestDetail)?.fields;
    if (Array.isArray(violations)) {
      this.badRequestDetail = {
        fields: violations.map((v) => ({
          field: redactText(String(record(v)?.field ?? ""), secrets),
          description: redactText(String(record(v)?.description ?? ""), secrets),
        })),
      };
    }
    const wait = (status === 429 || status === 503) && headers ? parseRetryAfter(headers) : undefined;
    if (wait !== undefined) this.retryAfterMs = wait;
  }

  /** True for every way Atlas says a user (or the project) is not there (§8.7): any 404. */
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** The codes Atlas answers for a user that does not exist, by method (docs/vendors/atlas.md §4, §8.7). */
export const USER_NOT_FOUND_CODES = ["USERNAME_NOT_FOUND", "USER_NOT_FOUND", "RESOURCE_NOT_FOUND"] as const;

/**
 * Whether `error` is an Atlas answer with this `errorCode`, like the SDK's `admin.IsErrorCode`. The
 * user-not-found codes are one family: asking for any of them matches all three (§8.7).
 */
export function isAtlasErrorCode(error: unknown, code: string): error is AtlasApiError {
  if (!(error instanceof AtlasApiError) || error.errorCode === undefined) return false;
  const family = (USER_NOT_FOUND_CODES as readonly string[]).includes(code);
  return (
    error.errorCode === code ||
    (family && (USER_NOT_FOUND_CODES as readonly string[]).includes(error.errorCode))
  );
}
