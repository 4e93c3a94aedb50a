/**
 * The client validates with `@dbusers/rules/atlas/validate` and nothing else of the rules package: the
 * full `@dbusers/rules/atlas` entry carries the documentation table, JSON Schema views and password
 * generator, which would more than double what an app importing this client bundles (bench/src/size.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const src = join(import.meta.dirname, "..", "src");

/** Every `@dbusers/rules…` specifier a source file imports at run time (type-only imports are erased). */
function ruleImports(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(src, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts") || file.startsWith("generated")) continue;
    const text = readFileSync(join(src, file), "utf8");
    for (const m of text.matchAll(
      /^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+"(@dbusers\/rules[^"]*)";/gms,
    )) {
      const inner = /\{([^}]*)\}/.exec(m[2]!)?.[1];
      const typeOnly =
        m[1] !== undefined || inner?.split(",").every((n) => /^\s*(type\s|$)/.test(n)) === true;
      if (!typeOnly) found.push(`${file}: ${m[3]}`);
    }
  }
  return found;
}

it("imports only the validate-only entry of @dbusers/rules", () => {
  const imports = ruleImports();
  expect(imports.length).toBeGreaterThan(0);
  for (const specifier of imports) expect(specifier).toMatch(/: @dbusers\/rules\/atlas\/validate$/);
});
