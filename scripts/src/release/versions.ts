import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ScriptError } from "../lib/errors.js";
import type { WorkspacePackage } from "./workspace.js";

/*
 * A package that needs its own version at run time (a User-Agent, say) keeps it in
 * `src/version.ts` as `export const VERSION = "x.y.z";`. A constant, rather than reading
 * package.json, keeps bundles free of the whole manifest and works where there is no file system.
 * `pnpm version-packages` (changeset version, then this sync) keeps it equal to package.json, and a
 * test fails whenever the two differ.
 */

const CONSTANT = /^(export const VERSION(?:: string)? = )"([^"]*)";$/m;

function versionFile(dir: string): string {
  return join(dir, "src", "version.ts");
}

/** The VERSION in src/version.ts, or undefined when the package has no such file. */
export function readVersionConstant(dir: string): string | undefined {
  const file = versionFile(dir);
  if (!existsSync(file)) return undefined;
  const match = CONSTANT.exec(readFileSync(file, "utf8"));
  if (!match) {
    throw new ScriptError("version-constant", `${file} has no line \`export const VERSION = "x.y.z";\``);
  }
  return match[2];
}

/** Rewrites src/version.ts where it differs from package.json; returns the files it changed. */
export function syncVersionConstants(packages: readonly WorkspacePackage[]): string[] {
  const changed: string[] = [];
  for (const { dir, manifest } of packages) {
    const current = readVersionConstant(dir);
    if (current === undefined || current === manifest.version) continue;
    const file = versionFile(dir);
    const text = readFileSync(file, "utf8").replace(
      CONSTANT,
      (_all, head: string) => `${head}"${manifest.version}";`,
    );
    writeFileSync(file, text);
    changed.push(file);
  }
  return changed;
}
