import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ScriptError } from "../lib/errors.js";

export interface ExecOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a command to completion; a failure carries the command, its exit code and its output's tail. */
export function exec(command: string, args: readonly string[], options: ExecOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 900_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-40).join("\n");
        reject(
          new ScriptError(
            "command-failed",
            `\`${[command, ...args].join(" ")}\` failed (${error.code ?? error.signal}):\n${tail}`,
          ),
        );
      },
    );
  });
}

/**
 * The environment the release commands see: the caller's, minus the npm_config_* and pnpm settings
 * that `pnpm test` exports to its scripts (they would point npm and pnpm at the real registry and the
 * repository's own config), plus a PATH whose first entry holds a `pnpm` — changesets runs `pnpm
 * publish` by that name, and CI has no global pnpm.
 */
export function releaseEnv(binDir: string, pnpm: readonly string[]): NodeJS.ProcessEnv {
  mkdirSync(binDir, { recursive: true });
  const shim = join(binDir, "pnpm");
  writeFileSync(
    shim,
    `#!/bin/sh\nexec ${pnpm.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ")} "$@"\n`,
  );
  chmodSync(shim, 0o755);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith("npm_") || lower.startsWith("pnpm_") || lower.startsWith("turbo_")) continue;
    if (key.startsWith("VITEST") || key === "NODE_OPTIONS") continue;
    env[key] = value;
  }
  env.PATH = `${binDir}:${process.env.PATH ?? ""}`;
  env.NO_COLOR = "1";
  env.FORCE_COLOR = "0";
  return env;
}
