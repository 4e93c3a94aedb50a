import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../lib/repo.js";

/** The repository every published package points at (package.json fields, README links). */
export const REPOSITORY = "https://github.com/dbusers/dbusers";

/** The parts of a package.json the release tooling reads. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  [field: string]: unknown;
}

/** One folder of packages/ with a package.json. */
export interface WorkspacePackage {
  /** Folder name under packages/, e.g. `digitalocean`. */
  folder: string;
  /** Absolute path of the package folder. */
  dir: string;
  manifest: PackageManifest;
}

/**
 * Every package under packages/, found on disk each time, so a package added later is checked and
 * rehearsed without anyone registering it. Sorted by folder for stable test names.
 */
export function listPackages(root = repoRoot): WorkspacePackage[] {
  const base = join(root, "packages");
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, "package.json")))
    .map((entry) => {
      const dir = join(base, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageManifest;
      return { folder: entry.name, dir, manifest };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The packages that `changeset publish` would publish. */
export function listPublishedPackages(root = repoRoot): WorkspacePackage[] {
  return listPackages(root).filter((pkg) => pkg.manifest.private !== true);
}
