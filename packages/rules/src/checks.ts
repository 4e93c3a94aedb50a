/**
 * Rule factories shared by every provider file: each returns a `Rule` (data + one pure check) with
 * its message and, where JSON Schema can say the same thing, its JSON Schema fragment. Checks are
 * single-pass and allocation-free on the passing path.
 */

import {
  asciiLengths,
  classTable,
  codePointLength,
  foldedFirsts,
  hex4,
  isWhitespace,
  utf8Length,
} from "./chars.js";
import { quoteJson } from "./engine/json-quote.js";
import type { BaseContext, FieldInfo, Rule, RuleParams, RuleProfile } from "./types.js";

export interface RuleMeta<C extends BaseContext> {
  readonly id: string;
  readonly source: string;
  readonly profile?: RuleProfile;
  when?(ctx: C): boolean;
  /** Overrides the default one-line description. */
  readonly description?: string;
}

/** The data every rule carries, from a factory's meta (shared by provider-specific factories). */
export function ruleBase<C extends BaseContext>(meta: RuleMeta<C>, description: string) {
  return {
    id: meta.id,
    source: meta.source,
    profile: meta.profile ?? "both",
    description: meta.description ?? description,
    ...(meta.when ? { when: meta.when } : {}),
  } as const;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

export function maxChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly max: number }): Rule<C> {
  const { max } = meta;
  return {
    ...ruleBase(meta, `At most ${plural(max, "character")}.`),
    check: (v) => {
      if (v.length <= max) return undefined;
      const actual = codePointLength(v);
      return actual <= max ? undefined : { max, actual };
    },
    message: (p, f) =>
      `${f.label} is ${plural(p.actual as number, "character")}; ${f.vendor} allows at most ${max}`,
    jsonSchema: { maxLength: max },
    // n code units never hold more than n code points.
    fast: { kind: "maxUnits", n: max },
  };
}

export function minChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly min: number }): Rule<C> {
  const { min } = meta;
  return {
    ...ruleBase(meta, min === 1 ? "Must not be empty." : `At least ${plural(min, "character")}.`),
    check: (v) =>
      v.length >= min * 2 || codePointLength(v) >= min ? undefined : { min, actual: codePointLength(v) },
    message: (p, f) =>
      p.actual === 0
        ? `${f.label} is empty; ${f.vendor} requires at least ${plural(min, "character")}`
        : `${f.label} is ${plural(p.actual as number, "character")}; ${f.vendor} requires at least ${min}`,
    jsonSchema: { minLength: min },
    // n code units hold at least ceil(n / 2) code points.
    fast: { kind: "minUnits", n: min * 2 - 1 },
  };
}

export function maxUtf8Bytes<C extends BaseContext>(meta: RuleMeta<C> & { readonly max: number }): Rule<C> {
  const { max } = meta;
  return {
    ...ruleBase(meta, `At most ${max} bytes in UTF-8.`),
    check: (v) =>
      v.length * 3 <= max ? undefined : utf8Length(v) <= max ? undefined : { max, actual: utf8Length(v) },
    message: (p, f) =>
      `${f.label} is ${plural(p.actual as number, "byte")} in UTF-8; ${f.vendor} allows at most ${max}`,
    // A UTF-16 code unit is at most 3 bytes in UTF-8 (a surrogate pair, two units, is 4).
    fast: { kind: "maxUnits", n: Math.floor(max / 3) },
  };
}

type PatternMeta<C extends BaseContext> = RuleMeta<C> & {
  readonly pattern: string;
  readonly description: string;
  readonly message: (params: RuleParams, field: FieldInfo) => string;
};

/** One pattern rule; `negate` turns "must match" into "must not match" (`not: { pattern }`). */
function patternRule<C extends BaseContext>(meta: PatternMeta<C>, negate: boolean): Rule<C> {
  const re = new RegExp(meta.pattern, "u");
  return {
    ...ruleBase(meta, meta.description),
    check: (v) => (re.test(v) === negate ? {} : undefined),
    message: meta.message,
    jsonSchema: negate ? { not: { pattern: meta.pattern } } : { pattern: meta.pattern },
  };
}

