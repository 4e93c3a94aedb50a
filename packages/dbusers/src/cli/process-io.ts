/** The real process as a `CliIo`. */
import { isatty } from "node:tty";
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
    // `isatty` rather than `process.stdin.isTTY`: the stream would be set up at every start, and
    // only `users delete` without `--yes` ever reads the answer.
    confirm: isatty(0) && isatty(2) ? ask : undefined,
  };
}
