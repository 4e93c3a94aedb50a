/**
 * Each vendor client validates with its `@dbusers/rules/<vendor>/validate` entry and nothing else of
 * the rules package: the full `@dbusers/rules/<vendor>` entry carries the documentation table, JSON
 * Schema views and password generator, which would more than double what an app importing one
 * client bundles (bench/src/size.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const packages = join(import.meta.dirname, "../../../packages");

/** Every `@dbusers/rules…` specifier a client's source imports at run time (type-only imports are erased). */
function ruleImports(vendor: string): string[] {
  const src = join(packages, vendor, "src");
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
    // A lazy `import("…")` loads the entry at run time too (a type position `typeof import` does not).
    for (const m of text.matchAll(/(?<!typeof )\bimport\(\s*"(@dbusers\/rules[^"]*)"\s*\)/g)) {
      found.push(`${file}: ${m[1]}`);
    }
  }
  return found;
}

it.each(["digitalocean", "atlas", "rackspace"])(
  "@dbusers/%s imports only its validate-only entry of @dbusers/rules",
  (vendor) => {
    const imports = ruleImports(vendor);
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports)
      expect(specifier).toMatch(new RegExp(`: @dbusers/rules/${vendor}/validate$`));
  },
);
