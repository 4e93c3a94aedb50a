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

export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    writeOut: (text) => process.stdout.write(text),
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
