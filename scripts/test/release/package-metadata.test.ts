/**
 * Every package in packages/* — including ones added later — carries the metadata npm shows, a
 * LICENSE inside its tarball, README links that work on npmjs.com and a VERSION constant that
 * matches its package.json.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/lib/repo.js";
import { metadataProblems, relativeReadmeLinks } from "../../src/release/metadata.js";
import { readVersionConstant } from "../../src/release/versions.js";
import { listPackages, listPublishedPackages } from "../../src/release/workspace.js";

const rootLicense = readFileSync(join(repoRoot, "LICENSE"), "utf8");

/** The paths `npm pack` would put in the tarball (the same list pnpm publish uses). */
async function packedFiles(dir: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: dir,
    encoding: "utf8",
  });
  const [report] = JSON.parse(stdout) as [{ files: { path: string }[] }];
  return report.files.map((file) => file.path);
}

// npm takes seconds to start on a busy machine: pack every package at once, up front.
const packed = new Map<string, string[]>();
beforeAll(async () => {
  const packages = listPublishedPackages();
  await Promise.all(
    packages.map(async (pkg) => {
      packed.set(pkg.dir, await packedFiles(pkg.dir));
    }),
  );
}, 120_000);

it("finds the packages on disk", () => {
  expect(listPackages().map((pkg) => pkg.manifest.name)).toEqual(
    expect.arrayContaining(["@dbusers/core", "@dbusers/rules"]),
  );
});

it("the root LICENSE is MIT, held by the dbusers contributors", () => {
  expect(rootLicense).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} dbusers contributors\n/);
});

describe.each(listPublishedPackages().map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (_name, pkg) => {
  it("has repository, homepage, bugs, author, license, engines, a clean build and dedupable internal ranges", () => {
    expect(metadataProblems(pkg)).toEqual([]);
  });

  it("packs the root LICENSE and its README", () => {
    const files = packed.get(pkg.dir);
    expect(files).toContain("LICENSE");
    expect(files).toContain("README.md");
    expect(readFileSync(join(pkg.dir, "LICENSE"), "utf8")).toBe(rootLicense);
  });

  it("has a README whose links work on npmjs.com", () => {
    expect(relativeReadmeLinks(readFileSync(join(pkg.dir, "README.md"), "utf8"))).toEqual([]);
  });

  it.runIf(existsSync(join(pkg.dir, "src", "version.ts")))(
    "keeps src/version.ts equal to package.json",
    () => {
      expect(readVersionConstant(pkg.dir)).toBe(pkg.manifest.version);
    },
  );
});
