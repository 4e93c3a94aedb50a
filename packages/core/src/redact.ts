/** Deep, cycle-safe redaction of values and text before they reach a message, a log or an error. */
import { REDACTED, Secret, type SecretValue, secretStrings } from "./secret.js";

export interface RedactOptions {
  /** Exact values to scrub wherever they appear in a string (a token the client holds, a password it sent). */
  readonly secrets?: readonly SecretValue[];
  /** More key names whose values are secret, on top of the built-in list (compared like the built-in ones). */
  readonly keys?: readonly string[];
  /** Deeper values become `"[Truncated]"`. Default 32. */
  readonly maxDepth?: number;
}

/** `api_key`, `API-Key` and `apiKey` are the same key. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A key is secret when its normalized form contains one of these... */
const SECRET_KEY_PARTS = [
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "privatekey",
  "accesskey",
  "accesscert",
  "authorization",
  "cookie",
  "credential",
  "certificate",
];
/** ...or is exactly one of these (too short to match as a part). */
const SECRET_KEYS_EXACT = new Set(["pwd", "pass", "cert", "auth"]);

/** True for key names whose values are secrets: `password`, `X-Auth-Token`, `private_key`, `set-cookie`, … */
export function isSecretKey(key: string, extraKeys?: readonly string[]): boolean {
  const normalized = normalizeKey(key);
  if (normalized === "") return false;
  if (SECRET_KEYS_EXACT.has(normalized)) return true;
  if (SECRET_KEY_PARTS.some((part) => normalized.includes(part))) return true;
  return extraKeys?.some((extra) => normalizeKey(extra) === normalized) ?? false;
}

const KEY_WORD =
  "(?:pass(?:word|wd|phrase)|secret|token|api[-_]?key|private[-_]?key|access[-_]?(?:key|cert)|authorization|cookie|credentials?|certificate)";

/** Patterns for secrets inside free text, applied in this order. */
const TEXT_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // PEM blocks (keys, certificates); a block cut off before its END line is scrubbed to the end.
  [/-----BEGIN [^\r\n-]{1,64}-----[\s\S]*?(?:-----END [^\r\n-]{1,64}-----|$)/g, REDACTED],
  // Header lines in dumps: `Authorization: Bearer …`, `Cookie: …`.
  [
    /\b((?:proxy-)?authorization|x-auth-token|x-api-key|set-cookie|cookie)(\s*:\s*)[^\r\n]+/gi,
    `$1$2${REDACTED}`,
  ],
  // JSON pairs in text that is not parsed: `"password":"…"`.
  [
    new RegExp(`("[^"\\\\\\r\\n]*${KEY_WORD}[^"\\\\\\r\\n]*"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi"),
    `$1"${REDACTED}"`,
  ],
  // Query strings and form bodies: `access_token=…`.
  [
    new RegExp(`\\b([A-Za-z0-9_.-]*${KEY_WORD}[A-Za-z0-9_.-]*)=(?!\\[REDACTED\\])[^&\\s"',;]+`, "gi"),
    `$1=${REDACTED}`,
  ],
  // Authorization schemes written out: `Bearer eyJ…`, `Basic dXNlcjpwYXNz`.
  [/\b([Bb]earer)\s+[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
  [/\b([Bb]asic)\s+[A-Za-z0-9+/]{8,}={0,2}/g, `$1 ${REDACTED}`],
  // Credentials in URLs: `mongodb+srv://user:pass@host`.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s/?#@]*@/gi, `$1:${REDACTED}@`],
];

/** The spellings a secret may take in text: raw, percent-encoded, form-encoded, JSON-escaped. */
function spellings(value: string): string[] {
  const out = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  out.add(new URLSearchParams([["", value]]).toString().slice(1));
  return [...out].filter((spelling) => spelling !== "");
}

function scrubValue(text: string, value: string): string {
  let out = text;
  // Replacing can join a placeholder with its neighbours into a new copy of the value; repeat until
  // none is left (unless the value is part of the placeholder itself, where nothing can help).
  for (let round = 0; round < 8 && out.includes(value); round++) {
    out = out.split(value).join(REDACTED);
    if (REDACTED.includes(value)) break;
  }
  return out;
}

function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const value of secrets) for (const spelling of spellings(value)) out = scrubValue(out, spelling);
  return out;
}

/** Internal: text redaction with secrets already flattened to strings. */
function redactString(text: string, secrets: readonly string[]): string {
  let out = scrubSecrets(text, secrets);
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return scrubSecrets(out, secrets);
}

/**
 * Scrubs secrets from free text: the given values (also percent- and JSON-encoded), PEM blocks,
 * `Bearer …`/`Basic …` credentials, `Authorization:` header lines, `"password":"…"` pairs,
 * `token=…` query parameters and `user:password@` in URLs.
 */
export function redactText(text: string, secrets?: readonly SecretValue[]): string {
  return redactString(String(text), secretStrings(secrets));
}

/** A URL for messages: no user info, secret query parameters replaced, registered secrets scrubbed. */
export function redactUrl(url: string | URL, secrets?: readonly SecretValue[]): string {
  const values = secretStrings(secrets);
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redactString(String(url), values);
  }
  parsed.username = "";
  parsed.password = "";
  const query = parsed.search.slice(1);
  const search =
    query === ""
      ? ""
      : `?${query
          .split("&")
          .map((pair) => {
            const at = pair.indexOf("=");
            const key = at === -1 ? pair : pair.slice(0, at);
            return at !== -1 && isSecretKey(safeDecode(key)) ? `${key}=${REDACTED}` : pair;
          })
          .join("&")}`;
  const hash = parsed.hash;
  parsed.search = "";
  parsed.hash = "";
  // `href`, not `origin`: the origin of `mongodb+srv://host/db` is "null".
  return redactString(`${parsed.href}${search}${hash}`, values);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

interface Walk {
  readonly secrets: readonly string[];
  readonly keys: readonly string[];
  readonly maxDepth: number;
  readonly ancestors: Set<object>;
}

/**
 * A deep copy of `value` that is safe to print: values under secret-looking keys become
 * `"[REDACTED]"`, strings go through {@link redactText}, `Secret`s print redacted, cycles become
 * `"[Circular]"`, getters that throw become `"[Unreadable]"`. Errors, `Headers`, `Map`s and `URL`s
 * become plain data, so the result always survives `JSON.stringify`.
 */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  const walk: Walk = {
    secrets: secretStrings(options.secrets),
    keys: options.keys ?? [],
    maxDepth: options.maxDepth ?? 32,
    ancestors: new Set(),
  };
  return copy(value, walk, 0);
}