/** A value must match a pattern; the same source string is the JSON Schema `pattern`. */
export function matches<C extends BaseContext>(meta: PatternMeta<C>): Rule<C> {
  return patternRule(meta, false);
}

/** A value must not match a pattern (JSON Schema: `not: { pattern }`). */
export function rejects<C extends BaseContext>(meta: PatternMeta<C>): Rule<C> {
  return patternRule(meta, true);
}

function escapeForClass(chars: string): string {
  return [...chars].map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join("");
}

function showChars(chars: string): string {
  return [...chars].map((c) => (c === " " ? "space" : c)).join(" ");
}

/** None of `chars` may appear anywhere. Reports the first offender (never for a secret field). */
export function forbidsChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly chars: string }): Rule<C> {
  // Code units: `chars` lists BMP characters (each one unit), checked unit by unit.
  const units = new Set([...meta.chars].filter((c) => c.length === 1).map((c) => c.charCodeAt(0)));
  const latin1 = new Uint8Array(256);
  for (const c of units) if (c < 256) latin1[c] = 1;
  const forbidden = (c: number) => (c < 256 ? latin1[c] === 1 : units.has(c));
  const shown = showChars(meta.chars);
  return {
    ...ruleBase(meta, `Must not contain any of: ${shown}.`),
    check: (v) => {
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        // `forbidden`, inlined: this loop runs for every value the screen cannot clear.
        if (c < 256 ? latin1[c] === 1 : units.has(c)) return { char: v[i], index: i, forbidden: meta.chars };
      }
      return undefined;
    },
    message: (p, f) =>
      f.secret || p.char === undefined
        ? `${f.label} contains a character ${f.vendor} does not allow (none of: ${shown})`
        : `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; ${f.vendor} does not allow any of: ${shown}`,
    jsonSchema: { pattern: `^[^${escapeForClass(meta.chars)}]*$` },
    scan: { kind: "forbid", test: forbidden },
  };
}

/** Only characters in the inclusive code unit range (e.g. printable ASCII 0x20–0x7E). */
export function onlyRange<C extends BaseContext>(
  meta: RuleMeta<C> & { readonly from: number; readonly to: number; readonly what: string },
): Rule<C> {
  const { from, to } = meta;
  const hex = (n: number) => `\\u${n.toString(16).padStart(4, "0")}`;
  return {
    ...ruleBase(meta, `Only ${meta.what}.`),
    check: (v) => {
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        if (c < from || c > to) return { index: i, codeUnit: c };
      }
      return undefined;
    },
    message: (p, f) =>
      f.secret || p.index === undefined
        ? `${f.label} contains a character outside ${meta.what}, which ${f.vendor} does not allow`
        : `${f.label} has a character outside ${meta.what} at position ${(p.index as number) + 1} (U+${hex4(p.codeUnit as number)}); ${f.vendor} does not allow it`,
    jsonSchema: { pattern: `^[${hex(from)}-${hex(to)}]*$` },
    scan: { kind: "forbid", test: (c) => c < from || c > to },
  };
}

/** No whitespace at the start or the end (JS `\s`); looks at two code units, whatever the length. */
export function noEdgeWhitespace<C extends BaseContext>(meta: RuleMeta<C>): Rule<C> {
  return {
    ...ruleBase(meta, "No whitespace at the start or end."),
    check: (v) =>
      v.length > 0 && (isWhitespace(v.charCodeAt(0)) || isWhitespace(v.charCodeAt(v.length - 1)))
        ? {}
        : undefined,
    message: (_p, f) => `${f.label} starts or ends with whitespace; ${f.vendor} does not allow that`,
    jsonSchema: { not: { pattern: "^\\s|\\s$" } },
    fast: { kind: "edges", test: isWhitespace },
  };
}

