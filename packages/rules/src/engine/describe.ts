/** Rules as readable lines with their sources, for docs, forms and UIs. */
import type { BaseContext, FieldSpec, Profile } from "../types.js";

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

export function describeField<C extends BaseContext>(spec: FieldSpec<C>, ctx: C): RuleDescription[] {
  const lines: RuleDescription[] = [];
  const inProfile = (p: string, profile: Profile) => p === "both" || profile === "strict";
  for (const rule of spec.rules) {
    if (!inProfile(rule.profile, ctx.profile)) continue;
    if (rule.when && !rule.when(ctx)) continue;
    const tag = rule.profile === "strict" ? " [strict]" : "";
    lines.push({
      id: rule.id,
      description: rule.description,
      source: rule.source,
      profile: rule.profile,
      line: `${rule.description}${tag} (source: ${rule.source})`,
    });
  }
  const notes = typeof spec.notes === "function" ? spec.notes(ctx) : (spec.notes ?? []);
  for (const note of notes)
    lines.push({ id: "note", description: note, source: "", profile: "note", line: note });
  return lines;
}
