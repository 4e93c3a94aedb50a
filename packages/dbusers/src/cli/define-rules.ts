/** The `dbusers rules …` commands. */
import { type Command, Option } from "commander";
import { example, type Runner } from "./define.js";

const load = async () => import("./commands/rules.js");

function ruleContext(command: Command): Command {
  return command
    .option("--engine <engine>", "DigitalOcean: the engine (pg, mysql, mongodb, kafka, opensearch)")
    .option("--auth-type <type>", "Atlas: the auth type (default SCRAM)")
    .addOption(new Option("--profile <profile>", "which rules apply").choices(["strict", "server"]))
    .option("--json", "print JSON")
    .option("--debug", "on error, print the whole error");
}

export function defineRules(rules: Command, run: Runner): void {
  example(rules, "  $ dbusers rules check atlas username app-reader");
  example(
    ruleContext(
      rules
        .command("check")
        .description("check one value; exit 0 when valid, 2 when not (each broken rule listed)")
        .argument("<vendor>", "digitalocean, atlas or rackspace")
        .argument("<field>", "e.g. userName, password")
        .argument("<value>", "the value, or - to read it from standard input"),
    ).action(run(async () => (await load()).checkRule)),
    "  $ dbusers rules check digitalocean userName pg_reader --engine pg",
  );
  example(
    ruleContext(
      rules
        .command("describe")
        .description("list the rules of a field with their sources")
        .argument("<vendor>")
        .argument("<field>"),
    ).action(run(async () => (await load()).describeRule)),
    "  $ dbusers rules describe rackspace userName",
  );
}
