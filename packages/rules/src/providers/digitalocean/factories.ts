/**
 * Small rule factories the shared checks.ts does not have: NUL (whose character must never be
 * printed raw in a description), a whole-engine refusal, and the "same name in another case"
 * companions of exact-case reserved-name rules.
 */

import { asciiLower } from "../../chars.js";
import { type RuleMeta, ruleBase } from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import type { FieldInfo, Rule, RuleParams } from "../../types.js";
import type { DigitalOceanContext as C } from "./context.js";

/** Replaces a rule's message (the factories' default names the vendor, not the engine that limits). */
export function withMessage(rule: Rule<C>, message: (p: RuleParams, f: FieldInfo) => string): Rule<C> {
  return { ...rule, message };
}

/** No U+0000 anywhere; reports its position. */
export function noNul(meta: RuleMeta<C> & { readonly who: string }): Rule<C> {
  return {
    ...ruleBase(meta),
    check: (v) => {
      const index = v.indexOf("\u0000");
      return index < 0 ? undefined : { index };
    },
    message: (p, f) =>
      f.secret || p.index === undefined
        ? `${f.label} contains a NUL character (U+0000), which ${meta.who} does not allow`
        : `${f.label} contains a NUL character (U+0000) at position ${(p.index as number) + 1}; ${meta.who} does not allow it`,
    jsonSchema: { pattern: "^[^\\u0000]*$" },
  };
}

/** One character is refused anywhere (e.g. ':' in OpenSearch user names); reports its position. */
export function forbidsChar(
  meta: RuleMeta<C> & { readonly char: string; readonly who: string; readonly why: string },
): Rule<C> {
  const { char } = meta;
  return {
    ...ruleBase(meta),
    check: (v) => {
      const index = v.indexOf(char);
      return index < 0 ? undefined : { char, index };
    },
    message: (p, f) =>
      `${f.label} contains ${quoteJson(char)} at position ${(p.index as number) + 1}; ${meta.who} does not allow it (${meta.why})`,
    // `char` must not be special inside a character class (`\\`, `]`, `^`, `-`).
    jsonSchema: { pattern: `^[^${char}]*$` },
  };
}

/** Fails for every value: the context itself rules the field out (an engine without users). */
export function refusedInContext(
  meta: RuleMeta<C> & { readonly message: (engine: unknown) => string },
): Rule<C> {
  return {
    ...ruleBase(meta),
    check: (_v, ctx) => ({ engine: ctx.engine }),
    message: (p) => meta.message(p.engine),
    jsonSchema: { not: {} },
  };
}

/** `[Pp][Uu]…`: the ASCII-case-insensitive pattern of a literal made of letters, digits and `_`. */
function anyCasePattern(literal: string): string {
  return [...literal].map((c) => (/[a-z]/.test(c) ? `[${c.toUpperCase()}${c}]` : c)).join("");
}

/**
 * A reserved name written in another ASCII case (`Public`, `NONE`). The exact-case form is left to
 * the exact rule, so a value breaks one rule, not two.
 */
export function reservedInOtherCase(meta: RuleMeta<C> & { readonly names: readonly string[] }): Rule<C> {
  const names = new Set(meta.names);
  const longest = Math.max(...meta.names.map((n) => n.length));
  const alternatives = meta.names.map(anyCasePattern).join("|");
  return {
    ...ruleBase(meta),
    check: (v) =>
      v.length <= longest && !names.has(v) && names.has(asciiLower(v))
        ? { value: v, reserved: meta.names }
        : undefined,
    message: (p, f) =>
      `${f.label} ${quoteJson(p.value)} is the reserved PostgreSQL role name ${quoteJson(asciiLower(p.value as string))} in another case; DigitalOcean may fold case, so it is refused`,
    jsonSchema: { anyOf: [{ not: { pattern: `^(?:${alternatives})$` } }, { enum: [...meta.names] }] },
  };
}

/** Starts with a reserved prefix written in another ASCII case (`PG_`, `Pg_`). */
export function prefixInOtherCase(meta: RuleMeta<C> & { readonly prefix: string }): Rule<C> {
  const { prefix } = meta;
  return {
    ...ruleBase(meta),
    check: (v) =>
      !v.startsWith(prefix) && asciiLower(v.slice(0, prefix.length)) === prefix
        ? { prefix: v.slice(0, prefix.length) }
        : undefined,
    message: (p, f) =>
      `${f.label} starts with "${p.prefix as string}", the reserved PostgreSQL prefix "${prefix}" in another case; DigitalOcean may fold case, so it is refused`,
    jsonSchema: { anyOf: [{ not: { pattern: `^${anyCasePattern(prefix)}` } }, { pattern: `^${prefix}` }] },
  };
}
