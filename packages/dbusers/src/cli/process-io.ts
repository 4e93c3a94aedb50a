/** The real process as a `CliIo`. */
import type { CliIo } from "./io.js";

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function ask(question: string): Promise<boolean> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/**
 * A reader that stops early (`dbusers … | head -1`) closes the pipe; the next write fails with
 * EPIPE, which Node would throw as an unhandled stream error. Nothing more can be shown to anyone,
 * so the command ends there, quietly, with the exit code it has so far.
 */
function endOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== "EPIPE") throw error;
  process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
}

let watchingStdout = false;

function writeOut(text: string): void {
  if (!watchingStdout) {
    watchingStdout = true;
    process.stdout.on("error", endOnClosedPipe);
  }
  process.stdout.write(text);
}

export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    writeOut,
    writeErr: (text) => process.stderr.write(text),
    readStdin: readAll,
    // Looked at when asked for: only `users delete` without `--yes` ever does, and `isatty` rather
    // than `process.stdin.isTTY`, which would set up a stream for standard input.
    get confirm() {
      const { isatty } = process.getBuiltinModule("node:tty");
      return isatty(0) && isatty(2) ? ask : undefined;
    },
  };
}
