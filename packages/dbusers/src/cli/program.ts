/**
 * The `dbusers` command line as commander defines it: parsing, help and usage errors. Only the
 * commands of the group named first (`users`, `rules`) are defined, and each command's work is in
 * its own module, imported when it runs, so `dbusers users list` loads one vendor's client and
 * nothing it does not use.
 */
import { Command, CommanderError } from "commander";
import { example, type Runner } from "./define.js";
import { defineRules } from "./define-rules.js";
import { defineUsers } from "./define-users.js";
import type { CliIo } from "./io.js";
import { registerPlanCommands } from "./plan-commands.js";

async function report(io: CliIo, error: unknown, debug: boolean): Promise<number> {
  return (await import("./report.js")).reportError(io, error, debug);
}

const GROUPS: Record<string, { readonly description: string; readonly define: typeof defineUsers }> = {
  users: { description: "list, get, create, update, delete users; rotate passwords", define: defineUsers },
  rules: { description: "check values against a vendor's rules, or describe them", define: defineRules },
};

export function buildProgram(io: CliIo, setCode: (code: number) => void, only?: string): Command {
  const output = { writeOut: (s: string) => io.writeOut(s), writeErr: (s: string) => io.writeErr(s) };
  const program = example(
    new Command("dbusers")
      .description("Manage database users on DigitalOcean, MongoDB Atlas and Rackspace from one CLI.")
      .showHelpAfterError("(run with --help for usage)")
      .configureOutput(output),
    "  $ export DIGITALOCEAN_TOKEN=…\n  $ dbusers users list digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30\n  $ dbusers users create --help",
  );
  const run: Runner =
    (load) =>
    async (...args) => {
      const options = args.at(-2) as { debug?: boolean } | undefined;
      try {
        setCode(await (await load())(io, ...args));
      } catch (error) {
        setCode(await report(io, error, options?.debug === true));
      }
    };
  for (const [name, group] of Object.entries(GROUPS)) {
    const command = program.command(name).description(group.description).configureOutput(output);
    if (only === undefined || only === name) group.define(command, run);
  }
  example(
    program
      .command("capabilities")
      .description("what each vendor can do")
      .option("--json", "print JSON")
      .option("--debug", "on error, print the whole error")
      .action(run(async () => (await import("./commands/capabilities.js")).showCapabilities)),
    "  $ dbusers capabilities --json",
  );
  registerPlanCommands(program, run);
  return program;
}

/** Runs the command line through commander; resolves to the exit code (0 ok, 1 error, 2 invalid input). */
export async function runProgram(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const group = argv[0] !== undefined && Object.hasOwn(GROUPS, argv[0]) ? argv[0] : undefined;
  const program = buildProgram(
    io,
    (value) => {
      code = value;
    },
    group,
  );
  for (const command of allCommands(program)) command.exitOverride();
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help (asked for, or shown for a group without a subcommand) is not an error.
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.help" ||
        error.exitCode === 0
      ) {
        return 0;
      }
      // commander has printed the message and the hint: a usage error.
      return 2;
    }
    return report(io, error, argv.includes("--debug"));
  }
  return code;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
