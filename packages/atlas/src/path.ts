/**
 * Atlas path parameters, escaped as MongoDB's Go SDK escapes them: Go's `url.PathEscape`
 * (docs/vendors/atlas.md §5). It keeps `A–Z a–z 0–9 - _ . ~ $ & + : = @` and percent-encodes every
 * other UTF-8 byte in upper-case hex, so `$external` stays as it is and an ARN, a DN or `idp/name`
 * stays one segment (`/` → `%2F`, `,` → `%2C`, space → `%20`). The server decodes once (§5).
 */
import { InvalidPathParameterError } from "@dbusers/core";

/** Characters `encodeURIComponent` escapes but `url.PathEscape` keeps. */
const KEPT = /%(?:24|26|2B|3A|3D|40)/g;
/** Characters `encodeURIComponent` keeps but `url.PathEscape` escapes. */
const ESCAPED = /[!'()*]/g;

/** Go's `url.PathEscape` of one parameter. Throws `InvalidPathParameterError` for a lone surrogate. */
export function pathEscape(parameter: string, value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // Only a lone surrogate makes encodeURIComponent throw: no UTF-8 spells it.
    throw new InvalidPathParameterError({
      parameter,
      rule: "not-a-string",
      message: `Path parameter "${parameter}" is not well-formed Unicode (it has an unpaired surrogate), so it cannot be sent in a URL`,
    });
  }
  return encoded
    .replace(KEPT, (escaped) => decodeURIComponent(escaped))
    .replace(ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
