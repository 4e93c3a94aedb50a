/**
 * The two distinguished-name grammars of dn.ts as JSON Schema `pattern`s (ECMA-262 with the `u`
 * flag), for `toJSONSchema` only: validation runs dn.ts's scanners, and the tests check that each
 * pattern and its scanner accept the same values.
 */

/** The lenient grammar as a JSON Schema `pattern` (ECMA-262 with the `u` flag). */
const LENIENT_AVA = String.raw`[ ]*[\p{L}\p{Nd}.-][\p{L}\p{Nd}. -]*=[ ]*(?:"(?:[^"\\]|\\[\s\S])*"[ ]*|#(?:[0-9A-Fa-f]{2})*[ ]*|(?:[^,;+\\"# ]|\\[\s\S])(?:[^,;+\\]|\\[\s\S])*|)`;
export const LENIENT_DN_PATTERN = `^${LENIENT_AVA}(?:[,;+]${LENIENT_AVA})*$`;

const PAIR = String.raw`\\(?:[,=+<>#;\\" ]|[0-9A-Fa-f]{2})`;
const NS = String.raw`(?:[^,=+<>#;\\" ]|${PAIR})`;
const STRICT_AVA = String.raw`(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)*)=(?:${NS}(?:[ ]*${NS})*|"(?:[^\\"]|${PAIR})*"|#(?:[0-9A-Fa-f]{2})+)?`;
/** The strict grammar as a JSON Schema `pattern`. */
export const RFC2253_PATTERN = `^${STRICT_AVA}(?:[,+]${STRICT_AVA})*$`;
