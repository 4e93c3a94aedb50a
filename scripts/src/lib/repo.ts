import { existsSync, readdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root, found from this file's place (scripts/src/lib) rather than from the cwd. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export function specFile(vendor: string, root = repoRoot): string {
  return join(root, "specs", vendor, "openapi.yaml");
}

export function operationsFile(vendor: string, root = repoRoot): string {
  return join(root, "specs", vendor, "operations.yaml");
}

export function generatedFile(vendor: string, root = repoRoot): string {
  return join(root, "packages", vendor, "src", "generated", "openapi.ts");
}

/** Vendors are the folders of specs/ that hold an openapi.yaml. */
export function listVendors(root = repoRoot): string[] {
  const dir = join(root, "specs");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(specFile(entry.name, root)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * `pnpm <script>` runs in the root, but a user's relative paths mean their own directory:
 * pnpm keeps that in INIT_CWD.
 */
export function resolveUserPath(path: string): string {
  if (isAbsolute(path)) return path;
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
