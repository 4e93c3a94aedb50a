/**
 * The `dbusers` command line. Parsing and help come from commander; each command's work is in its
 * own module, imported only when that command runs, so `dbusers users list` loads one vendor's
 * client and nothing it does not use.
 */
import { Command, CommanderError, Option } from "commander";
import type { CliIo } from "./io.js";
import { registerPlanCommands } from "./plan-commands.js";
import { reportError } from "./report.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

const VENDOR_FLAGS_HELP = `
Vendor flags (each vendor takes its own; others are refused before sending):
  DigitalOcean  --engine E, --pg-allow-replication, --mysql-auth-plugin P, --settings FILE
  Atlas         --role ROLE@DB[.COLL] (repeatable), --auth-type T, --auth-db D, --scope NAME[:TYPE],
                --label KEY=VALUE, --description TEXT, --delete-after DATE
  Rackspace     --host H, --databases a,b`;

function example(command: Command, lines: string): Command {
  return command.addHelpText("after", `\nExample:\n${lines}\n`);
}

/** Options every command that reaches a vendor takes. */
function connection(command: Command): Command {
  return command
    .option("--base-url <url>", "the vendor's API (or identity) URL; default from DBUSERS_<VENDOR>_URL")
    .option("--engine <engine>", "DigitalOcean: the cluster's engine (pg, mysql, mongodb, kafka, opensearch)")
    .option("--debug", "on error, print the whole (redacted) error");
}

function keyFlags(command: Command): Command {
  return command
    .option("--host <host>", "Rackspace: the user's host (default %)")
    .option("--auth-db <database>", "Atlas: the user's auth database (admin or $external)");
}

function accessFlags(command: Command): Command {
  return command
    .option("--role <role>", "Atlas: ROLE@DB[.COLLECTION], repeatable", collect)
    .option("--auth-type <type>", "Atlas: SCRAM, AWS_IAM_USER, AWS_IAM_ROLE, X509_MANAGED, X509_CUSTOMER, LDAP_USER, LDAP_GROUP, OIDC_WORKFORCE, OIDC_WORKLOAD")
    .option("--scope <scope>", "Atlas: NAME[:CLUSTER|DATA_LAKE|STREAM], repeatable", collect)
    .option("--label <label>", "Atlas: KEY=VALUE, repeatable", collect)
    .option("--description <text>", "Atlas: a short description")
    .option("--delete-after <date>", "Atlas: ISO 8601 date when Atlas deletes the user")
    .option("--databases <list>", "Rackspace: comma-separated databases the user may use")
    .option("--pg-allow-replication", "DigitalOcean PostgreSQL: allow replication")
    .option("--no-pg-allow-replication", "DigitalOcean PostgreSQL: do not allow replication")
    .option("--mysql-auth-plugin <plugin>", "DigitalOcean MySQL: mysql_native_password or caching_sha2_password")
    .option("--settings <file>", "DigitalOcean: a JSON file with the user's engine settings");
}

function secretFlags(command: Command): Command {
  return command
    .option("--password-stdin", "read the password from standard input (Atlas, Rackspace)")
    .option("--secrets-out <file>", "write the new credentials to FILE (created with mode 0600)")
    .addOption(
      new Option("--secrets-format <format>", "format of --secrets-out").choices(["json", "env"]).default("json"),
    );
}

