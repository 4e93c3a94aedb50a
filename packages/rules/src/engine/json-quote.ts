/** JSON string literals for keys and messages, without `JSON.stringify`'s per-call setup. */

/** What JSON must escape: quote, backslash, control characters; surrogates may be lone (escaped). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Exactly `JSON.stringify(text)`, built directly when nothing needs escaping (the usual name). */
export function quoteJson(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}
