/**
 * Distinguished names for X.509 and LDAP usernames, in two grammars. Each has a single-pass
 * scanner (linear, no regex backtracking stack, so megabyte values cannot overflow it) and the
 * same language as a regex source for JSON Schema (dn-patterns.ts, which only `toJSONSchema`
 * reads); the tests check the two agree.
 *
 * - Lenient (server): what an RFC 2253 parser in the style of Java's `javax.naming.ldap.LdapName`
 *   takes (Atlas is a Java service: `X-Java-Method` headers, docs/vendors/atlas.md §2): `,` or `;` between RDNs,
 *   spaces around separators and `=`, any escaped character, `"quoted"` and `#hex` values.
 * - Strict: the RFC 2253 §3 grammar itself, with RFC 4514's fixes (one-letter keys such as `C`,
 *   an escaped space), and §2.4's rule that a value neither starts nor ends with an unescaped space.
 */

const SP = 0x20;
const COMMA = 0x2c;
const SEMI = 0x3b;
const PLUS = 0x2b;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const HASH = 0x23;
const BACKSLASH = 0x5c;

/** A test for ASCII characters by table; NaN (past the end) and non-ASCII code units are not in it. */
function charClass(chars: string): (c: number) => boolean {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return (c) => table[c] === 1;
}
const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const isHex = charClass(`${DIGITS}ABCDEFabcdef`);
const isDigit = charClass(DIGITS);
const isAlpha = charClass(LETTERS);
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u; // tested on one code point at a time
const isTypeStart = (ch: string) => ch === "." || ch === "-" || LETTER_OR_DIGIT.test(ch);

export interface LenientAva {
  /** The attribute type, spaces trimmed. */
  readonly type: string;
  readonly kind: "quoted" | "hex" | "plain";
  /** The value as written (quotes included; unescaped edge spaces outside it). */
  readonly raw: string;
  /** The separator after this AVA: `,`, `;`, `+`, or "" at the end. */
  readonly sep: string;
}

/** Length of the attribute-type code point at `i` (spaces too when `inner`), 0 when there is none. */
function typeCharLength(v: string, i: number, inner: boolean): number {
  const cp = v.codePointAt(i);
  if (cp === undefined) return 0;
  const ch = String.fromCodePoint(cp);
  return (inner && ch === " ") || isTypeStart(ch) ? ch.length : 0;
}

/**
 * Scans the lenient grammar; calls `visit` for every attribute-value pair when given.
 * Returns whether the whole value is a DN, in one linear pass.
 * Past the end `charCodeAt` is NaN, which equals no character, so most loops need no bound check.
 */
export function scanLenientDn(v: string, visit?: (ava: LenientAva) => void): boolean {
  const n = v.length;
  let i = 0;
  for (;;) {
    while (v.charCodeAt(i) === SP) i++;
    const typeStart = i;
    let len = typeCharLength(v, i, false);
    if (len === 0) return false;
    do {
      i += len;
      len = typeCharLength(v, i, true);
    } while (len > 0);
    const typeEnd = i;
    if (v.charCodeAt(i) !== EQUALS) return false;
    i++;
    while (v.charCodeAt(i) === SP) i++;
    const valueStart = i;
    const first = v.charCodeAt(i);
    let kind: LenientAva["kind"] = "plain";
    if (first === QUOTE) {
      kind = "quoted";
      i++;
      for (let c = v.charCodeAt(i); c !== QUOTE; c = v.charCodeAt(i)) {
        if (i >= n) return false;
        i += c === BACKSLASH ? 2 : 1;
      }
      i++;
    } else if (first === HASH) {
      kind = "hex";
      i++;
      while (isHex(v.charCodeAt(i)) && isHex(v.charCodeAt(i + 1))) i += 2;
    } else {
      for (let c = first; i < n && c !== COMMA && c !== SEMI && c !== PLUS; c = v.charCodeAt(i)) {
        if (c === BACKSLASH && i + 1 === n) return false;
        i += c === BACKSLASH ? 2 : 1;
      }
    }
    const valueEnd = i;
    // Spaces after a quoted or hex value; an unquoted value keeps its trailing spaces.
    while (v.charCodeAt(i) === SP) i++;
    const sep = i < n ? v[i]! : "";
    if (sep !== "" && sep !== "," && sep !== ";" && sep !== "+") return false;
    visit?.({ type: v.slice(typeStart, typeEnd).trim(), kind, raw: v.slice(valueStart, valueEnd), sep });
    if (sep === "") return true;
    i++;
  }
}

const STRICT_SPECIAL = new Set([COMMA, EQUALS, PLUS, 0x3c, 0x3e, HASH, SEMI, BACKSLASH, QUOTE]);

/** Length of the RFC 2253 `pair` at `i` (`\` + special, `\`, `"`, space, or two hex digits), or 0. */
function pairAt(v: string, i: number): number {
  const c = v.charCodeAt(i + 1);
  if (c === SP || STRICT_SPECIAL.has(c)) return 2;
  return isHex(c) && isHex(v.charCodeAt(i + 2)) ? 3 : 0;
}

const isKeyChar = charClass(`${LETTERS}${DIGITS}-`);

/**
 * "No end": where the strict helpers below give it, `v.charCodeAt(BAD)` is NaN, which is neither
 * `=` nor a separator, so the caller refuses the value without a separate check.
 */
const BAD = -1;