export function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command("dbusers")
    .description("Manage database users on DigitalOcean, MongoDB Atlas and Rackspace from one CLI.")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.writeOut(s), writeErr: (s) => io.writeErr(s) })
    .exitOverride();
  const run =
    <A extends unknown[]>(load: () => Promise<(io: CliIo, ...args: A) => Promise<number>>) =>
    async (...args: A) => {
      const options = args.at(-2) as { debug?: boolean } | undefined;
      try {
        setCode(await (await load())(io, ...args));
      } catch (error) {
        setCode(await reportError(io, error, options?.debug === true));
      }
    };

  example(
    program,
    "  $ export DIGITALOCEAN_TOKEN=…\n  $ dbusers users list digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30\n  $ dbusers users create --help",
  );
  const users = example(
    program.command("users").description("list, get, create, update, delete users; rotate passwords"),
    "  $ dbusers users list digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 --json",
  );
  users.configureOutput({ writeOut: (s) => io.writeOut(s), writeErr: (s) => io.writeErr(s) });

  example(
    connection(users.command("list").description("list the users of a target").argument("<target>", "vendor:id"))
      .option("--json", "print JSON")
      .action(run(async () => (await import("./commands/users-read.js")).listUsers)),
    "  $ DIGITALOCEAN_TOKEN=… dbusers users list digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 --json",
  );
  example(
    keyFlags(
      connection(users.command("get").description("show one user").argument("<target>").argument("<name>")),
    )
      .option("--json", "print JSON")
      .action(run(async () => (await import("./commands/users-read.js")).getUser)),
    "  $ dbusers users get digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 app-reader --json",
  );
  example(
    secretFlags(
      accessFlags(
        keyFlags(
          connection(
            users.command("create").description("create a user").argument("<target>").argument("<name>"),
          ),
        ),
      ),
    )
      .option("--json", "print the created user as JSON (never its password)")
      .addHelpText("after", VENDOR_FLAGS_HELP)
      .action(run(async () => (await import("./commands/users-write.js")).createUser)),
    "  $ dbusers users create digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 app-reader --engine pg --secrets-out app-reader.json",
  );
  example(
    accessFlags(
      keyFlags(
        connection(users.command("update").description("change a user").argument("<target>").argument("<name>")),
      ),
    )
      .option("--new-name <name>", "rename the user (Atlas, Rackspace)")
      .option("--new-host <host>", "Rackspace: move the user to another host")
      .option("--json", "print the updated user as JSON")
      .addHelpText("after", VENDOR_FLAGS_HELP)
      .action(run(async () => (await import("./commands/users-write.js")).updateUser)),
    "  $ dbusers users update digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 app-reader --engine pg --pg-allow-replication",
  );
  example(
    keyFlags(
      connection(users.command("delete").description("delete a user").argument("<target>").argument("<name>")),
    )
      .option("--yes", "do not ask for confirmation (required when not on a terminal)")
      .action(run(async () => (await import("./commands/users-write.js")).deleteUser)),
    "  $ dbusers users delete digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 app-reader --yes",
  );
  example(
    secretFlags(
      keyFlags(
        connection(
          users
            .command("rotate-password")
            .description("give a user a new password")
            .argument("<target>")
            .argument("<name>"),
        ),
      ),
    )
      .option("--mysql-auth-plugin <plugin>", "DigitalOcean MySQL: switch the auth plugin too")
      .action(run(async () => (await import("./commands/users-write.js")).rotatePassword)),
    "  $ dbusers users rotate-password digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 app-reader --secrets-out app-reader.env --secrets-format env",
  );

  const rules = example(
    program.command("rules").description("check values against a vendor's rules, or describe them"),
    "  $ dbusers rules check atlas username app-reader",
  );
  rules.configureOutput({ writeOut: (s) => io.writeOut(s), writeErr: (s) => io.writeErr(s) });
  const ruleContext = (command: Command) =>
    command
      .option("--engine <engine>", "DigitalOcean: the engine (pg, mysql, mongodb, kafka, opensearch)")
      .option("--auth-type <type>", "Atlas: the auth type (default SCRAM)")
      .addOption(new Option("--profile <profile>", "which rules apply").choices(["strict", "server"]))
      .option("--json", "print JSON")
      .option("--debug", "on error, print the whole error");
  example(
    ruleContext(
      rules
        .command("check")
        .description("check one value; exit 0 when valid, 2 when not (each broken rule listed)")
        .argument("<vendor>", "digitalocean, atlas or rackspace")
        .argument("<field>", "e.g. userName, password")
        .argument("<value>", "the value, or - to read it from standard input"),
    ).action(run(async () => (await import("./commands/rules.js")).checkRule)),
    "  $ dbusers rules check digitalocean userName pg_reader --engine pg",
  );
  example(
    ruleContext(
      rules
        .command("describe")
        .description("list the rules of a field with their sources")
        .argument("<vendor>")
        .argument("<field>"),
    ).action(run(async () => (await import("./commands/rules.js")).describeRule)),
    "  $ dbusers rules describe rackspace userName",
  );

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

/** Runs the command line; resolves to the exit code (0 ok, 1 error, 2 invalid input). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    const { version } = await import("./version.js");
    io.writeOut(`${await version()}\n`);
    return 0;
  }
  let code = 0;
  const program = buildProgram(io, (value) => {
    code = value;
  });
  for (const command of allCommands(program)) command.exitOverride();
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.exitCode === 0) {
        return 0;
      }
      // commander has printed the message and the hint: a usage error.
      return 2;
    }
    return reportError(io, error, argv.includes("--debug"));
  }
  return code;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
