import { parseArgs } from "node:util";
import { diffSpecFiles, renderText } from "./diff/report.js";
import { runCli, ScriptError } from "./lib/errors.js";
import { readOperationsConfig } from "./lib/operations-config.js";
import { resolveUserPath } from "./lib/repo.js";

const USAGE = "usage: pnpm specs:diff <vendor> <old-spec> <new-spec> [--json] [--fail-on-breaking]";

/*
 * Exit codes: 0 normally (the report is information); 1 with --fail-on-breaking when any change is
 * breaking ("potentially breaking" does not fail: it needs a person's judgement); 2 on bad input.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      "fail-on-breaking": { type: "boolean", default: false },
    },
  });
  const [vendor, oldSpec, newSpec] = positionals;
  if (!vendor || !oldSpec || !newSpec) throw new ScriptError("usage", USAGE);
  const config = readOperationsConfig(vendor);
  const report = await diffSpecFiles(
    vendor,
    resolveUserPath(oldSpec),
    resolveUserPath(newSpec),
    config.operations,
  );
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderText(report)}\n`);
  return values["fail-on-breaking"] && report.summary.breaking > 0 ? 1 : 0;
}

runCli(main);
