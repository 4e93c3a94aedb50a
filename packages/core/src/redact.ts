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

/**
 * The words that make a key secret. One list serves both uses: in free text the separators are
 * optional (`api_key`, `api-key`, `apikey`), and a normalized key has none left to match.
 */
const KEY_WORD =
  "(?:pass(?:word|wd|phrase)|secret|token|api[-_]?key|private[-_]?key|access[-_]?(?:key|cert)|authorization|cookie|credentials?|certificate)";

/** A normalized key is secret when it contains a key word, or is one of the short ones exactly. */
const SECRET_KEY = /* @__PURE__ */ new RegExp(`${KEY_WORD}|^(?:pwd|pass|cert|auth)$`);

/** True for key names whose values are secrets: `password`, `X-Auth-Token`, `private_key`, `set-cookie`, … */
export function isSecretKey(key: string, extraKeys?: readonly string[]): boolean {
  const normalized = normalizeKey(key);
  if (normalized === "") return false;
  return (
    SECRET_KEY.test(normalized) || (extraKeys?.some((extra) => normalizeKey(extra) === normalized) ?? false)
  );
}

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
    /* @__PURE__ */ new RegExp(
      String.raw`("[^"\\\r\n]*${KEY_WORD}[^"\\\r\n]*"\s*:\s*)"(?:[^"\\]|\\.)*"`,
      "gi",
    ),
    `$1"${REDACTED}"`,
  ],
  // Query strings and form bodies: `access_token=…`.
  [
    /* @__PURE__ */ new RegExp(String.raw`\b([\w.-]*${KEY_WORD}[\w.-]*)=(?!\[REDACTED\])[^&\s"',;]+`, "gi"),
    `$1=${REDACTED}`,
  ],
  // Authorization schemes written out: `Bearer eyJ…`, `Basic dXNlcjpwYXNz`.
  [/\b([Bb]earer)\s+[\w\-.~+/]+=*/g, `$1 ${REDACTED}`],
  [/\b([Bb]asic)\s+[A-Za-z0-9+/]{8,}={0,2}/g, `$1 ${REDACTED}`],
  // Credentials in URLs: `mongodb+srv://user:pass@host`.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s/?#@]*@/gi, `$1:${REDACTED}@`],
];

/**
 * Secrets at least this long are removed wherever they appear. Shorter ones are removed only where
 * they stand alone (no letter, digit, mark or `_` right before or after): a one-letter token must
 * not punch holes into every word of a message, and the holes would spell the token out.
 */
export const ANYWHERE_LENGTH = 8;

const WORD_BEFORE = /[\p{L}\p{M}\p{N}_]$/u;
const WORD_AFTER = /^[\p{L}\p{M}\p{N}_]/u;

/** `text` with every standalone occurrence of `value` replaced (one pass, left to right). */
function replaceStandalone(text: string, value: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(value); at !== -1; ) {
    const end = at + value.length;
    if (WORD_BEFORE.test(text.slice(Math.max(0, at - 2), at)) || WORD_AFTER.test(text.slice(end, end + 2))) {
      at = text.indexOf(value, at + 1);
      continue;
    }
    out += text.slice(from, at) + REDACTED;
    from = end;
    at = text.indexOf(value, end);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `encodeURIComponent`, which throws on a lone surrogate: then the raw value is all there is. */
function percentEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Removes every spelling a secret may take in text: raw, percent-encoded, form-encoded, JSON-escaped.
 * Whole values only: see `ANYWHERE_LENGTH`. Internal; exported for the property tests.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const value of secrets) {
    // A Set: scrubbing one spelling twice would nest placeholders when the value is part of one.
    const spellings = new Set([
      value,
      percentEncoded(value),
      JSON.stringify(value).slice(1, -1),
      new URLSearchParams([["", value]]).toString().slice(1),
    ]);
    for (const spelling of spellings) {
      if (spelling.length < ANYWHERE_LENGTH) {
        out = replaceStandalone(out, spelling);
        continue;
      }
      // Replacing can join a placeholder with its neighbours into a new copy of the value; repeat
      // until none is left (unless the value is part of the placeholder itself: nothing can help).
      for (let round = 0; round < 8 && out.includes(spelling); round++) {
        out = out.split(spelling).join(REDACTED);
        if (REDACTED.includes(spelling)) break;
      }
    }
  }
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
  const query = parsed.search
    .slice(1)
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      // The key as a server reads it (`api%5Fkey` is `api_key`); only the value is replaced.
      const key = new URLSearchParams(pair).keys().next().value;
      return at !== -1 && isSecretKey(key ?? "") ? `${pair.slice(0, at)}=${REDACTED}` : pair;
    })
    .join("&");
  const hash = parsed.hash;
  parsed.username = parsed.password = parsed.search = parsed.hash = "";
  // `href`, not `origin`: the origin of `mongodb+srv://host/db` is "null".
  return redactString(`${parsed.href}${query && `?${query}`}${hash}`, values);
}

