import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecFiles } from "../../src/diff/report.js";
import { generateTypes } from "../../src/generate/generate-types.js";
import { asObject } from "../../src/lib/json.js";
import { listOperations, resolvePointer } from "../../src/lib/openapi.js";
import { parseOperationsConfig } from "../../src/lib/operations-config.js";
import { specFile } from "../../src/lib/repo.js";
import { syncSpec } from "../../src/sync/sync.js";
import { fixtures, readYaml } from "../helpers.js";

// A single-file upstream shaped like Atlas's openapi/v2.yaml (our own small stand-in).
const upstreamFile = join(fixtures, "atlas", "v2.yaml");
const OPERATIONS = [
  "listGroupDatabaseUsers",
  "createGroupDatabaseUser",
  "getGroupDatabaseUser",
  "updateGroupDatabaseUser",
  "deleteGroupDatabaseUser",
];
const config = parseOperationsConfig(
  "atlas",
  `upstream:\n  entry: v2.yaml\noperations:\n${OPERATIONS.map((id) => `  - ${id}`).join("\n")}\n`,
  "test",
);
const sync = () => syncSpec({ config, upstreamFile, current: {} });
const media = "application/vnd.atlas.2023-01-01+json";

describe("specs:sync on a single-file spec shaped like Atlas's v2.yaml", () => {
  it("keeps our five operations and exactly the components they reach", async () => {
    const { doc, missing } = await sync();
    expect(missing).toEqual([]);
    expect(
      listOperations(doc)
        .map((op) => op.operationId)
        .sort(),
    ).toEqual([...OPERATIONS].sort());
    const schemas = Object.keys(asObject(asObject(doc.components).schemas)).sort();
    expect(schemas).toEqual(["ApiError", "CloudDatabaseUser", "DatabaseUserRole", "UserPage"]);
    expect(doc.tags).toEqual([
      {
        name: "Database Users",
        description: "Upstream words about users.",
        "x-dbusers-upstream-text": ["description"],
      },
    ]);
  });

  it("keeps the versioned media types (with x-xgen-version) and drops doc-site links", async () => {
    const { doc, text } = await sync();
    const list = listOperations(doc).find((op) => op.operationId === "listGroupDatabaseUsers");
    const content = asObject(asObject(asObject(list?.operation.responses)["200"]).content);
    expect(Object.keys(content)).toEqual([media]);
    expect(asObject(content[media])["x-xgen-version"]).toBe("2023-01-01");
    expect(text).not.toContain("x-xgen-docs-url");
  });

  it("turns an enum with a <placeholder> member into 'the known values or any string'", async () => {
    const { doc } = await sync();
    expect(resolvePointer(doc, "#/components/schemas/DatabaseUserRole/properties/roleName")).toEqual({
      anyOf: [{ type: "string", enum: ["read", "readWrite"] }, { type: "string" }],
    });
  });

  it("gives openapi-typescript the versioned media types, so no client falls back to application/json", async () => {
    const { text } = await sync();
    const root = mkdtempSync(join(tmpdir(), "dbusers-atlas-shape-"));
    mkdirSync(dirname(specFile("standin", root)), { recursive: true });
    writeFileSync(specFile("standin", root), text);
    const types = await generateTypes("standin", root);
    expect(types).toContain(`"${media}": components["schemas"]["CloudDatabaseUser"]`);
    expect(types).not.toContain('"application/json": components["schemas"]["CloudDatabaseUser"]');
    expect(types).toMatch(/roleName: \("read" \| "readWrite"\) \| string/);
  });
});

describe("specs:diff on Atlas-shaped specs", () => {
  async function diffAfter(edit: (text: string) => string) {
    const { text } = await sync();
    const dir = mkdtempSync(join(tmpdir(), "dbusers-atlas-diff-"));
    const before = join(dir, "old.yaml");
    const after = join(dir, "new.yaml");
    writeFileSync(before, text);
    writeFileSync(after, edit(text));
    return diffSpecFiles("atlas", before, after, OPERATIONS);
  }
  const lines = (report: Awaited<ReturnType<typeof diffAfter>>) =>
    report.changes.map(
      (change) => `${change.operationId}|${change.kind}|${change.severity}|${change.location}`,
    );

  it("a request body's `required` list growing is breaking", async () => {
    const report = await diffAfter((text) =>
      text.replace(/(CloudDatabaseUser:\n(?:.*\n)*?\s+required:\n)/, "$1        - roles\n"),
    );
    expect(lines(report)).toContain(
      `createGroupDatabaseUser|field-required-changed|breaking|request body ${media} › roles`,
    );
    expect(report.summary.breaking).toBeGreaterThan(0);
  });

  it("a new response status is additive", async () => {
    const report = await diffAfter((text) =>
      text.replace(
        /( {8}"409":\n {10}\$ref: "#\/components\/responses\/conflict"\n)/,
        '$1        "429":\n          $ref: "#/components/responses/conflict"\n',
      ),
    );
    expect(lines(report)).toEqual(["createGroupDatabaseUser|status-added|non-breaking|response 429"]);
  });

  it("a new resource version beside the old one is additive; a sunset date needs attention", async () => {
    const report = await diffAfter((text) =>
      text.replace(
        /( {12}application\/vnd\.atlas\.2023-01-01\+json:\n {14}schema:\n {16}\$ref: "#\/components\/schemas\/UserPage"\n)( {14}x-xgen-version: 2023-01-01\n)/,
        `$1              x-sunset: "2027-06-01"\n$2            application/vnd.atlas.2026-01-01+json:\n              schema:\n                $ref: "#/components/schemas/UserPage"\n`,
      ),
    );
    expect(lines(report)).toEqual([
      `listGroupDatabaseUsers|media-version-sunset|potentially-breaking|response 200 ${media}`,
      "listGroupDatabaseUsers|media-version-added|non-breaking|response 200 application/vnd.atlas.2026-01-01+json",
    ]);
  });
});

it("the committed Atlas spec keeps no upstream prose", () => {
  const text = JSON.stringify(readYaml(specFile("atlas")));
  expect(text).not.toContain("x-dbusers-upstream-text");
});
