import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTypes } from "../../src/generate/generate-types.js";
import { generatedFile, listVendors, repoRoot } from "../../src/lib/repo.js";

// The committed types must be exactly what the committed spec generates; this is how `pnpm test`
// fails when someone edits specs/ (or the generator) and forgets to regenerate.
describe("committed generated files", () => {
  it("exist for at least one vendor", () => {
    expect(listVendors()).not.toEqual([]);
  });

  it.each(listVendors())(
    "packages/%s/src/generated/openapi.ts matches specs/%s/openapi.yaml",
    async (vendor) => {
      const file = generatedFile(vendor);
      const where = relative(repoRoot, file);
      expect(existsSync(file), `${where} is missing: run pnpm generate`).toBe(true);
      const fresh = await generateTypes(vendor);
      expect(readFileSync(file, "utf8") === fresh, `${where} is stale: run pnpm generate`).toBe(true);
    },
  );
});
