/** The package's version, read only when `--version` asks for it. */
import { readFile } from "node:fs/promises";

/**
 * The package's own package.json: two levels up from `dist/cli/version.js`, three from a chunk of
 * the bundled binary (`dist/bin/chunks/`).
 */
const CANDIDATES = ["../../package.json", "../../../package.json"];

export async function version(): Promise<string> {
  for (const candidate of CANDIDATES) {
    let text: string;
    try {
      text = await readFile(new URL(candidate, import.meta.url), "utf8");
    } catch {
      continue;
    }
    const manifest = JSON.parse(text) as { name?: string; version?: string };
    if (manifest.name === "dbusers" && typeof manifest.version === "string") return manifest.version;
  }
  throw new Error("dbusers: its package.json was not found beside the installed files");
}
