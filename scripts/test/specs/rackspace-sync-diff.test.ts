import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffSpecFiles } from "../../src/diff/report.js";
import { asObject } from "../../src/lib/json.js";
import { readOperationsConfig } from "../../src/lib/operations-config.js";
import { specFile } from "../../src/lib/repo.js";
import { leadingComment, syncSpec } from "../../src/sync/sync.js";

// No vendor publishes an OpenAPI description of Trove, so specs/rackspace/openapi.yaml is its own
// upstream: sync must reproduce it byte for byte (it is in canonical form and holds exactly the
// operations of operations.yaml), and diff must judge edits to it.
const config = readOperationsConfig("rackspace");
const file = specFile("rackspace");
const text = readFileSync(file, "utf8");

function edited(change: (spec: string) => string): string {
  const out = join(mkdtempSync(join(tmpdir(), "dbusers-rackspace-")), "openapi.yaml");
  const next = change(text);
  expect(next).not.toBe(text);
  writeFileSync(out, next);
  return out;
}

describe("specs:sync rackspace", { timeout: 60_000 }, () => {
  it("reproduces the committed spec from itself, with every operation of operations.yaml", async () => {
    const result = await syncSpec({
      config,
      upstreamFile: file,
      current: asObject(parse(text) as unknown),
      headerComment: leadingComment(text),
    });
    expect(result.missing).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.upstreamText).toEqual([]);
    expect(result.text).toBe(text);
  });
});

describe("specs:diff rackspace", { timeout: 60_000 }, () => {
  it("finds nothing between the spec and itself", async () => {
    const report = await diffSpecFiles("rackspace", file, file, config.operations);
    expect(report.summary.total).toBe(0);
  });

  it("calls a newly required request field breaking, in the one operation that sends it", async () => {
    const changed = edited((spec) =>
      spec.replace(
        /( {4}NewUser:\n(?: {6}.*\n)*? {6}required:\n {8}- name\n {8}- password\n)/,
        "$1        - host\n",
      ),
    );
    const report = await diffSpecFiles("rackspace", file, changed, config.operations);
    expect(report.changes.map((c) => `${c.operationId}|${c.kind}|${c.severity}`)).toEqual([
      "createUsers|field-required-changed|breaking",
    ]);
  });

  it("calls a removed operation breaking", async () => {
    const changed = edited((spec) =>
      spec.replace(/ {4}delete:\n {6}operationId: disableRoot\n(?: {6,}.*\n)*/, ""),
    );
    const report = await diffSpecFiles("rackspace", file, changed, config.operations);
    expect(report.changes).toContainEqual(
      expect.objectContaining({ operationId: "disableRoot", severity: "breaking" }),
    );
  });
});
