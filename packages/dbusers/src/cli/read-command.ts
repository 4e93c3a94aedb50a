/**
 * `users list` and `users get` as read by read-args.ts: the command, and its error report, in one
 * module, so the binary loads them as one file.
 */
import { getUser, listUsers } from "./commands/users-read.js";
import type { CliIo } from "./io.js";
import type { ReadCommand } from "./read-args.js";
import { reportError } from "./report.js";

/** Runs the command; resolves to the exit code, as the commander program's action would. */
export async function runReadCommand(read: ReadCommand, io: CliIo): Promise<number> {
  try {
    return read.verb === "list"
      ? await listUsers(io, read.target, read.flags)
      : await getUser(io, read.target, read.name, read.flags);
  } catch (error) {
    return reportError(io, error, read.flags.debug === true);
  }
}
