/**
 * Errors as one line on stderr (the typed error's message; a validation error also lists each
 * broken rule), and the exit code: 2 when the input was refused before anything was sent, 1
 * otherwise. `--debug` adds the whole error, which `@dbusers/core` redacts for printing.
 */
import { DbUsersError, ValidationError } from "@dbusers/core";
import { INVALID_INPUT_CODES } from "./errors.js";
import type { CliIo } from "./io.js";

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

export async function reportError(io: CliIo, error: unknown, debug: boolean): Promise<number> {
  if (error instanceof ValidationError) {
    io.writeErr(`dbusers: invalid input, nothing was sent:\n`);
    for (const v of error.violations) io.writeErr(`  - ${v.path}: ${oneLine(v.message)} (${v.rule})\n`);
  } else if (error instanceof DbUsersError) {
    io.writeErr(`dbusers: ${oneLine(error.message)}\n`);
  } else {
    // Not one of ours: its message may quote anything, so only its kind is shown without --debug.
    const kind = error instanceof Error ? error.name : typeof error;
    io.writeErr(`dbusers: unexpected ${kind}${debug ? "" : " (run with --debug for details)"}\n`);
  }
  if (debug) {
    const { inspect } = await import("node:util");
    io.writeErr(`${error instanceof DbUsersError ? inspect(error, { depth: 6 }) : safeDebug(error)}\n`);
  }
  return error instanceof DbUsersError && INVALID_INPUT_CODES.has(error.code) ? 2 : 1;
}

/** A foreign error under --debug: its name, message and stack, nothing it holds by reference. */
function safeDebug(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
