/**
 * What a user installs works: `pnpm pack` of dbusers and the workspace packages it depends on
 * (which pack rewrites from `workspace:*` to versions), `npm install` of the tarballs in an empty
 * folder, then `npx dbusers --help` and an import of the library.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const run = promisify(execFile);
const packages = fileURLToPath(new URL("../..", import.meta.url));
const WORKSPACE_DEPENDENCIES = ["core", "rules", "digitalocean", "atlas", "rackspace", "dbusers"];

/** pnpm as the test was started by it (`npm_execpath`), else through npx. */
function pnpm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath)
    ? run(process.execPath, [execPath, ...args], { cwd })
    : run("npx", ["-y", "pnpm@10.34.9", ...args], { cwd });
}

test("npm install of the packed tarballs, then npx dbusers --help", { timeout: 300_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), "dbusers-pack-"));
  const tarballs = join(root, "tarballs");
  for (const name of WORKSPACE_DEPENDENCIES) {
    await pnpm(["pack", "--pack-destination", tarballs], join(packages, name));
  }
  const app = join(root, "app");
  await run("mkdir", [app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  await run("npm", ["install", "--no-audit", "--no-fund", ...files], { cwd: app });

  const help = await run("npx", ["--no-install", "dbusers", "--help"], { cwd: app });
  expect(help.stdout).toMatch(/^Usage: dbusers /);
  expect(help.stdout).toContain("users");
  const version = await run("npx", ["--no-install", "dbusers", "--version"], { cwd: app });
  expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  const library = await run(
    process.execPath,
    ["--input-type=module", "-e", "const d = await import('dbusers'); console.log(typeof d.createDbUsers)"],
    { cwd: app },
  );
  expect(library.stdout).toBe("function\n");
});
