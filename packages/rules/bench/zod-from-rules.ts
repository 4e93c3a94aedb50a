/**
 * The zod baseline: the same rules as our field, written as a zod chain. Built from the field's
 * JSON Schema fragments (so both run the very same patterns and limits); rules JSON Schema cannot
 * express become `refine` calls on the rule's own check, exactly as a zod user would write them.
 */
import { z } from "zod";
import type { BaseContext, FieldSpec } from "../src/types.js";

type Fragment = {
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  not?: { pattern?: string; enum?: string[] };
};

export function zodForField<C extends BaseContext>(spec: FieldSpec<C>, ctx: C): z.ZodType<string> {
  let schema: z.ZodType<string> = z.string();
  for (const rule of spec.rules) {
    if (rule.profile === "strict" && ctx.profile !== "strict") continue;
    if (rule.when && !rule.when(ctx)) continue;
    const js = (typeof rule.jsonSchema === "function" ? rule.jsonSchema(ctx) : rule.jsonSchema) as
      | Fragment
      | undefined;
    const s = schema as z.ZodString;
    if (js?.maxLength !== undefined) schema = s.max(js.maxLength);
    else if (js?.minLength !== undefined) schema = s.min(js.minLength);
    else if (js?.pattern !== undefined) schema = s.regex(new RegExp(js.pattern, "u"));
    else if (js?.not?.pattern !== undefined) {
      const re = new RegExp(js.not.pattern, "u");
      schema = schema.refine((v) => !re.test(v), { message: rule.id });
    } else if (js?.not?.enum !== undefined) {
      const names = new Set(js.not.enum);
      schema = schema.refine((v) => !names.has(v), { message: rule.id });
    } else schema = schema.refine((v) => rule.check(v, ctx) === undefined, { message: rule.id });
  }
  return schema;
}
