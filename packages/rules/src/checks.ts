/**
 * Rule factories shared by every provider file: each returns a `Rule` (id, profile, one pure check
 * and its message) and, where JSON Schema can say the same thing, its JSON Schema fragment. What a
 * rule means and where it comes from is written in the provider's documentation table, not here.
 * Checks are linear in the value's length: values may be megabytes.
 */

import { codePointLength, hex4, isWhitespace, utf8Length } from "./chars.js";
import { quoteJson } from "./engine/json-quote.js";
import type { BaseContext, FieldInfo, Rule, RuleParams, RuleProfile } from "./types.js";

export interface RuleMeta<C extends BaseContext> {
  readonly id: string;
  readonly profile?: RuleProfile;
  when?(ctx: C): boolean;
}

/** The data every rule carries, from a factory's meta (shared by provider-specific factories). */
export function ruleBase<C extends BaseContext>(meta: RuleMeta<C>) {
  return {
    id: meta.id,
    profile: meta.profile ?? "both",
    ...(meta.when ? { when: meta.when } : {}),
  } as const;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

export function maxChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly max: number }): Rule<C> {
  const { max } = meta;
  return {
    ...ruleBase(meta),
    check: (v) => {
      const actual = codePointLength(v);
      return actual <= max ? undefined : { max, actual };
    },
    message: (p, f) =>
      `${f.label} is ${plural(p.actual as number, "character")}; ${f.vendor} allows at most ${max}`,
    jsonSchema: { maxLength: max },
  };
}

export function minChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly min: number }): Rule<C> {
  const { min } = meta;
  return {
    ...ruleBase(meta),
    check: (v) => {
      const actual = codePointLength(v);
      return actual >= min ? undefined : { min, actual };
    },
    message: (p, f) =>
      p.actual === 0
        ? `${f.label} is empty; ${f.vendor} requires at least ${plural(min, "character")}`
        : `${f.label} is ${plural(p.actual as number, "character")}; ${f.vendor} requires at least ${min}`,
    jsonSchema: { minLength: min },
  };
}

export function maxUtf8Bytes<C extends BaseContext>(meta: RuleMeta<C> & { readonly max: number }): Rule<C> {
  const { max } = meta;
  return {
    ...ruleBase(meta),
    check: (v) => {
      const actual = utf8Length(v);
      return actual <= max ? undefined : { max, actual };
    },
    message: (p, f) =>
      `${f.label} is ${plural(p.actual as number, "byte")} in UTF-8; ${f.vendor} allows at most ${max}`,
  };
}

type PatternMeta<C extends BaseContext> = RuleMeta<C> & {
  readonly pattern: string;
  readonly message: (params: RuleParams, field: FieldInfo) => string;
};

/** One pattern rule; `negate` turns "must match" into "must not match" (`not: { pattern }`). */
function patternRule<C extends BaseContext>(meta: PatternMeta<C>, negate: boolean): Rule<C> {
  const re = new RegExp(meta.pattern, "u");
  return {
    ...ruleBase(meta),
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

export function escapeForClass(chars: string): string {
  return [...chars].map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join("");
}

export function showChars(chars: string): string {
  return [...chars].map((c) => (c === " " ? "space" : c)).join(" ");
}

/** None of `chars` may appear anywhere. Reports the first offender (never for a secret field). */
export function forbidsChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly chars: string }): Rule<C> {
  // `chars` lists BMP characters; one native scan finds the first of them.
  const offender = new RegExp(`[${escapeForClass(meta.chars)}]`, "u");
  const shown = showChars(meta.chars);
  return {
    ...ruleBase(meta),
    check: (v) => {
      const found = offender.exec(v);
      return found === null ? undefined : { char: found[0], index: found.index, forbidden: meta.chars };
    },
    message: (p, f) =>
      f.secret || p.char === undefined
        ? `${f.label} contains a character ${f.vendor} does not allow (none of: ${shown})`
        : `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; ${f.vendor} does not allow any of: ${shown}`,
    jsonSchema: { pattern: `^[^${escapeForClass(meta.chars)}]*$` },
  };
}

