/**
 * Rule factories the shared checks.ts does not have. Each check is the same regular expression (or
 * set) as its JSON Schema fragment, so the two cannot drift apart.
 */

import { asciiLengths, asciiLower, foldedFirsts, foldedMatcher, isAscii } from "../../chars.js";
import { type RuleMeta, ruleBase } from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import type { FieldInfo, Rule, RuleParams, RuleProfile } from "../../types.js";
import type { RackspaceContext as C } from "./context.js";

type Meta = RuleMeta<C> & { readonly description: string };
/** Rules only this provider uses always say which profile they belong to. */
type ProfiledMeta = Meta & { readonly profile: RuleProfile };

/**
 * Every character must be in an ASCII class (the body of a `[...]`); reports the first one that is
 * not, whole (an emoji, not half of its surrogate pair).
 */
export function onlyChars(
  meta: Meta & { readonly cls: string; readonly message: (p: RuleParams, f: FieldInfo) => string },
): Rule<C> {
  const one = new RegExp(`^[${meta.cls}]$`, "u");
  const allowed = new Uint8Array(128);
  for (let c = 0; c < 128; c++) allowed[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
  return {
    ...ruleBase(meta, meta.description),
    check: (v) => {
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        if (c >= 128 || allowed[c] === 0) return { char: String.fromCodePoint(v.codePointAt(i)!), index: i };
      }
      return undefined;
    },
    message: meta.message,
    jsonSchema: { pattern: `^[${meta.cls}]*$` },
    scan: { kind: "forbid", test: (c) => c >= 128 || allowed[c] === 0 },
  };
}

/** ASCII case variants of a word as a regex (`root` → `[Rr][Oo][Oo][Tt]`). */
function anyCase(word: string): string {
  let out = "";
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) out += `[${upper}${lower}]`;
    else out += /[.*+?^${}()|[\]\\-]/.test(ch) ? `\\${ch}` : ch;
  }
  return out;
}

/**
 * Reserved in any letter case, except the exact spellings another (both-profile) rule already reports,
 * so one name gets one violation.
 */
export function reservedInAnyCase(
  meta: ProfiledMeta & { readonly names: readonly string[]; readonly exempt: readonly string[] },
): Rule<C> {
  const pattern = `^(?:${meta.names.map(anyCase).join("|")})$`;
  const re = new RegExp(pattern, "u");
  // For ASCII names the pattern is "equal after folding A–Z", which needs no regex run.
  const folded = meta.names.every(isAscii) ? new Set(meta.names.map(asciiLower)) : undefined;
  const foldedMatch = folded ? foldedMatcher([...folded]) : undefined;
  const matches = (v: string) => (foldedMatch ? foldedMatch(v) : re.test(v));
  const exempt = new Set(meta.exempt);
  const listed = meta.names.join(", ");
  return {
    ...ruleBase(meta, meta.description),
    check: (v) => (matches(v) && !exempt.has(v) ? { value: v, reserved: meta.names } : undefined),
    message: (p, f) =>
      `${f.label} ${quoteJson(p.value)} is refused by some ${f.vendor} server versions, which compare reserved names in any letter case (reserved: ${listed})`,
    jsonSchema: { not: { allOf: [{ pattern }, { not: { enum: [...meta.exempt] } }] } },
    // ASCII names match only values of their own length (folding A–Z keeps the length).
    fast: {
      kind: "firstNotIn",
      firsts: foldedFirsts(meta.names.map((n) => n.toLowerCase())),
      ...asciiLengths(meta.names),
    },
  };
}

/** The value must be one of a (large) list; the list itself is the JSON Schema `enum`. */
export function oneOfNames(
  meta: Meta & {
    readonly names: readonly string[];
    readonly message: (p: RuleParams, f: FieldInfo) => string;
  },
): Rule<C> {
  const names = new Set(meta.names);
  return {
    ...ruleBase(meta, meta.description),
    check: (v) => (names.has(v) ? undefined : { value: v }),
    message: meta.message,
    jsonSchema: { enum: [...meta.names] },
  };
}

/** The value must not be one of a list (names the server refuses although MySQL knows them). */
export function noneOfNames(
  meta: Meta & {
    readonly names: readonly string[];
    readonly message: (p: RuleParams, f: FieldInfo) => string;
  },
): Rule<C> {
  const names = new Set(meta.names);
  return {
    ...ruleBase(meta, meta.description),
    check: (v) => (names.has(v) ? { value: v } : undefined),
    message: meta.message,
    jsonSchema: { not: { enum: [...meta.names] } },
    fast: { kind: "notIn", set: names },
  };
}
