import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ReadmeExample } from "./readme-examples.js";

const require = createRequire(import.meta.url);

export interface ExampleRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Where the example runs: its imports resolve from here, as in a user's project. */
  cwd: string;
  /** A name for the temporary files, unique among examples running at the same time in `cwd`. */
  name: string;
  timeoutMs?: number;
}

/** The environment of a user's shell: nothing from the test run that started us. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  for (const key of Object.keys(env)) {
    if (key.startsWith("VITEST") || key === "TEST" || key === "NODE_OPTIONS" || key === "NODE_ENV")
      delete env[key];
  }
  return env;
}

function command(example: ReadmeExample, file: string, config: string): [string, string[]] {
  if (example.runner === "bash") return ["bash", ["-eo", "pipefail", file]];
  if (example.runner === "vitest") {
    const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
    return [process.execPath, [vitest, "run", "--config", config, "--reporter", "dot"]];
  }
  const loader =
    example.language === "ts" ? ["--import", pathToFileURL(require.resolve("tsx/esm")).href] : [];
  return [process.execPath, [...loader, file]];
}

/**
 * Runs one example as a user would: its code in a file in `cwd` (so bare imports resolve from that
 * project), in a child process. TypeScript goes through tsx, which strips types and checks none.
 * The files are removed afterwards; their names match `*.tmp.*`, which git ignores.
 */
export async function runExample(example: ReadmeExample, options: RunOptions): Promise<ExampleRun> {
  const extension = { ts: "mts", js: "mjs", sh: "sh" }[example.language]; // ES modules whatever the project's "type"
  const base = `readme-${options.name}.tmp`;
  const file = join(
    options.cwd,
    example.runner === "vitest" ? `${base}.test.${extension}` : `${base}.${extension}`,
  );
  const config = join(options.cwd, `${base}.vitest.config.mjs`);
  writeFileSync(file, example.code);
  if (example.runner === "vitest") {
    writeFileSync(
      config,
      `export default { test: { include: [${JSON.stringify(file.slice(options.cwd.length + 1))}] } };\n`,
    );
  }
  const [executable, args] = command(example, file, config);
  try {
    return await new Promise<ExampleRun>((resolve) => {
      execFile(
        executable,
        args,
        { cwd: options.cwd, env: cleanEnv(), timeout: options.timeoutMs ?? 120_000, encoding: "utf8" },
        (error, stdout, stderr) => {
          const exitCode = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ exitCode, stdout, stderr: error?.killed ? `${stderr}\n(timed out)` : stderr });
        },
      );
    });
  } finally {
    rmSync(file, { force: true });
    rmSync(config, { force: true });
  }
}

/** What went wrong, or undefined when the example exited 0 and printed what its README says. */
export function exampleFailure(example: ReadmeExample, run: ExampleRun): string | undefined {
  if (run.exitCode !== 0)
    return `exited with ${run.exitCode}\n--- stderr\n${run.stderr}\n--- stdout\n${run.stdout}`;
  if (example.output === undefined) return undefined;
  const normalise = (text: string) => text.replace(/[ \t]+$/gm, "").trimEnd();
  if (normalise(run.stdout) === normalise(example.output)) return undefined;
  return `printed:\n${run.stdout}\n--- but the README says:\n${example.output}`;
}
