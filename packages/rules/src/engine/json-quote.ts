/** JSON string literals for keys and messages, without `JSON.stringify`'s per-call setup. */

/** Whether JSON must escape a unit: quote, backslash, control characters, surrogates (may be lone). */
function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/**
 * Exactly the text `${JSON.stringify(value)}` gives in a template, built directly for a string
 * with nothing to escape (the usual name). Anything else goes through `JSON.stringify`.
 */
export function quoteJson(value: unknown): string {
  if (typeof value === "string" && !needsEscape(value)) return `"${value}"`;
  return String(JSON.stringify(value));
}
