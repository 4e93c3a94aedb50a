/**
 * Path parameters that cannot change which resource a request reaches. The URL parser inside
 * `fetch` removes dot segments, so `DELETE /v2/databases/{id}/users/..` would be sent as
 * `DELETE /v2/databases/{id}` and hit the cluster itself; `%2E%2E` is treated the same way.
 */
import { InvalidPathParameterError, type PathParameterRule } from "./request-errors.js";

/** True when `text`, or any percent-decoding of it, has a `.` or `..` segment (split at `/` or `\`). */
function hasDotSegment(text: string): boolean {
  // Without a `.` or a `%`, no decoding can make one: most names and ids end here.
  if (!text.includes(".") && !text.includes("%")) return false;
  // The text as it is, then up to 4 rounds of percent-decoding (`%252E` → `%2E` → `.`).
  let current = text;
  for (let round = 0; round <= 4; round++) {
    if (/(?:^|[/\\])\.\.?(?:$|[/\\])/.test(current)) return true;
    // Nothing to decode (a `%` that starts no escape, as in Trove's host `10.0.0.%`): decoding would
    // only throw, and a thrown error costs more than the whole check.
    if (!/%[0-9a-f]{2}/i.test(current)) return false;
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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
 * (a primitive: not an array, a boxed string or an object with `toString`), well-formed Unicode,
 * and does not percent-decode to a dot segment. Otherwise throws `InvalidPathParameterError`
 * naming `parameter` and the rule. The template checks every path parameter with it; vendor
 * clients call it first, before validation, so nothing else runs on such a value.
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
  // A lone surrogate has no UTF-8 spelling, so no URL can carry it (encodeURIComponent throws).
  if (LONE_SURROGATE.test(value)) {
    return refuse(
      "ill-formed",
      "is not well-formed Unicode (it has an unpaired surrogate), so it cannot be sent in a URL",
    );
  }
  if (hasDotSegment(value)) {
    return refuse(
      "dot-segment",
      'must not be "." or ".." (also percent-encoded): the URL parser would drop it and reach another resource',
    );
  }
  return value;
}
