/**
 * DigitalOcean's error bodies: `{ id, message, request_id? }` (openapi shared/models/error.yml;
 * docs/vendors/digitalocean.md §10, §11). The 401 and 429 texts are DigitalOcean's own.
 * 401 and 429 carry no `request_id`, as they are answered before a request gets one.
 */
import type { SpecIssue } from "../spec-validator.js";

export interface DigitalOceanErrorBody {
  readonly id: string;
  readonly message: string;
  readonly request_id?: string;
}

export interface ErrorReply {
  readonly status: number;
  readonly body: DigitalOceanErrorBody;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One violation, from the spec or the rules; shown as `field: what is wrong (rule id)`. */
export interface Problem {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

const error = (status: number, id: string, message: string, requestId?: string): ErrorReply => ({
  status,
  body: requestId === undefined ? { id, message } : { id, message, request_id: requestId },
});

export const unauthorized = (): ErrorReply => error(401, "unauthorized", "Unable to authenticate you.");

export const tooManyRequests = (retryAfter: number): ErrorReply => ({
  ...error(429, "too_many_requests", "API rate limit exceeded."),
  headers: { "retry-after": String(retryAfter) },
});

export const notFound = (requestId: string): ErrorReply =>
  error(404, "not_found", "The resource you requested could not be found.", requestId);

export const badRequest = (requestId: string, message: string): ErrorReply =>
  error(400, "bad_request", message, requestId);

export const methodNotAllowed = (
  requestId: string,
  method: string,
  allowed: readonly string[],
): ErrorReply => ({
  ...error(
    405,
    "method_not_allowed",
    `${method} is not allowed here; allowed: ${allowed.join(", ")}`,
    requestId,
  ),
  headers: { allow: allowed.join(", ") },
});

export const payloadTooLarge = (requestId: string, message: string): ErrorReply =>
  error(413, "request_entity_too_large", message, requestId);

export const unsupportedMediaType = (requestId: string, contentType: string): ErrorReply =>
  error(415, "unsupported_media_type", `the body must be application/json, not ${contentType}`, requestId);

/** Every problem in one message, so a person sees all of them at once. */
export function unprocessable(requestId: string, problems: readonly (Problem | SpecIssue)[]): ErrorReply {
  const message = problems
    .map((p) => `${p.message.startsWith(p.path) ? p.message : `${p.path}: ${p.message}`} (${p.rule})`)
    .join("; ");
  return error(422, "unprocessable_entity", message, requestId);
}

/**
 * A 500. The real server answers user requests on a Caching (redis) cluster with a 500 "Server
 * Error" rather than a 4xx (terraform-provider-digitalocean issue #876), so the emulator does too.
 */
export const serverError = (requestId: string): ErrorReply =>
  error(500, "server_error", "Server Error", requestId);

export const serviceUnavailable = (requestId: string): ErrorReply =>
  error(503, "service_unavailable", "The service is temporarily unavailable; try again later.", requestId);
