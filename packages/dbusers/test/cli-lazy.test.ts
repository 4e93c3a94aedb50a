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

/** The vendors whose client package or facade adapter a module list holds. */
function vendorsIn(urls: readonly string[]): string[] {
  const found = new Set<string>();
  for (const url of urls) {
    const match =
      /\/packages\/(digitalocean|atlas|rackspace)\//.exec(url) ??
      /\/dist\/vendors\/(digitalocean|atlas|rackspace)\/adapter\.js$/.exec(url);
    if (match) found.add(match[1]!);
  }
  return [...found].sort();
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
    expect(vendorsIn(urls)).toEqual([vendor]);
    expect(urls.some((url) => /\/node_modules\/(\.pnpm\/)?yaml/.test(url))).toBe(false);
  },
);
