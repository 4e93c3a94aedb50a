/** Reading a vendor's answer: the request id vendors put in a header. */

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
