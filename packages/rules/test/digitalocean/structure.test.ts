/** The request shapes' own rules (gates, enums, checks, unknown-key policies) carry ids, descriptions and sources. */
import { describe, expect, it } from "vitest";
import type { Shape, StructuralRule } from "../../src/engine/shape.js";
import type { DigitalOceanContext } from "../../src/providers/digitalocean/index.js";
import { digitaloceanDefinition, digitaloceanDocs } from "../../src/providers/digitalocean/index.js";
import type { FieldInfo, Rule } from "../../src/types.js";

type C = DigitalOceanContext;
const meta = (r: StructuralRule<C>) => ({
  id: r.id,
  description: digitaloceanDocs.rules[r.id]?.description,
  source: digitaloceanDocs.rules[r.id]?.source,
  profile: r.profile,
});

function collect(shape: Shape<C>, path: string, out: Record<string, unknown>[]): void {
  if (shape.kind === "enum") out.push({ path, values: shape.values, ...meta(shape.rule) });
  if (shape.kind === "array") collect(shape.items, `${path}[]`, out);
  if (shape.kind === "field") out.push({ path, field: shape.spec.name, secret: shape.spec.secret === true });
  if (shape.kind !== "object") return;
  out.push({ path, unknownKeys: shape.unknownKeys });
  for (const check of shape.checks ?? []) out.push({ path, ...meta(check) });
  for (const [key, prop] of Object.entries(shape.props)) {
    const at = path ? `${path}.${key}` : key;
    out.push({ path: at, required: prop.required });
    if (prop.allowedWhen) out.push({ path: at, gate: meta(prop.allowedWhen.rule) });
    collect(prop.shape, at, out);
  }
}

describe("request structure", () => {
  for (const [name, shape] of Object.entries(digitaloceanDefinition.operations)) {
    it(`${name}: every structural rule is described and sourced`, () => {
      const out: Record<string, unknown>[] = [];
      collect(shape, "", out);
      const rules = out.flatMap((e) => (e.gate ? [e.gate] : "id" in e ? [e] : [])) as {
        id: string;
        description: string;
        source: string;
      }[];
      for (const r of rules) {
        expect(r.id).toMatch(/^digitalocean\.[A-Za-z_.]+$/);
        expect(r.description).toMatch(/^\S.*\.$/);
        expect(r.source.length).toBeGreaterThan(20);
      }
      expect(out).toMatchSnapshot();
    });
  }
});

describe("factories", () => {
  const rule = (field: string, id: string) =>
    (digitaloceanDefinition.fields as Record<string, { rules: readonly Rule<C>[] }>)[field]!.rules.find(
      (r) => r.id === id,
    )!;
  const secret: FieldInfo = { label: "password", vendor: "DigitalOcean", secret: true };
  const plain: FieldInfo = { label: "user name", vendor: "DigitalOcean", secret: false };

  it("the NUL rule never shows a position for a secret, or without one", () => {
    const nul = rule("userName", "digitalocean.userName.pgNul");
    expect(nul.message({ index: 3 }, secret)).toBe(
      "password contains a NUL character (U+0000), which PostgreSQL does not allow",
    );
    expect(nul.message({}, plain)).toBe(
      "user name contains a NUL character (U+0000), which PostgreSQL does not allow",
    );
    expect(nul.message({ index: 3 }, plain)).toBe(
      "user name contains a NUL character (U+0000) at position 4; PostgreSQL does not allow it",
    );
  });
});
