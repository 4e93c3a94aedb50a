/** Reading a vendor's answer: JSON bodies that fail loudly but never echo, and request ids. */
import { ResponseParseError } from "./request-errors.js";
import { isRetryableStatus } from "./retry.js";

/**
 * The body parsed as JSON, or `undefined` when it is empty. Malformed JSON throws
 * `ResponseParseError`, whose message names the status and content type but never the body:
 * `JSON.parse`'s own message quotes the text, which may hold a secret.
 */
export async function readJsonBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw parseError(response);
  }
}

/** The `ResponseParseError` for a response whose body is not valid JSON. */
export function parseError(response: Response, method?: string): ResponseParseError {
  const contentType = response.headers.get("content-type");
  return new ResponseParseError({
    status: response.status,
    ...(contentType === null ? {} : { contentType }),
    ...(response.url === "" ? {} : { url: response.url }),
    ...(method === undefined ? {} : { method }),
  });
}

/** Whether the same request may succeed later (429, 500, 502, 503, 504). */
export function statusIsRetryable(status: number): boolean {
  return isRetryableStatus(status);
}

/** Headers vendors use to identify a request in their logs, in the order they are tried. */
const REQUEST_ID_HEADERS = [
  "x-request-id",
  "x-correlation-id",
  "request-id",
  "x-amzn-requestid",
  "x-compute-request-id",
];

/** The vendor's id for this request, for support tickets and `ApiError.requestId`. */
export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null && value !== "") return value;
  }
  return undefined;
}
