/**
 * Path parameters that cannot change which resource a request reaches. The URL parser inside
 * `fetch` removes dot segments, so `DELETE /v2/databases/{id}/users/..` would be sent as
 * `DELETE /v2/databases/{id}` and hit the cluster itself; `%2E%2E` is treated the same way.
 */
import { InvalidPathParameterError, type PathParameterRule } from "./request-errors.js";

/** True when `text`, or any percent-decoding of it, has a `.` or `..` segment (split at `/` or `\`). */
function hasDotSegment(text: string): boolean {
  // The text as it is, then up to 4 rounds of percent-decoding (`%252E` → `%2E` → `.`).
  let current = text;
  for (let round = 0; round <= 4; round++) {
    if (/(?:^|[/\\])\.\.?(?:$|[/\\])/.test(current)) return true;
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (next === current) return false;
    current = next;
  }
  return false;
}

/** What a value is, for a message; never reads the value (a revoked Proxy throws on any look). */
function typeName(value: unknown): string {
  if (typeof value !== "object") return `a ${typeof value}`;
  try {
    return Array.isArray(value) ? "an array" : "an object";
  } catch {
    return "an object";
  }
}

/**
 * Returns `value` when it is safe as one path segment: a non-empty string that is not `.` or `..`
 * and does not percent-decode to a dot segment. Otherwise throws `InvalidPathParameterError`
 * naming `parameter`. Vendors with their own path encoding call this first, then encode.
 */
export function assertSafePathSegment(parameter: string, value: unknown): string {
  const refuse = (rule: PathParameterRule, why: string): never => {
    throw new InvalidPathParameterError({ parameter, rule, message: `Path parameter "${parameter}" ${why}` });
  };
  if (value === undefined || value === null) return refuse("missing", "is missing");
  // Only a primitive string: `String()` of an array, a boxed string or an object with `toString`
  // could turn into `..` after this check.
  if (typeof value !== "string") return refuse("not-a-string", `must be a string, got ${typeName(value)}`);
  if (value === "") return refuse("empty", "must not be empty: the request would reach the parent resource");
  if (hasDotSegment(value)) {
    return refuse(
      "dot-segment",
      'must not be "." or ".." (also percent-encoded): the URL parser would drop it and reach another resource',
    );
  }
  return value;
}

/** `assertSafePathSegment`, then `encodeURIComponent`: the encoding openapi-fetch uses. */
export function encodePathSegment(parameter: string, value: unknown): string {
  return encodeURIComponent(assertSafePathSegment(parameter, value));
}
