/** Small string helpers that provider `suggest` functions compose into "the closest valid name". */

/** Strips accents (é → e) and drops what has no ASCII base, for vendors that accept only ASCII. */
export function asciiFold(raw: string): string {
  return raw.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** Replaces every character not matched by `allowed` (a one-character test) with `replacement`. */
export function replaceDisallowed(raw: string, allowed: RegExp, replacement: string): string {
  let out = "";
  for (const ch of raw) out += allowed.test(ch) ? ch : replacement;
  return out;
}

/** Collapses runs of `char` into one. */
export function collapseRuns(raw: string, char: string): string {
  let out = "";
  for (const ch of raw) if (!(ch === char && out.endsWith(char))) out += ch;
  return out;
}

/** The first `max` code points. */
export function truncateCodePoints(raw: string, max: number): string {
  return [...raw].slice(0, max).join("");
}

/** The longest prefix whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function truncateUtf8(raw: string, maxBytes: number): string {
  let bytes = 0;
  let out = "";
  for (const ch of raw) {
    const size = new TextEncoder().encode(ch).length;
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/** Removes leading and trailing characters matched by `edge`. */
export function trimWith(raw: string, edge: RegExp): string {
  const chars = [...raw];
  while (chars.length > 0 && edge.test(chars[0]!)) chars.shift();
  while (chars.length > 0 && edge.test(chars[chars.length - 1]!)) chars.pop();
  return chars.join("");
}
