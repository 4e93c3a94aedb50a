/** Rules as readable lines with their sources, for docs, forms and UIs (from the documentation table). */
import type { BaseContext, FieldSpec, ProviderDocs } from "../types.js";
import { applies } from "./check-field.js";

export interface RuleDescription {
  /** Stable rule id, or `note` for a line that is not a rule. */
  readonly id: string;
  readonly description: string;
  readonly source: string;
  /** `both`: strict and server apply it; `strict`: only the strict profile. */
  readonly profile: "both" | "strict" | "note";
  /** `description (source)`, ready to print. */
  readonly line: string;
}

export function describeField<C extends BaseContext>(
  spec: FieldSpec<C>,
  ctx: C,
  docs: ProviderDocs<C>,
): RuleDescription[] {
  const lines: RuleDescription[] = [];
  for (const rule of spec.rules) {
    if (!applies(rule, ctx)) continue;
    // A test holds that every rule id has its entry; the fallback only keeps this total.
    const doc = docs.rules[rule.id] ?? { description: rule.id, source: "" };
    const tag = rule.profile === "strict" ? " [strict]" : "";
    lines.push({
      id: rule.id,
      description: doc.description,
      source: doc.source,
      profile: rule.profile,
      line: `${doc.description}${tag} (source: ${doc.source})`,
    });
  }
  const notes = docs.fields[spec.name]?.notes;
  for (const note of typeof notes === "function" ? notes(ctx) : (notes ?? []))
    lines.push({ id: "note", description: note, source: "", profile: "note", line: note });
  return lines;
}