/** End of the RFC 2253 attribute type at `i` (a keystring or a dotted OID), or BAD. */
function strictTypeEnd(v: string, i: number): number {
  if (isAlpha(v.charCodeAt(i))) {
    do i++;
    while (isKeyChar(v.charCodeAt(i)));
    return i;
  }
  if (!isDigit(v.charCodeAt(i))) return BAD;
  for (;;) {
    while (isDigit(v.charCodeAt(i))) i++;
    if (v.charCodeAt(i) !== 0x2e) return i;
    i++;
    if (!isDigit(v.charCodeAt(i))) return BAD;
  }
}

/** End of a strict unquoted value starting at `i`: no unescaped specials, no space at either end; or BAD. */
function strictPlainEnd(v: string, i: number): number {
  let lastSpace = v.charCodeAt(i) === SP;
  if (lastSpace) return BAD;
  for (let d = v.charCodeAt(i); !Number.isNaN(d) && d !== COMMA && d !== PLUS; d = v.charCodeAt(i)) {
    const len = d === BACKSLASH ? pairAt(v, i) : STRICT_SPECIAL.has(d) ? 0 : 1;
    if (len === 0) return BAD;
    lastSpace = d === SP;
    i += len;
  }
  return lastSpace ? BAD : i;
}

/** Whether the whole value is an RFC 2253 DN under the strict grammar. Linear, allocation-free. */
export function isRfc2253(v: string): boolean {
  let i = 0;
  for (;;) {
    i = strictTypeEnd(v, i);
    if (v.charCodeAt(i) !== EQUALS) return false;
    i++;
    const first = v.charCodeAt(i);
    if (first === QUOTE) {
      i++;
      for (let d = v.charCodeAt(i); d !== QUOTE; d = v.charCodeAt(i)) {
        const len = d === BACKSLASH ? pairAt(v, i) : Number.isNaN(d) ? 0 : 1;
        if (len === 0) return false;
        i += len;
      }
      i++;
    } else if (first === HASH) {
      const start = ++i;
      while (isHex(v.charCodeAt(i)) && isHex(v.charCodeAt(i + 1))) i += 2;
      if (i === start) return false;
    } else i = strictPlainEnd(v, i);
    if (i === v.length) return true;
    const sep = v.charCodeAt(i);
    if (sep !== COMMA && sep !== PLUS) return false;
    i++;
  }
}

/** Attribute type names of the Common Name (RFC 4519 `cn`, `commonName`, OID 2.5.4.3). */
const CN_TYPES = new Set(["cn", "commonname", "2.5.4.3"]);
const stripOid = (type: string) => (/^oid\./i.test(type) ? type.slice(4) : type);

/** Whether a lenient DN has a CN attribute; `undefined` when it is not a DN at all. */
export function dnHasCommonName(v: string): boolean | undefined {
  let found = false;
  const ok = scanLenientDn(v, (ava) => {
    if (CN_TYPES.has(stripOid(ava.type).toLowerCase())) found = true;
  });
  return ok ? found : undefined;
}

const STRICT_KEY = /^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)*)$/;
const ESCAPE_IN_STRICT = ',=+<>#;\\"';

/** Rewrites one unquoted lenient value in strict form: escapes specials and edge spaces, drops
 * unescaped trailing spaces, keeps `\hh` pairs, unescapes what needs no escape. */
function strictPlain(raw: string): string {
  const units: { text: string; ch: string; pair: boolean; escaped: boolean }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\") units.push({ text: c, ch: c, pair: false, escaped: false });
    else if (isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2))) {
      units.push({ text: raw.slice(i, i + 3), ch: "", pair: true, escaped: true });
      i += 2;
    } else {
      units.push({ text: raw[i + 1]!, ch: raw[i + 1]!, pair: false, escaped: true });
      i++;
    }
  }
  while (units.length > 0 && !units[units.length - 1]!.escaped && units[units.length - 1]!.ch === " ")
    units.pop();
  return units
    .map((u, k) => {
      if (u.pair) return u.text;
      if (ESCAPE_IN_STRICT.includes(u.ch)) return `\\${u.ch}`;
      return u.ch === " " && (k === 0 || k === units.length - 1) ? "\\ " : u.ch;
    })
    .join("");
}

/**
 * The strict RFC 2253 spelling of a lenient DN (`cn = Bob ; ou=x` → `cn=Bob,ou=x`), or
 * `undefined` when some part has no strict spelling (a type with spaces, a bare `#`).
 */
export function toStrictDn(v: string): string | undefined {
  let out = "";
  let failed = false;
  const ok = scanLenientDn(v, (ava) => {
    const type = stripOid(ava.type);
    if (!STRICT_KEY.test(type)) failed = true;
    let value = ava.raw;
    if (ava.kind === "hex") {
      if (value.length < 3) failed = true;
    } else if (ava.kind === "quoted") {
      value = `"${strictQuoted(value.slice(1, -1))}"`;
    } else value = strictPlain(value);
    out += `${type}=${value}${ava.sep === ";" ? "," : ava.sep}`;
  });
  return ok && !failed ? out : undefined;
}

/** Inside quotes strict RFC 2253 allows any character but `\` and `"`, which must be pairs. */
function strictQuoted(inner: string): string {
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== "\\") out += c;
    else if (isHex(inner.charCodeAt(i + 1)) && isHex(inner.charCodeAt(i + 2))) {
      out += inner.slice(i, i + 3);
      i += 2;
    } else {
      const next = inner[i + 1]!;
      out += next === "\\" || next === '"' ? `\\${next}` : next;
      i++;
    }
  }
  return out;
}
