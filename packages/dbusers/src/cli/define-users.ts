/** The `dbusers users …` commands. */
import type { Command } from "commander";
import {
  accessFlags,
  connection,
  example,
  keyFlags,
  type Runner,
  secretFlags,
  VENDOR_FLAGS_HELP,
} from "./define.js";

const DO = "digitalocean:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30";
const read = async () => import("./commands/users-read.js");
const write = async () => import("./commands/users-write.js");

export function defineUsers(users: Command, run: Runner): void {
  example(users, `  $ dbusers users list ${DO} --json`);
  example(
    connection(
      users.command("list").description("list the users of a target").argument("<target>", "vendor:id"),
    )
      .option("--json", "print JSON")
      .action(run(async () => (await read()).listUsers)),
    `  $ DIGITALOCEAN_TOKEN=… dbusers users list ${DO} --json`,
  );
  example(
    keyFlags(
      connection(users.command("get").description("show one user").argument("<target>").argument("<name>")),
    )
      .option("--json", "print JSON")
      .action(run(async () => (await read()).getUser)),
    `  $ dbusers users get ${DO} app-reader --json`,
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
      .action(run(async () => (await write()).createUser)),
    `  $ dbusers users create ${DO} app-reader --engine pg --secrets-out app-reader.json`,
  );
  example(
    accessFlags(
      keyFlags(
        connection(
          users.command("update").description("change a user").argument("<target>").argument("<name>"),
        ),
      ),
    )
      .option("--new-name <name>", "rename the user (Atlas, Rackspace)")
      .option("--new-host <host>", "Rackspace: move the user to another host")
      .option("--json", "print the updated user as JSON")
      .addHelpText("after", VENDOR_FLAGS_HELP)
      .action(run(async () => (await write()).updateUser)),
    `  $ dbusers users update ${DO} app-reader --engine pg --pg-allow-replication`,
  );
  example(
    keyFlags(
      connection(
        users.command("delete").description("delete a user").argument("<target>").argument("<name>"),
      ),
    )
      .option("--yes", "do not ask for confirmation (required when not on a terminal)")
      .action(run(async () => (await write()).deleteUser)),
    `  $ dbusers users delete ${DO} app-reader --yes`,
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
      .action(run(async () => (await write()).rotatePassword)),
    `  $ dbusers users rotate-password ${DO} app-reader --secrets-out app-reader.env --secrets-format env`,
  );
}
