/**
 * The CLI loads only what a command needs: `users list` on one vendor's target loads that vendor's
 * client and adapter and no other vendor's code, and the clouds.yaml parser only for Rackspace.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { BIN, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "dbusers-cli-lazy-"));
const hook = fileURLToPath(new URL("./fixtures/record-loads-to-file.mjs", import.meta.url));

const CLIENTS = {
  digitalocean: "function createDigitalOceanClient(",
  atlas: "function createAtlasClient(",
  rackspace: "function createRackspaceClient(",
} as const;

/**
 * The vendors whose client a list of loaded modules holds. The binary is bundled (dist/bin), so a
 * vendor is recognised by its client's code in a loaded file, not by the file's path.
 */
function vendorsIn(urls: readonly string[]): string[] {
  const code = urls
    .filter((url) => url.startsWith("file:"))
    .map((url) => readFileSync(fileURLToPath(url), "utf8"))
    .join("\n");
  return Object.entries(CLIENTS)
    .filter(([, marker]) => code.includes(marker))
    .map(([vendor]) => vendor)
    .sort();
}

test.each(["digitalocean", "atlas", "rackspace"] as const)(
  "users list on a %s target loads that vendor's code only",
  async (vendor) => {
    const refs = {
      digitalocean: `digitalocean:${h.clusters.pg}`,
      atlas: `atlas:${h.atlas.group}`,
      rackspace: `rackspace:${h.rackspace.instance}`,
    };
    const file = join(dir, `${vendor}.txt`);
    await run(process.execPath, ["--import", hook, BIN, "users", "list", refs[vendor], "--json"], {
      env: { PATH: process.env.PATH, ...h.env(), DBUSERS_RECORD_LOADS: file },
    });
    const urls = readFileSync(file, "utf8").split("\n").filter(Boolean);
    expect(urls.some((url) => url.includes("/dist/bin/"))).toBe(true);
    expect(vendorsIn(urls)).toEqual([vendor]);
    expect(urls.some((url) => /\/node_modules\/(\.pnpm\/)?yaml/.test(url))).toBe(false);
  },
);
