/**
 * DigitalOcean's path encoding: each parameter becomes one percent-encoded segment
 * (`encodeURIComponent`, as openapi-fetch does), so `/`, `?`, `#` and `%` stay inside the name.
 * Every string parameter is first checked with core's `assertSafePathSegment`, validation on or
 * off: a `.` or `..` segment (also percent-encoded) would make the URL parser drop it, and the
 * request would reach another resource (`DELETE …/users/..` is the cluster itself).
 */
import { assertSafePathSegment, InvalidPathParameterError } from "@dbusers/core";
import type { PathSerializer } from "openapi-fetch";

const PARAM = /\{([^{}]+)\}/g;

/** `/v2/databases/{database_cluster_uuid}/users/{username}` with each parameter checked, then encoded. */
export const encodePath: PathSerializer = (pathname, params) => {
  const each = (step: (parameter: string, value: unknown) => string) =>
    pathname.replace(PARAM, (_match, parameter: string) => step(parameter, params[parameter]));
  // Every parameter is checked before any is encoded. Numbers cannot be a dot segment.
  each((parameter, value) =>
    typeof value === "string" || value === undefined || value === null
      ? assertSafePathSegment(parameter, value)
      : "",
  );
  return each((parameter, value) => {
    const text = String(value);
    try {
      return encodeURIComponent(text);
    } catch {
      // encodeURIComponent throws a bare URIError only on a lone surrogate: no UTF-8 spells it.
      throw new InvalidPathParameterError({
        parameter,
        rule: "not-a-string",
        message: `Path parameter "${parameter}" is not well-formed Unicode (it has an unpaired surrogate), so it cannot be sent in a URL`,
      });
    }
  });
};
