import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { tarballFiles } from "../../src/release/tarball.js";

it("lists the regular files of a gzipped tarball with their sizes", () => {
  const dir = mkdtempSync(join(tmpdir(), "dbusers-tar-"));
  mkdirSync(join(dir, "package", "dist"), { recursive: true });
  writeFileSync(join(dir, "package", "LICENSE"), "MIT\n");
  writeFileSync(join(dir, "package", "dist", "index.js"), "x".repeat(1500));
  execFileSync("tar", ["-czf", join(dir, "p.tgz"), "-C", dir, "package"]);
  const files = tarballFiles(readFileSync(join(dir, "p.tgz")));
  expect(files.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
    { path: "package/dist/index.js", size: 1500 },
    { path: "package/LICENSE", size: 4 },
  ]);
});
