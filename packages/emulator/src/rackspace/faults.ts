/**
 * Trove's fault bodies: `{"<faultName>": {"code": <status>, "message": "…"}}`, the name fixed per
 * status (docs/vendors/rackspace.md §3). Identity uses the same shape for its 400 and 401.
 */
import type { Reply } from "../http.js";

const FAULT_NAMES: Readonly<Record<number, string>> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflict",
  413: "overLimit",
  415: "badMediaType",
  422: "unprocessableEntity",
  500: "instanceFault",
  501: "notImplemented",
  503: "serviceUnavailable",
};

export function fault(status: number, message: string, headers: Record<string, string> = {}): Reply {
  const name = FAULT_NAMES[status] ?? "instanceFault";
  return { status, headers, body: { [name]: { code: status, message } } };
}

export const badRequest = (message: string) => fault(400, message);
export const unauthorized = () =>
  fault(401, "This server could not verify that you are authorized to access the document you requested.");
export const notFound = (message: string) => fault(404, message);

/** Rackspace's rate limit: 413 with `Retry-After` in seconds (docs/vendors/rackspace.md §3). */
export function overLimit(retryAfter: number): Reply {
  return fault(413, "This request was rate-limited.", { "retry-after": String(retryAfter) });
}
