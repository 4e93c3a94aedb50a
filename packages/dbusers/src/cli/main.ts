/**
 * The `dbusers` command line. `users list` and `users get` as they are usually written go straight
 * to their command (read-args.ts); everything else, help and usage errors included, goes through
 * the commander program (program.ts), loaded only then.
 */
import type { CliIo } from "./io.js";
import { parseReadCommand } from "./read-args.js";

/** Runs the command line; resolves to the exit code (0 ok, 1 error, 2 invalid input). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    const { version } = await import("./version.js");
    io.writeOut(`${await version()}\n`);
    return 0;
  }
  const read = parseReadCommand(argv);
  if (read === undefined) return (await import("./program.js")).runProgram(argv, io);
  return (await import("./read-command.js")).runReadCommand(read, io);
}
