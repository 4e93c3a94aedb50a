/**
 * DigitalOcean's error responses as typed errors. The body is `{ id, message, request_id? }`
 * (`shared/models/error.yml` in DigitalOcean's OpenAPI); everything else (an HTML page from a proxy,
 * an empty 502) still becomes a `DigitalOceanApiError`, with what could be read.
 */
import { ApiError, isRetryableStatus, parseRetryAfter, redactText, type SecretValue } from "@dbusers/core";
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

export function errorCodeFor(status: number): DigitalOceanErrorCode {
  return CODES[status] ?? (status >= 500 ? "SERVER_ERROR" : "API_ERROR");
}

/** Methods a server may see twice without a second effect. */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE"]);

export interface DigitalOceanApiErrorInit {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** The response body: parsed JSON when it was JSON, the text otherwise. */
  readonly body: unknown;
  readonly headers?: Headers;
  readonly secrets?: readonly SecretValue[];
}

/** DigitalOcean answered with an error status. */
export class DigitalOceanApiError extends ApiError {
  override name = "DigitalOceanApiError";
  declare readonly code: DigitalOceanErrorCode;
  /** DigitalOcean's own error id, e.g. `not_found`, `unauthorized`, `too_many_requests`. */
  readonly id?: string;
  /** DigitalOcean's sentence about the error (also at the end of `message`). */
  readonly apiMessage?: string;
  /** On a 429: how long DigitalOcean asks to wait (`Retry-After`, else `ratelimit-reset`), in ms. */
  readonly retryAfterMs?: number;

  constructor(init: DigitalOceanApiErrorInit) {
    const body = errorBody(init.body);
    const detail = [body?.message, body?.id === undefined ? undefined : `(${body.id})`]
      .filter((part) => part !== undefined)
      .join(" ");
    super({
      status: init.status,
      vendor: "DigitalOcean",
      method: init.method,
      url: init.url,
      body: init.body,
      code: errorCodeFor(init.status),
      // A 429 was refused before any work was done, so even a POST may be sent again; a failed
      // POST (500, 503) may have created the user already, so the caller must look first.
      retryable: isRetryableStatus(init.status) && (init.status === 429 || IDEMPOTENT.has(init.method)),
      ...(detail === "" ? {} : { detail }),
      ...(body?.request_id === undefined ? {} : { requestId: body.request_id }),
      ...(body?.id === undefined ? {} : { vendorCode: body.id }),
      ...(init.secrets === undefined ? {} : { secrets: init.secrets }),
    });
    if (this.vendorCode !== undefined) this.id = this.vendorCode;
    if (body?.message !== undefined) this.apiMessage = redactText(body.message, init.secrets);
    // `ratelimit-reset` is on every answer; it means "wait until then" only on a 429.
    const wait = init.status === 429 && init.headers ? parseRetryAfter(init.headers) : undefined;
    if (wait !== undefined) this.retryAfterMs = wait;
  }
}

/** The fields of DigitalOcean's error body that are there and are strings. */
function errorBody(body: unknown): Partial<DigitalOceanErrorBody> | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const out: { -readonly [K in keyof DigitalOceanErrorBody]?: string } = {};
  if (typeof record.id === "string") out.id = record.id;
  if (typeof record.message === "string") out.message = record.message;
  if (typeof record.request_id === "string") out.request_id = record.request_id;
  return out;
}
