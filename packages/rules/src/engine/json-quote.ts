/** JSON string literals for keys and messages, without `JSON.stringify`'s per-call setup. */

/** What JSON must escape: quote, backslash, control characters; surrogates may be lone (escaped). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Exactly the text `${JSON.stringify(value)}` gives in a template, built directly for a string
 * with nothing to escape (the usual name). Anything else goes through `JSON.stringify`.
 */
export function quoteJson(value: unknown): string {
  if (typeof value === "string" && !NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return String(JSON.stringify(value));
}