/** None of `chars` as the first or last character (e.g. Rackspace's `@ ? #`, documented as inner only). */
export function noEdgeChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly chars: string }): Rule<C> {
  const set = new Set([...meta.chars].map((c) => c.charCodeAt(0)));
  const test = (c: number) => set.has(c);
  const shown = showChars(meta.chars);
  return {
    ...ruleBase(meta, `Does not start or end with any of: ${shown}.`),
    check: (v) =>
      v.length > 0 && (test(v.charCodeAt(0)) || test(v.charCodeAt(v.length - 1))) ? {} : undefined,
    message: (_p, f) => `${f.label} starts or ends with one of ${shown}; ${f.vendor} allows them only inside`,
    jsonSchema: { not: { pattern: `^[${escapeForClass(meta.chars)}]|[${escapeForClass(meta.chars)}]$` } },
    fast: { kind: "edges", test },
  };
}

/** At least one character of a class (an empty value passes: length rules report emptiness). */
export function requiresChar<C extends BaseContext>(
  meta: RuleMeta<C> & { readonly charClass: string; readonly what: string },
): Rule<C> {
  const { latin1, test } = classTable(meta.charClass);
  // A class of plain ASCII (no escape, bracket or negation) holds only ASCII units, so one native
  // regex scan answers "some unit is in the class" exactly, faster than a charCodeAt loop.
  const ascii = /^[\x20-\x5a\x5f-\x7e]*$/.test(meta.charClass)
    ? new RegExp(`[${meta.charClass}]`)
    : undefined;
  return {
    ...ruleBase(meta, `Contains at least one ${meta.what}.`),
    check: (v) => {
      if (v.length === 0) return undefined;
      if (ascii !== undefined) return ascii.test(v) ? undefined : {};
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        if (c < 256 ? latin1[c] === 1 : test(c)) return undefined;
      }
      return {};
    },
    message: (_p, f) => `${f.label} has no ${meta.what}; ${f.vendor} requires at least one`,
    jsonSchema: { pattern: `^$|[${meta.charClass}]` },
    scan: { kind: "require", test },
  };
}

/** Names the vendor keeps for itself. */
export function notReserved<C extends BaseContext>(
  meta: RuleMeta<C> & { readonly names: readonly string[]; readonly caseInsensitive?: boolean },
): Rule<C> {
  const folded = new Set(meta.caseInsensitive ? meta.names.map((n) => n.toLowerCase()) : meta.names);
  const listed = meta.names.join(", ");
  return {
    ...ruleBase(
      meta,
      `Not one of the reserved names ${listed}${meta.caseInsensitive ? " (in any case)" : ""}.`,
    ),
    check: (v) =>
      folded.has(meta.caseInsensitive ? v.toLowerCase() : v) ? { value: v, reserved: meta.names } : undefined,
    message: (p, f) =>
      f.secret
        ? `${f.label} is a reserved name`
        : `${f.label} ${quoteJson(p.value)} is reserved by ${f.vendor}; reserved: ${listed}`,
    // JSON Schema has no case-insensitive enum; only the exact-case form is expressible.
    ...(meta.caseInsensitive
      ? { fast: { kind: "firstNotIn", firsts: foldedFirsts(folded), ...asciiLengths(meta.names) } }
      : { jsonSchema: { not: { enum: [...meta.names] } }, fast: { kind: "notIn", set: folded } }),
  };
}

/** Must not start with a prefix (PostgreSQL keeps `pg_` role names). */
export function notPrefixed<C extends BaseContext>(meta: RuleMeta<C> & { readonly prefix: string }): Rule<C> {
  const { prefix } = meta;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    ...ruleBase(meta, `Must not start with "${prefix}".`),
    check: (v) => (v.startsWith(prefix) ? { prefix } : undefined),
    message: (_p, f) => `${f.label} starts with "${prefix}", which ${f.vendor} reserves`,
    jsonSchema: { not: { pattern: `^${escaped}` } },
  };
}
