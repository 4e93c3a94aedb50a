/** What `plan` and `apply` share: loading the file (issues printed with positions) and planning. */
import { resolve } from "node:path";
import { type Connections, createConnections } from "../plan/connect.js";
import { type DesiredStateError, formatIssue } from "../plan/errors.js";
import { loadDesiredState } from "../plan/load.js";
import { createPlan } from "../plan/plan.js";
import type { Plan } from "../plan/plan-types.js";
import type { DesiredState } from "../plan/types.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";
import { nodeFetch } from "./node-fetch.js";

export interface PlanFlags {
  readonly file?: string;
  readonly prune?: boolean;
  readonly rotate?: string[];
  readonly json?: boolean;
}

/** Prints every problem of an invalid file as `file:line:column: path: message (rule)`; exit code 1. */
export function reportInvalidFile(io: CliIo, error: DesiredStateError): number {
  io.writeErr(
    `dbusers: ${error.issues.length} problem${error.issues.length === 1 ? "" : "s"} in the desired state; nothing was sent:\n`,
  );
  for (const issue of error.issues) io.writeErr(`  ${formatIssue(issue)}\n`);
  return 1;
}

function checkRotateNames(state: DesiredState, names: readonly string[]): void {
  for (const name of names) {
    const slash = name.indexOf("/");
    const [target, user] = slash < 0 ? [undefined, name] : [name.slice(0, slash), name.slice(slash + 1)];
    const found = state.users.some(
      (u) => u.spec.name === user && (target === undefined || u.targets.includes(target)),
    );
    if (!found) throw new UsageError(`--rotate ${name}: the file declares no such user`);
  }
}

export interface Planned {
  readonly state: DesiredState;
  readonly plan: Plan;
  readonly connections: Connections;
}

/** Loads and checks the file (nothing is sent unless all of it is valid), then reads every target. */
export async function planFromFile(io: CliIo, flags: PlanFlags): Promise<Planned> {
  if (flags.file === undefined) throw new UsageError("-f FILE is required (or a saved plan for apply)");
  const path = resolve(io.cwd, flags.file);
  const display = await loadDesiredState(path, { env: io.env, file: flags.file });
  checkRotateNames(display, flags.rotate ?? []);
  const connections = createConnections(display.baseDir, { env: io.env, fetch: nodeFetch });
  const plan = await createPlan(display, connections, {
    prune: flags.prune === true,
    rotate: flags.rotate ?? [],
  });
  return { state: display, plan, connections };
}
