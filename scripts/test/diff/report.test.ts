import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { diffSpecFiles, renderText } from "../../src/diff/report.js";
import { specFile } from "../../src/lib/repo.js";
import { acmeConfig, oursFile, upstreamEntry } from "../helpers.js";

const run = promisify(execFile);
// Each run starts tsx in a new process (~1-2 s; 30 s and more were seen on a 2-core machine shared by several test runs).
const SPAWN_TIMEOUT_MS = 90_000;
const cli = fileURLToPath(new URL("../../src/specs-diff.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

describe("specs:diff report", () => {
  it("compares a single-file spec with a multi-file upstream, 3.0 against 3.1", async () => {
    const report = await diffSpecFiles("acme", oursFile, upstreamEntry, acmeConfig().operations);
    // Our spec has a field the upstream dropped, and a 422 it never had; nullable vs type: [.., "null"] is no change.
    expect(report.changes.map((change) => `${change.operationId}|${change.kind}|${change.location}`)).toEqual(
      [
        "users_list|field-removed|response 200 application/json › users[].legacy",
        "users_add|field-removed|request body application/json › legacy",
        "users_add|field-removed|response 201 application/json › user.legacy",
        "users_add|status-removed|response 422",
        "users_get|field-removed|response 200 application/json › user.legacy",
      ],
    );
    expect(report.summary).toEqual({ breaking: 4, potentiallyBreaking: 0, nonBreaking: 1, total: 5 });
  });

  it("prints a change shared by several operations once, with their names", async () => {
    const report = await diffSpecFiles("acme", oursFile, upstreamEntry, acmeConfig().operations);
    const text = renderText(report);
    expect(text).toContain("4 breaking, 0 potentially breaking, 1 non-breaking");
    expect(text).toMatch(/BREAKING\n {2}- field-removed: response 200 application\/json › users\[\]\.legacy/);
    expect(text).toContain("in:  users_add");
  });

  it("--json prints the report; --fail-on-breaking exits 1 on a breaking change", {
    timeout: SPAWN_TIMEOUT_MS,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "dbusers-diff-"));
    const changed = join(dir, "openapi.yaml");
    // The update operation loses its 200: breaking for clients that expect it.
    const spec = readFileSync(specFile("digitalocean"), "utf8");
    writeFileSync(
      changed,
      spec.replace(/ {8}"200":\n {10}\$ref: "#\/components\/responses\/user"\n(?= {8}"201")/, ""),
    );

    const failing = await run(tsx, [
      cli,
      "digitalocean",
      specFile("digitalocean"),
      changed,
      "--json",
      "--fail-on-breaking",
    ]).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["vendor", "old", "new", "operations", "summary", "changes"]);
    expect(report.summary).toEqual({ breaking: 1, potentiallyBreaking: 0, nonBreaking: 0, total: 1 });
    expect(report.changes).toEqual([
      {
        operationId: "databases_update_user",
        method: "PUT",
        path: "/v2/databases/{database_cluster_uuid}/users/{username}",
        kind: "status-removed",
        direction: "response",
        location: "response 200",
        severity: "breaking",
        reason: "clients that expect this success status will not see it",
      },
    ]);

    const same = await run(tsx, [
      cli,
      "digitalocean",
      specFile("digitalocean"),
      specFile("digitalocean"),
      "--fail-on-breaking",
    ]);
    expect(same.stdout).toContain("No changes to our operations.");
  });
});