function copy(value: unknown, walk: Walk, depth: number): unknown {
  if (typeof value === "string") return redactString(value, walk.secrets);
  if (typeof value === "function") return value.name ? `[Function: ${value.name}]` : "[Function]";
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Secret) return REDACTED;
  if (walk.ancestors.has(value)) return "[Circular]";
  if (depth >= walk.maxDepth) return "[Truncated]";
  walk.ancestors.add(value);
  try {
    return copyObject(value, walk, depth + 1);
  } catch {
    return "[Unreadable]";
  } finally {
    walk.ancestors.delete(value);
  }
}

function copyEntry(key: string, value: unknown, walk: Walk, depth: number): unknown {
  if (value !== null && value !== undefined && isSecretKey(key, walk.keys)) return REDACTED;
  return copy(value, walk, depth);
}

function copyObject(value: object, walk: Walk, depth: number): unknown {
  if (Array.isArray(value)) return value.map((item) => copy(item, walk, depth));
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof URL) return redactUrl(value, walk.secrets);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[Binary: ${value.byteLength} bytes]`;
  if (typeof Headers === "function" && value instanceof Headers) {
    return copyPairs([...value.entries()], walk, depth);
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [key, item] of value) {
      const copiedKey = copy(key, walk, depth);
      out.set(
        copiedKey,
        typeof key === "string" ? copyEntry(key, item, walk, depth) : copy(item, walk, depth),
      );
    }
    return out;
  }
  if (value instanceof Set) return new Set([...value].map((item) => copy(item, walk, depth)));
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    assign(out, "name", copy(readSafely(value, "name"), walk, depth));
    assign(out, "message", copy(readSafely(value, "message"), walk, depth));
  }
  for (const key of Object.keys(value)) assign(out, key, copyEntry(key, readSafely(value, key), walk, depth));
  if (value instanceof Error && "cause" in value) {
    assign(out, "cause", copy(readSafely(value, "cause"), walk, depth));
  }
  return out;
}

function copyPairs(pairs: ReadonlyArray<readonly [string, unknown]>, walk: Walk, depth: number): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, item] of pairs) assign(out, key, copyEntry(key, item, walk, depth));
  return out;
}

const UNREADABLE = "[Unreadable]";

function readSafely(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

/** Plain assignment, except that a `__proto__` key stays a key instead of changing the prototype. */
function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
