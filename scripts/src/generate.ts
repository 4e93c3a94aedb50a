import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { parseArgs } from "node:util";
import { findStaleFiles, generateTypes } from "./generate/generate-types.js";
import { runCli, ScriptError } from "./lib/errors.js";
import { generatedFile, listVendors, repoRoot } from "./lib/repo.js";

/*
 * `tsx scripts/src/generate.ts [vendor…] [--check]`
 * Writes packages/<vendor>/src/generated/openapi.ts from specs/<vendor>/openapi.yaml (every vendor
 * when none is named). With --check it writes nothing, names the stale files and exits 1.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { check: { type: "boolean", default: false } },
  });
  const known = listVendors();
  const unknown = positionals.filter((vendor) => !known.includes(vendor));
  if (unknown.length > 0) {
    throw new ScriptError("unknown-vendor", `no specs/<vendor>/openapi.yaml for: ${unknown.join(", ")}`);
  }
  const vendors = positionals.length > 0 ? positionals : known;
  const show = (file: string) => relative(repoRoot, file);

  if (values.check) {
    const stale = await findStaleFiles(vendors);
    for (const { file, reason, vendor } of stale) {
      process.stderr.write(
        `stale: ${show(file)} (${reason}; run \`pnpm generate\` after editing specs/${vendor})\n`,
      );
    }
    if (stale.length === 0) process.stderr.write(`generated files are up to date (${vendors.join(", ")})\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const vendor of vendors) {
    const file = generatedFile(vendor);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await generateTypes(vendor));
    process.stderr.write(`wrote ${show(file)}\n`);
  }
  return 0;
}

runCli(main);
