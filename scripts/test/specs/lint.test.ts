import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConfig, lint } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { listVendors, specFile } from "../../src/lib/repo.js";

// Redocly's built-in rulesets: `recommended` (errors for what breaks a spec: duplicate operationIds,
// undeclared path parameters, unresolvable refs) for every vendor, and `recommended-strict` (every
// rule an error: a 4xx per operation, valid examples, a license, no unused components) for the
// specs that are held to it.
const STRICT_CLEAN = ["digitalocean", "rackspace"];
const problemsOf = async (vendor: string, ruleset: "recommended" | "recommended-strict") => {
  const config = await createConfig({ extends: [ruleset] });
  const problems = await lint({ ref: specFile(vendor), config });
  return problems
    .filter((p) => p.severity === "error")
    .map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? "?"}: ${p.message}`);
};

describe("the committed specs lint clean", { timeout: 60_000 }, () => {
  it.each(listVendors())(
    "specs/%s/openapi.yaml has no error under Redocly's recommended rules",
    async (vendor) => {
      expect(await problemsOf(vendor, "recommended")).toEqual([]);
    },
  );

  it.each(STRICT_CLEAN)(
    "specs/%s/openapi.yaml has no problem at all under recommended-strict",
    async (vendor) => {
      expect(await problemsOf(vendor, "recommended-strict")).toEqual([]);
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
