/**
 * `dbusers plan` and `dbusers apply`: registered on the program here, their work imported only
 * when one of them runs.
 */
import type { Command } from "commander";
import { collect, type Runner } from "./define.js";

const FILE_EXAMPLE =
  "  $ dbusers plan -f dbusers.yaml\n  $ dbusers plan -f dbusers.yaml --detailed-exitcode --out plan.json";

export function registerPlanCommands(program: Command, run: Runner): void {
  program
    .command("plan")
    .description("compare dbusers.yaml with every target and show what apply would change")
    .requiredOption("-f, --file <file>", "the desired-state file (dbusers.yaml)")
    .option(
      "--prune",
      "also plan to delete users the targets hold and the file does not list (never built-in ones)",
    )
    .option("--rotate <user>", "plan a new password for USER (a name, or TARGET/NAME), repeatable", collect)
    .option("--json", "print the plan as JSON (the format README documents)")
    .option("--out <file>", "save the plan as JSON for `dbusers apply <file>`")
    .option("--detailed-exitcode", "exit 0 with no changes, 2 with changes, 1 on error")
    .option("--debug", "on error, print the whole (redacted) error")
    .addHelpText("after", `\nExample:\n${FILE_EXAMPLE}\n`)
    .action(run(async () => (await import("./plan.js")).planCommand));

  program
    .command("apply")
    .description(
      "plan, show the plan, confirm, then make the targets match dbusers.yaml (or apply a saved plan)",
    )
    .argument(
      "[plan]",
      "a plan saved by `dbusers plan --out` (applied exactly, refused if a target changed since)",
    )
    .option("-f, --file <file>", "the desired-state file (dbusers.yaml)")
    .option("--prune", "also delete users the targets hold and the file does not list (never built-in ones)")
    .option("--rotate <user>", "give USER (a name, or TARGET/NAME) a new password, repeatable", collect)
    .option("--yes", "do not ask for confirmation (required when not on a terminal)")
    .option(
      "--secrets-out <file>",
      "write every new credential here as JSON (created with mode 0600; must not already hold data)",
    )
    .option("--json", "print the plan and the outcome of each step as JSON")
    .option("--debug", "on error, print the whole (redacted) error")
    .addHelpText(
      "after",
      "\nExample:\n  $ dbusers apply -f dbusers.yaml --secrets-out new-credentials.json\n  $ dbusers apply plan.json --yes --secrets-out new-credentials.json\n",
    )
    .action(run(async () => (await import("./apply.js")).applyCommand));
}
