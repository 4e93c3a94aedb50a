import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConfig, lint } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { listVendors, specFile } from "../../src/lib/repo.js";

// Redocly's strictest built-in ruleset (every rule an error): unique operationIds, declared path
// parameters, a 4xx answer per operation, resolvable refs, valid examples, no unused components, …
describe("every committed spec lints clean", () => {
  it.each(listVendors())(
    "specs/%s/openapi.yaml has no Redocly recommended-strict problem",
    async (vendor) => {
      const config = await createConfig({ extends: ["recommended-strict"] });
      const problems = await lint({ ref: specFile(vendor), config });
      const shown = problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? "?"}: ${p.message}`);
      expect(shown).toEqual([]);
    },
  );

  it("the linter does report a broken spec (so a clean result means something)", async () => {
    const config = await createConfig({ extends: ["recommended-strict"] });
    const broken = [
      "openapi: 3.1.0",
      "info: { title: t, version: '1', license: { name: MIT, url: https://example.org } }",
      "servers: [{ url: https://api.example.org }]",
      "paths:",
      "  /a/{id}:",
      "    get: { operationId: same, summary: a, responses: { '200': { description: ok } } }",
      "  /b:",
      "    get: { operationId: same, summary: b, responses: { '200': { description: ok } } }",
    ].join("\n");
    const file = join(mkdtempSync(join(tmpdir(), "dbusers-lint-")), "openapi.yaml");
    writeFileSync(file, broken);
    const problems = await lint({ ref: file, config });
    const rules = new Set(problems.map((p) => p.ruleId));
    expect(rules).toContain("operation-operationId-unique");
    expect(rules).toContain("path-parameters-defined");
  });
});
