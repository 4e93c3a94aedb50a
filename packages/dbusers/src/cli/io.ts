/** What a command may touch of the outside world; `bin.ts` passes the process's, tests their own. */
import type { Env } from "./config.js";

export interface CliIo {
  readonly env: Env;
  /** Resolves relative paths (`--secrets-out`, `--settings`). */
  readonly cwd: string;
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** All of standard input, for `--password-stdin`. */
  readStdin(): Promise<string>;
  /** Asks a yes/no question on the terminal; `undefined` when there is no terminal to ask on. */
  confirm?: ((question: string) => Promise<boolean>) | undefined;
}
