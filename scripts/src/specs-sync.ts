import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { runCli, ScriptError } from "./lib/errors.js";
import { asObject } from "./lib/json.js";
import { readOperationsConfig } from "./lib/operations-config.js";
import { repoRoot, resolveUserPath, specFile } from "./lib/repo.js";
import { leadingComment, syncSpec } from "./sync/sync.js";

const USAGE = "usage: pnpm specs:sync <vendor> <upstream-spec | its directory> [--out <file>] [--dry-run]";

/** A directory stands for the entry file that operations.yaml names (upstream.entry). */
function upstreamEntry(path: string, entry: string | undefined): string {
  if (!existsSync(path)) throw new ScriptError("no-upstream", `${path} does not exist`);
  if (!statSync(path).isDirectory()) return path;
  if (!entry)
    throw new ScriptError(
      "no-upstream",
      `${path} is a directory and operations.yaml names no upstream.entry`,
    );
  const candidates = [join(path, entry), join(path, "specification", entry)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new ScriptError("no-upstream", `no ${entry} in ${path}`);
  return found;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const [vendor, upstreamArg] = positionals;
  if (!vendor || !upstreamArg) throw new ScriptError("usage", USAGE);
  const config = readOperationsConfig(vendor);
  const upstreamFile = upstreamEntry(resolveUserPath(upstreamArg), config.upstreamEntry);
  const out = values.out ? resolveUserPath(values.out) : specFile(vendor);
  const currentText = existsSync(specFile(vendor)) ? readFileSync(specFile(vendor), "utf8") : "";

  const started = performance.now();
  const result = await syncSpec({
    config,
    upstreamFile,
    current: asObject(parse(currentText) as unknown),
    headerComment: leadingComment(currentText),
  });
  const ms = Math.round(performance.now() - started);

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const operations = config.operations.length - result.missing.length;
  log(
    `specs:sync ${vendor}: ${operations}/${config.operations.length} operations from ${upstreamFile} in ${ms} ms`,
  );
  for (const id of result.missing)
    log(`  missing upstream: ${id} (left out; specs:diff reports it as removed)`);
  for (const note of result.notes) log(`  note: ${note}`);
  if (result.upstreamText.length > 0) {
    log(
      `  ${result.upstreamText.length} element(s) carry upstream prose (x-dbusers-upstream-text): rewrite them`,
    );
    for (const pointer of result.upstreamText) log(`    ${pointer}`);
  }
  if (values["dry-run"]) {
    process.stdout.write(result.text);
    return 0;
  }
  writeFileSync(out, result.text);
  log(`  wrote ${relative(repoRoot, out).startsWith("..") ? out : relative(repoRoot, out)}`);
  return 0;
}

runCli(main);