const UNREADABLE = "[Unreadable]";

/** The value under `key`, or a placeholder when reading it throws (a getter, a Proxy). */
function readSafely(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

/**
 * A deep copy of `value` that is safe to print: values under secret-looking keys become
 * `"[REDACTED]"`, strings go through {@link redactText}, `Secret`s print redacted, cycles become
 * `"[Circular]"`, getters that throw become `"[Unreadable]"`. Errors, `Headers`, `Map`s and `URL`s
 * become plain data, so the result always survives `JSON.stringify`.
 */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  const secrets = secretStrings(options.secrets);
  const keys = options.keys ?? [];
  const maxDepth = options.maxDepth ?? 32;
  const ancestors = new Set<object>();

  const entry = (key: string, item: unknown, depth: number): unknown =>
    item !== null && item !== undefined && isSecretKey(key, keys) ? REDACTED : copy(item, depth);

  const copy = (item: unknown, depth: number): unknown => {
    if (typeof item === "string") return redactString(item, secrets);
    if (typeof item === "function") return item.name ? `[Function: ${item.name}]` : "[Function]";
    if (typeof item !== "object" || item === null) return item;
    if (item instanceof Secret) return REDACTED;
    if (ancestors.has(item)) return "[Circular]";
    if (depth >= maxDepth) return "[Truncated]";
    ancestors.add(item);
    try {
      return copyObject(item, depth + 1);
    } catch {
      return UNREADABLE;
    } finally {
      ancestors.delete(item);
    }
  };

  const copyObject = (item: object, depth: number): unknown => {
    if (Array.isArray(item)) return item.map((element) => copy(element, depth));
    if (item instanceof Date) return new Date(item.getTime());
    if (item instanceof URL) return redactUrl(item, secrets);
    if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) return `[Binary: ${item.byteLength} bytes]`;
    if (item instanceof Map) {
      const out = new Map<unknown, unknown>();
      for (const [key, element] of item) {
        out.set(
          copy(key, depth),
          typeof key === "string" ? entry(key, element, depth) : copy(element, depth),
        );
      }
      return out;
    }
    if (item instanceof Set) return new Set([...item].map((element) => copy(element, depth)));
    const error = item instanceof Error;
    const out: Array<[string, unknown]> = error
      ? [
          ["name", copy(readSafely(item, "name"), depth)],
          ["message", copy(readSafely(item, "message"), depth)],
        ]
      : [];
    const add = (key: string, element: unknown) => out.push([key, entry(key, element, depth)]);
    if (typeof Headers === "function" && item instanceof Headers)
      for (const [key, element] of item) add(key, element);
    else for (const key of Object.keys(item)) add(key, readSafely(item, key));
    if (error && "cause" in item) out.push(["cause", copy(readSafely(item, "cause"), depth)]);
    // `fromEntries` defines each key, so a `__proto__` key stays a key instead of changing the prototype.
    return Object.fromEntries(out);
  };

  return copy(value, 0);
}
