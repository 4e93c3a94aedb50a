/** Rule factories the shared checks.ts does not have, kept generic (no Atlas facts in here). */
import { hex4 } from "../../chars.js";
import { ruleBase as base, type RuleMeta } from "../../checks.js";
import type { BaseContext, Rule, RuleParams } from "../../types.js";

/**
 * At most `max` UTF-16 code units: what Java's `String.length()` (and so a Bean Validation `@Size`)
 * counts. An emoji is one code point but two units. JSON Schema counts code points, so no fragment.
 */
export function maxUtf16Units<C extends BaseContext>(meta: RuleMeta<C> & { readonly max: number }): Rule<C> {
  const { max } = meta;
  return {
    ...base(meta),
    check: (v) => (v.length <= max ? undefined : { max, actual: v.length }),
    message: (p, f) =>
      `${f.label} is ${p.actual as number} UTF-16 code units long; ${f.vendor} counts characters outside the BMP twice and allows at most ${max}`,
  };
}

/**
 * None of `chars` may appear. Like checks.ts `forbidsChars`, but messages show each character by a
 * readable name (`shown`), so control characters such as NUL never land raw in a message.
 */
export function forbidsCharsShown<C extends BaseContext>(
  meta: RuleMeta<C> & { readonly chars: string; readonly shown: string },
): Rule<C> {
  const set = new Set(meta.chars);
  const cls = [...meta.chars].map((c) => `\\u${hex4(c.charCodeAt(0))}`).join("");
  return {
    ...base(meta),
    check: (v) => {
      for (let i = 0; i < v.length; i++) {
        const ch = v[i]!;
        if (set.has(ch)) return { char: ch, codeUnit: ch.charCodeAt(0), index: i };
      }
      return undefined;
    },
    message: (p: RuleParams, f) =>
      f.secret || p.index === undefined
        ? `${f.label} contains a character ${f.vendor} does not allow (none of: ${meta.shown})`
        : `${f.label} contains U+${hex4(p.codeUnit as number)} at position ${(p.index as number) + 1}; ${f.vendor} does not allow any of: ${meta.shown}`,
    jsonSchema: { pattern: `^[^${cls}]*$` },
  };
}
