/**
 * Every published package's README examples marked `run` run as written against the built packages,
 * from the package's own folder (so `@dbusers/<self>` resolves through its `exports`, and the emulator
 * through its devDependencies), and print what the README says they print. The same examples run
 * again in an empty project against the published tarballs during the release rehearsal.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../src/lib/repo.js";
import { extractExamples } from "../../src/release/readme-examples.js";
import { exampleFailure, runExample } from "../../src/release/run-example.js";
import { listPublishedPackages } from "../../src/release/workspace.js";

const packages = listPublishedPackages().map((pkg) => {
  const file = join(pkg.dir, "README.md");
  return { pkg, examples: extractExamples(readFileSync(file, "utf8"), relative(repoRoot, file)) };
});

describe.each(packages.map((entry) => [entry.pkg.manifest.name, entry] as const))(
  "%s README",
  (_name, entry) => {
    it("has at least one example marked to run (```ts run, see scripts/src/release/readme-examples.ts)", () => {
      expect(entry.examples.length).toBeGreaterThan(0);
    });

    it.each(entry.examples.map((example) => [example.line, example] as const))(
      "the example at line %i runs as written",
      async (line, example) => {
        const run = await runExample(example, { cwd: entry.pkg.dir, name: String(line) });
        expect(exampleFailure(example, run)).toBeUndefined();
      },
      180_000,
    );
  },
);
