/** The seam between the HTTP server and one vendor's API; adding a vendor means one more `Vendor`. */
import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "./http.js";
import type { VendorName } from "./request-log.js";

/** A request as a vendor router sees it: the raw path (still percent-encoded) and the whole body. */
export interface IncomingCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body went past the size limit and was not read. */
  readonly bodyTooLarge: boolean;
  readonly requestId: string;
}

/** One request routed to a vendor, not yet answered. */
export interface VendorRoute {
  /** The spec's operationId, when the method and path are one of the vendor's operations. */
  readonly operationId: string | undefined;
  /** Computes the answer, changing state only when the request is valid. */
  handle(): Reply;
  /** The vendor's own answer for an injected status (its error body and headers). */
  faultReply(status: 429 | 500 | 503, retryAfter: number): Reply;
  /** Headers every answer carries (rate limit), computed without counting a request. */
  commonHeaders(): Record<string, string>;
}

export interface Vendor {
  readonly name: VendorName;
  /** Whether a raw path belongs to this vendor's API. */
  owns(path: string): boolean;
  route(call: IncomingCall): VendorRoute;
}
