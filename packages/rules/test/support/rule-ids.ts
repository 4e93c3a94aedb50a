/** Every rule id a provider definition carries: its fields' rules and its request shapes' own rules. */
import type { Shape } from "../../src/engine/shape.js";
import type { ProviderDefinition } from "../../src/types.js";

function shapeRuleIds(shape: Shape<never>, out: Set<string>, seen: Set<object>): void {
  if (seen.has(shape)) return;
  seen.add(shape);
  switch (shape.kind) {
    case "field":
      for (const rule of shape.spec.rules) out.add(rule.id);
      return;
    case "enum":
      out.add(shape.rule.id);
      return;
    case "boolean":
      return;
    case "object":
      for (const check of shape.checks ?? []) out.add(check.id);
      for (const prop of Object.values(shape.props)) {
        if (prop.allowedWhen) out.add(prop.allowedWhen.rule.id);
        shapeRuleIds(prop.shape as Shape<never>, out, seen);
      }
      return;
    case "array":
      for (const limit of [shape.minItems, shape.unique]) if (limit) out.add(limit.rule.id);
      shapeRuleIds(shape.items as Shape<never>, out, seen);
      return;
  }
}

export function ruleIdsOf(definition: ProviderDefinition<never>): Set<string> {
  const out = new Set<string>();
  for (const spec of Object.values(definition.fields)) for (const rule of spec.rules) out.add(rule.id);
  const seen = new Set<object>();
  for (const shape of Object.values(definition.operations)) shapeRuleIds(shape as Shape<never>, out, seen);
  return out;
}
