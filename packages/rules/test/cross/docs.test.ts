/**
 * The documentation tables: every rule of every provider has a description and a source, keyed by
 * its id, and every entry names a rule that exists. Validation never reaches them: the modules the
 * validate-only entry imports (followed statically through the source tree) hold no table, source
 * list or suggestion, which is what keeps rule prose out of client bundles.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { atlasDefinition, atlasDocs } from "../../src/providers/atlas/index.js";
import { digitaloceanDefinition, digitaloceanDocs } from "../../src/providers/digitalocean/index.js";
import { rackspaceDefinition, rackspaceDocs } from "../../src/providers/rackspace/index.js";
import type { ProviderDefinition, ProviderDocs } from "../../src/types.js";
import { ruleIdsOf } from "../support/rule-ids.js";

const PROVIDERS: [ProviderDefinition<never>, ProviderDocs<never>][] = [
  [atlasDefinition as unknown as ProviderDefinition<never>, atlasDocs as ProviderDocs<never>],
  [digitaloceanDefinition as unknown as ProviderDefinition<never>, digitaloceanDocs as ProviderDocs<never>],
  [rackspaceDefinition as unknown as ProviderDefinition<never>, rackspaceDocs as ProviderDocs<never>],
];

describe.each(PROVIDERS)("the documentation table of %#", (definition, docs) => {
  const ids = ruleIdsOf(definition);
  it("documents every rule with a one-line description and a source", () => {
    expect(ids.size).toBeGreaterThan(20);
    for (const id of ids) {
      const doc = docs.rules[id];
      expect(doc, id).toBeDefined();
      expect(doc!.description, id).toMatch(/^\S[^\n]*\.$/);
      expect(doc!.source.length, id).toBeGreaterThan(10);
    }
  });
  it("names only rules that exist (the unknown-key policy is the walker's own rule)", () => {
    for (const id of Object.keys(docs.rules))
      if (id !== `${definition.id}.request.unknownKey`) expect(ids.has(id), id).toBe(true);
  });
  it("gives notes and suggestions only for fields that exist", () => {
    for (const field of Object.keys(docs.fields)) expect(Object.keys(definition.fields)).toContain(field);
  });
  it("cites vendor notes inside the repository (docs/vendors/<vendor>.md §N)", () => {
    for (const [id, doc] of Object.entries(docs.rules))
      expect(doc.source, id).not.toMatch(/(^|[^/])(atlas|rackspace|digitalocean)\.md/);
  });
});

/** Relative imports of a source file that survive compilation (type-only imports are erased). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)";/gms)) {
    if (m[2] !== undefined) continue;
    const names = m[0].slice(0, m[0].indexOf("from"));
    // `import { type A, type B } from …` is erased too.
    const inner = /\{([^}]*)\}/.exec(names)?.[1];
    if (inner !== undefined && !/\*/.test(names) && inner.split(",").every((n) => /^\s*(type\s|$)/.test(n)))
      continue;
    out.push(resolve(dirname(file), m[3]!.replace(/\.js$/, ".ts")));
  }
  return out;
}

/** A module the validators of each provider must reach, so the walk is known to follow imports. */
const VALIDATE_ENTRIES = [
  ["digitalocean", "providers/digitalocean/user-name.ts"],
  ["atlas", "providers/atlas/username.ts"],
  ["rackspace", "providers/rackspace/user-fields.ts"],
] as const;

describe.each(VALIDATE_ENTRIES)("the validate-only entry @dbusers/rules/%s/validate", (provider, rules) => {
  const src = resolve(import.meta.dirname, "../../src");
  const reached = new Set<string>();
  const queue = [join(src, `providers/${provider}/validate.ts`)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    queue.push(...runtimeImports(file));
  }
  const names = [...reached].map((f) => f.slice(src.length + 1)).sort();

  it("reaches the rules and the engine's validators", () => {
    expect(names).toContain("engine/bind-validators.ts");
    expect(names).toContain(rules);
  });
  it("never imports the documentation table, the sources, suggestions, descriptions or JSON Schema views", () => {
    for (const name of names)
      expect(name).not.toMatch(/docs|sources|suggest|describe|json-schema|engine\/bind\.ts|password/);
  });
  it("imports no other provider", () => {
    for (const name of names)
      if (name.startsWith("providers/")) expect(name).toMatch(`providers/${provider}/`);
  });
});
