import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { specFile } from "../../src/lib/repo.js";

const run = promisify(execFile);
// Each run starts tsx in a new process (~1-2 s; 30 s and more were seen on a 2-core machine shared by several test runs).
const SPAWN_TIMEOUT_MS = 90_000;
const cli = fileURLToPath(new URL("../../src/specs-sync.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

// Our committed spec is itself a valid upstream: syncing from it must reproduce it byte for byte,
// which also proves the committed file is in sync's canonical form.
describe("pnpm specs:sync (CLI)", () => {
  it("--dry-run prints the result and writes nothing; --out writes it elsewhere", {
    timeout: SPAWN_TIMEOUT_MS,
  }, async () => {
    const spec = specFile("digitalocean");
    const before = readFileSync(spec, "utf8");
    const dry = await run(tsx, [cli, "digitalocean", spec, "--dry-run"]);
    expect(dry.stdout).toBe(before);
    expect(dry.stderr).toContain("8/8 operations");

    const out = join(mkdtempSync(join(tmpdir(), "dbusers-sync-")), "synced.yaml");
    await run(tsx, [cli, "digitalocean", spec, "--out", out]);
    expect(readFileSync(out, "utf8")).toBe(before);
    expect(readFileSync(spec, "utf8")).toBe(before);
  });

  it("explains its usage when arguments are missing", { timeout: SPAWN_TIMEOUT_MS }, async () => {
    await expect(run(tsx, [cli, "digitalocean"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("usage:"),
    });
  });
});
