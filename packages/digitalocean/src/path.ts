/**
 * DigitalOcean's path encoding: each parameter becomes one percent-encoded segment
 * (`encodeURIComponent`, as openapi-fetch does), so `/`, `?`, `#` and `%` stay inside the name.
 * Core's `safePathSerializer` runs first and refuses `.`/`..` segments, validation on or off.
 */
import { InvalidPathParameterError } from "@dbusers/core";
import type { PathSerializer } from "openapi-fetch";

const PARAM = /\{([^{}]+)\}/g;
/** In a `u` regex, a surrogate pair is one code point, so this finds only unpaired halves. */
const LONE_SURROGATE = /\p{Cs}/u;

function encodeSegment(parameter: string, value: unknown): string {
  const text = String(value);
  // encodeURIComponent throws a bare URIError on a lone surrogate: no UTF-8 spells it.
  if (LONE_SURROGATE.test(text)) {
    throw new InvalidPathParameterError({
      parameter,
      rule: "not-a-string",
      message: `Path parameter "${parameter}" is not well-formed Unicode (it has an unpaired surrogate), so it cannot be sent in a URL`,
    });
  }
  return encodeURIComponent(text);
}

/** `/v2/databases/{database_cluster_uuid}/users/{username}` with each parameter encoded. */
export const encodePath: PathSerializer = (pathname, params) =>
  pathname.replace(PARAM, (_match, name: string) => encodeSegment(name, params[name]));
