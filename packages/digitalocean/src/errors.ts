/**
 * DigitalOcean's error responses as typed errors. The body is `{ id, message, request_id? }`
 * (docs/vendors/digitalocean.md §11); everything else (an HTML page from a proxy,
 * an empty 502) still becomes a `DigitalOceanApiError`, with what could be read.
 */
import {
  ApiError,
  isRetryableStatus,
  parseRetryAfter,
  redactText,
  type VendorApiErrorInit,
} from "@dbusers/core";
import type { DigitalOceanErrorBody } from "./types.js";

/** Stable `code`s by status, so programs can branch without remembering numbers. */
export type DigitalOceanErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNPROCESSABLE_ENTITY"
  | "RATE_LIMITED"
  | "SERVER_ERROR"
  | "API_ERROR";

const CODES: Readonly<Record<number, DigitalOceanErrorCode>> = {
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "UNPROCESSABLE_ENTITY",
  429: "RATE_LIMITED",
};

/** DigitalOcean answered with an error status. */
export class DigitalOceanApiError extends ApiError {
  override name = "DigitalOceanApiError";
  declare readonly code: DigitalOceanErrorCode;
  /** DigitalOcean's own error id, e.g. `not_found`, `unauthorized`, `too_many_requests`. */
  declare readonly id?: string;
  /** DigitalOcean's sentence about the error (also at the end of `message`). */
  declare readonly apiMessage?: string;
  /** On a 429: how long DigitalOcean asks to wait (`Retry-After`, else `ratelimit-reset`), in ms. */
  declare readonly retryAfterMs?: number;

  constructor(init: VendorApiErrorInit) {
    const { status, method, body, headers, secrets } = init;
    // The fields of DigitalOcean's error body that are there and are strings.
    const field = (key: keyof DigitalOceanErrorBody): string | undefined => {
      const value = (body as Record<string, unknown> | null | undefined)?.[key];
      return typeof value === "string" ? value : undefined;
    };
    const id = field("id");
    const apiMessage = field("message");
    const detail = [apiMessage, id === undefined ? undefined : `(${id})`]
      .filter((part) => part !== undefined)
      .join(" ");
    super({
      status,
      vendor: "DigitalOcean",
      method,
      url: init.url,
      body,
      code: CODES[status] ?? (status >= 500 ? "SERVER_ERROR" : "API_ERROR"),
      // A 429 was refused before any work was done, so even a POST may be sent again; a failed
      // POST (500, 503) may have created the user already, so the caller must look first.
      // GET, HEAD, PUT and DELETE are the methods a server may see twice without a second effect.
      retryable: isRetryableStatus(status) && (status === 429 || /^(?:GET|HEAD|PUT|DELETE)$/.test(method)),
      detail: detail || undefined,
      requestId: field("request_id"),
      vendorCode: id,
      secrets,
    });
    if (id !== undefined) this.id = this.vendorCode;
    if (apiMessage !== undefined) this.apiMessage = redactText(apiMessage, secrets);
    // `ratelimit-reset` is on every answer; it means "wait until then" only on a 429 (docs/vendors/digitalocean.md §10).
    const wait = status === 429 && headers ? parseRetryAfter(headers) : undefined;
    if (wait !== undefined) this.retryAfterMs = wait;
  }
}
