/**
 * DigitalOcean's path encoding: each parameter becomes one percent-encoded segment
 * (`encodeURIComponent`, as openapi-fetch does), so `/`, `?`, `#` and `%` stay inside the name.
 * The client wraps it in core's `safePathSerializer`, which refuses `.`/`..` segments (also
 * percent-encoded) first, validation on or off: the URL parser would drop them, and the request
 * would reach another resource (`DELETE …/users/..` is the cluster itself).
 */
import { InvalidPathParameterError } from "@dbusers/core";
import type { PathSerializer } from "openapi-fetch";

const PARAM = /\{([^{}]+)\}/g;

/** `/v2/databases/{database_cluster_uuid}/users/{username}` with each parameter encoded. */
export const encodePath: PathSerializer = (pathname, params) =>
  pathname.replace(PARAM, (_match, parameter: string) => {
    try {
      return encodeURIComponent(String(params[parameter]));
    } catch {
      // encodeURIComponent throws a bare URIError only on a lone surrogate: no UTF-8 spells it.
      throw new InvalidPathParameterError({
        parameter,
        rule: "not-a-string",
        message: `Path parameter "${parameter}" is not well-formed Unicode (it has an unpaired surrogate), so it cannot be sent in a URL`,
      });
    }
  });
