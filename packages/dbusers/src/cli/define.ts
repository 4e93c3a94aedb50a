/** Shared pieces of the command definitions: flag groups, examples, and the lazy action runner. */
import { ATLAS_AUTH_TYPES } from "@dbusers/rules/atlas/validate";
import { type Command, Option } from "commander";
import type { CliIo } from "./io.js";

/** A command's work: imported when the command runs, resolving to the exit code. */
export type Action<A extends unknown[]> = () => Promise<(io: CliIo, ...args: A) => Promise<number>>;
export type Runner = <A extends unknown[]>(load: Action<A>) => (...args: A) => Promise<void>;

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export const VENDOR_FLAGS_HELP = `
Vendor flags (each vendor takes its own; others are refused before sending):
  DigitalOcean  --engine E, --pg-allow-replication, --mysql-auth-plugin P, --settings FILE
  Atlas         --role ROLE@DB[.COLL] (repeatable), --auth-type T, --auth-db D, --scope NAME[:TYPE],
                --label KEY=VALUE, --description TEXT, --delete-after DATE
  Rackspace     --host H, --databases a,b`;

export function example(command: Command, lines: string): Command {
  return command.addHelpText("after", `\nExample:\n${lines}\n`);
}

/** Options every command that reaches a vendor takes. */
export function connection(command: Command): Command {
  return command
    .option("--base-url <url>", "the vendor's API (or identity) URL; default from DBUSERS_<VENDOR>_URL")
    .option("--engine <engine>", "DigitalOcean: the cluster's engine (pg, mysql, mongodb, kafka, opensearch)")
    .option("--region <region>", "Rackspace: the catalog region (default RS_REGION_NAME or OS_REGION_NAME)")
    .option("--debug", "on error, print the whole (redacted) error");
}

export function keyFlags(command: Command): Command {
  return command
    .option("--host <host>", "Rackspace: the user's host (default %)")
    .option("--auth-db <database>", "Atlas: the user's auth database (admin or $external)");
}

export function accessFlags(command: Command): Command {
  return command
    .option("--role <role>", "Atlas: ROLE@DB[.COLLECTION], repeatable", collect)
    .option("--auth-type <type>", `Atlas: ${ATLAS_AUTH_TYPES.join(", ")}`)
    .option("--scope <scope>", "Atlas: NAME[:CLUSTER|DATA_LAKE|STREAM], repeatable", collect)
    .option("--label <label>", "Atlas: KEY=VALUE, repeatable", collect)
    .option("--description <text>", "Atlas: a short description")
    .option("--delete-after <date>", "Atlas: ISO 8601 date when Atlas deletes the user")
    .option("--databases <list>", "Rackspace: comma-separated databases the user may use")
    .option("--pg-allow-replication", "DigitalOcean PostgreSQL: allow replication")
    .option("--no-pg-allow-replication", "DigitalOcean PostgreSQL: do not allow replication")
    .option(
      "--mysql-auth-plugin <plugin>",
      "DigitalOcean MySQL: mysql_native_password or caching_sha2_password",
    )
    .option("--settings <file>", "DigitalOcean: a JSON file with the user's engine settings");
}

export function secretFlags(command: Command): Command {
  return command
    .option("--password-stdin", "read the password from standard input (Atlas, Rackspace)")
    .option("--secrets-out <file>", "write the new credentials to FILE (created with mode 0600)")
    .addOption(
      new Option("--secrets-format <format>", "format of --secrets-out")
        .choices(["json", "env"])
        .default("json"),
    );
}
