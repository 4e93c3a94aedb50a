import { relative } from "node:path";
import { runCli } from "../lib/errors.js";
import { repoRoot } from "../lib/repo.js";
import { syncVersionConstants } from "./versions.js";
import { listPackages } from "./workspace.js";

/*
 * `tsx scripts/src/release/sync-versions.ts` — run by `pnpm version-packages` right after
 * `changeset version`: every packages/<name>/src/version.ts takes its package.json version.
 */
runCli(async () => {
  for (const file of syncVersionConstants(listPackages())) {
    process.stderr.write(`synced ${relative(repoRoot, file)}\n`);
  }
  return 0;
});
