/**
 * Rule factories the shared checks.ts does not have. Each check is the same regular expression (or
 * set) as its JSON Schema fragment, so the two cannot drift apart.
 */

import { type RuleMeta, ruleBase } from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import type { FieldInfo, Rule, RuleParams, RuleProfile } from "../../types.js";
import type { RackspaceContext as C } from "./context.js";

type Message = (p: RuleParams, f: FieldInfo) => string;

/**
 * Every character must be in an ASCII class (the body of a `[...]`); reports the first one that is
 * not, whole (an emoji, not half of its surrogate pair).
 */
export function onlyChars(meta: RuleMeta<C> & { readonly cls: string; readonly message: Message }): Rule<C> {
  const offender = new RegExp(`[^${meta.cls}]`, "u");
  return {
    ...ruleBase(meta),
    check: (v) => {
      const found = offender.exec(v);
      return found === null ? undefined : { char: found[0], index: found.index };
    },
    message: meta.message,
    jsonSchema: { pattern: `^[${meta.cls}]*$` },
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
  meta: RuleMeta<C> & {
    readonly profile: RuleProfile;
    readonly names: readonly string[];
    readonly exempt: readonly string[];
  },
): Rule<C> {
  const pattern = `^(?:${meta.names.map(anyCase).join("|")})$`;
  const re = new RegExp(pattern, "u");
  const exempt = new Set(meta.exempt);
  const listed = meta.names.join(", ");
  return {
    ...ruleBase(meta),
    check: (v) => (re.test(v) && !exempt.has(v) ? { value: v, reserved: meta.names } : undefined),
    message: (p, f) =>
      `${f.label} ${quoteJson(p.value)} is refused by some ${f.vendor} server versions, which compare reserved names in any letter case (reserved: ${listed})`,
    jsonSchema: { not: { allOf: [{ pattern }, { not: { enum: [...meta.exempt] } }] } },
  };
}

/** The value must be one of a (large) list; the list itself is the JSON Schema `enum`. */
export function oneOfNames(
  meta: RuleMeta<C> & { readonly names: readonly string[]; readonly message: Message },
): Rule<C> {
  const names = new Set(meta.names);
  return {
    ...ruleBase(meta),
    check: (v) => (names.has(v) ? undefined : { value: v }),
    message: meta.message,
    jsonSchema: { enum: [...meta.names] },
  };
}

/** The value must not be one of a list (names the server refuses although MySQL knows them). */
export function noneOfNames(
  meta: RuleMeta<C> & { readonly names: readonly string[]; readonly message: Message },
): Rule<C> {
  const names = new Set(meta.names);
  return {
    ...ruleBase(meta),
    check: (v) => (names.has(v) ? { value: v } : undefined),
    message: meta.message,
    jsonSchema: { not: { enum: [...meta.names] } },
  };
}