/** Only characters in the inclusive code unit range (e.g. printable ASCII 0x20–0x7E). */
export function onlyRange<C extends BaseContext>(
  meta: RuleMeta<C> & { readonly from: number; readonly to: number; readonly what: string },
): Rule<C> {
  const { from, to } = meta;
  const hex = (n: number) => `\\u${n.toString(16).padStart(4, "0")}`;
  // Without the `u` flag the class is tested per code unit, as the rule counts.
  const outside = new RegExp(`[^${hex(from)}-${hex(to)}]`);
  return {
    ...ruleBase(meta),
    check: (v) => {
      const found = outside.exec(v);
      return found === null ? undefined : { index: found.index, codeUnit: v.charCodeAt(found.index) };
    },
    message: (p, f) =>
      f.secret || p.index === undefined
        ? `${f.label} contains a character outside ${meta.what}, which ${f.vendor} does not allow`
        : `${f.label} has a character outside ${meta.what} at position ${(p.index as number) + 1} (U+${hex4(p.codeUnit as number)}); ${f.vendor} does not allow it`,
    jsonSchema: { pattern: `^[${hex(from)}-${hex(to)}]*$` },
  };
}

/** No whitespace at the start or the end (JS `\s`); looks at two code units, whatever the length. */
export function noEdgeWhitespace<C extends BaseContext>(meta: RuleMeta<C>): Rule<C> {
  return {
    ...ruleBase(meta),
    check: (v) =>
      v.length > 0 && (isWhitespace(v.charCodeAt(0)) || isWhitespace(v.charCodeAt(v.length - 1)))
        ? {}
        : undefined,
    message: (_p, f) => `${f.label} starts or ends with whitespace; ${f.vendor} does not allow that`,
    jsonSchema: { not: { pattern: "^\\s|\\s$" } },
  };
}

/** None of `chars` as the first or last character (e.g. Rackspace's `@ ? #`, documented as inner only). */
export function noEdgeChars<C extends BaseContext>(meta: RuleMeta<C> & { readonly chars: string }): Rule<C> {
  const edge = new Set(meta.chars);
  const shown = showChars(meta.chars);
  const cls = escapeForClass(meta.chars);
  return {
    ...ruleBase(meta),
    check: (v) => (v.length > 0 && (edge.has(v[0]!) || edge.has(v[v.length - 1]!)) ? {} : undefined),
    message: (_p, f) => `${f.label} starts or ends with one of ${shown}; ${f.vendor} allows them only inside`,
    jsonSchema: { not: { pattern: `^[${cls}]|[${cls}]$` } },
  };
}

/** At least one character of a class of BMP characters (an empty value passes: length rules report emptiness). */
export function requiresChar<C extends BaseContext>(
  meta: RuleMeta<C> & { readonly charClass: string; readonly what: string },
): Rule<C> {
  // Without a quantifier the regex scans the value once; no backtracking.
  const some = new RegExp(`[${meta.charClass}]`, "u");
  return {
    ...ruleBase(meta),
    check: (v) => (v.length === 0 || some.test(v) ? undefined : {}),
    message: (_p, f) => `${f.label} has no ${meta.what}; ${f.vendor} requires at least one`,
    jsonSchema: { pattern: `^$|[${meta.charClass}]` },
  };
}

/** Names the vendor keeps for itself. */
export function notReserved<C extends BaseContext>(
  meta: RuleMeta<C> & { readonly names: readonly string[]; readonly caseInsensitive?: boolean },
): Rule<C> {
  const fold = (v: string) => (meta.caseInsensitive ? v.toLowerCase() : v);
  const folded = new Set(meta.names.map(fold));
  const listed = meta.names.join(", ");
  return {
    ...ruleBase(meta),
    check: (v) => (folded.has(fold(v)) ? { value: v, reserved: meta.names } : undefined),
    message: (p, f) =>
      f.secret
        ? `${f.label} is a reserved name`
        : `${f.label} ${quoteJson(p.value)} is reserved by ${f.vendor}; reserved: ${listed}`,
    // JSON Schema has no case-insensitive enum; only the exact-case form is expressible.
    ...(meta.caseInsensitive ? {} : { jsonSchema: { not: { enum: [...meta.names] } } }),
  };
}

/** Must not start with a prefix (PostgreSQL keeps `pg_` role names). */
export function notPrefixed<C extends BaseContext>(meta: RuleMeta<C> & { readonly prefix: string }): Rule<C> {
  const { prefix } = meta;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    ...ruleBase(meta),
    check: (v) => (v.startsWith(prefix) ? { prefix } : undefined),
    message: (_p, f) => `${f.label} starts with "${prefix}", which ${f.vendor} reserves`,
    jsonSchema: { not: { pattern: `^${escaped}` } },
  };
}
