/**
 * Path parameters that cannot change which resource a request reaches. The URL parser inside
 * `fetch` removes dot segments, so `DELETE /v2/databases/{id}/users/..` would be sent as
 * `DELETE /v2/databases/{id}` and hit the cluster itself; `%2E%2E` is treated the same way.
 */
import { InvalidPathParameterError } from "./request-errors.js";

/** How many rounds of percent-decoding are checked (`%252E` → `%2E` → `.`). */
const DECODE_ROUNDS = 4;

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True when `text`, or any percent-decoding of it, has a `.` or `..` segment (split at `/` or `\`). */
function hasDotSegment(text: string): boolean {
  // Without a `.` or a `%`, no round of decoding can produce a dot.
  if (!text.includes(".") && !text.includes("%")) return false;
  let current = text;
  for (let round = 0; round <= DECODE_ROUNDS; round++) {
    if (current.split(/[/\\]/).some((segment) => segment === "." || segment === "..")) return true;
    const next = decodeOnce(current);
    if (next === current) return false;
    current = next;
  }
  return false;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Returns `value` when it is safe as one path segment: a non-empty string that is not `.` or `..`
 * and does not percent-decode to a dot segment. Otherwise throws `InvalidPathParameterError`
 * naming `parameter`. Vendors with their own path encoding call this first, then encode.
 */
export function assertSafePathSegment(parameter: string, value: unknown): string {
  if (value === undefined || value === null) {
    throw new InvalidPathParameterError({
      parameter,
      rule: "missing",
      message: `Path parameter "${parameter}" is missing`,
    });
  }
  if (typeof value !== "string") {
    throw new InvalidPathParameterError({
      parameter,
      rule: "not-a-string",
      message: `Path parameter "${parameter}" must be a string, got ${typeName(value)}`,
    });
  }
  if (value === "") {
    throw new InvalidPathParameterError({
      parameter,
      rule: "empty",
      message: `Path parameter "${parameter}" must not be empty: the request would reach the parent resource`,
    });
  }
  if (hasDotSegment(value)) {
    throw new InvalidPathParameterError({
      parameter,
      rule: "dot-segment",
      message: `Path parameter "${parameter}" must not be "." or ".." (also percent-encoded): the URL parser would drop the segment and the request would reach a different resource`,
    });
  }
  return value;
}

/** `assertSafePathSegment`, then `encodeURIComponent`: the encoding openapi-fetch uses. */
export function encodePathSegment(parameter: string, value: unknown): string {
  return encodeURIComponent(assertSafePathSegment(parameter, value));
}
