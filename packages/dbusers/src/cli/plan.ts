/** `dbusers plan -f dbusers.yaml [--prune] [--json] [--out plan.json] [--detailed-exitcode]`. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DesiredStateError } from "../plan/errors.js";
import { hasChanges, hasConflicts } from "../plan/plan-types.js";
import { renderPlan } from "../plan/render.js";
import type { CliIo } from "./io.js";
import { type PlanFlags, planFromFile, reportInvalidFile } from "./plan-shared.js";
import { reportError } from "./report.js";

interface Flags extends PlanFlags {
  readonly out?: string;
  readonly detailedExitcode?: boolean;
  readonly debug?: boolean;
}

export async function planCommand(io: CliIo, flags: Flags): Promise<number> {
  let planned: Awaited<ReturnType<typeof planFromFile>>;
  try {
    planned = await planFromFile(io, flags);
  } catch (error) {
    if (error instanceof DesiredStateError) return reportInvalidFile(io, error);
    // Terraform's convention, which --detailed-exitcode users script against: any error is 1.
    return Math.min(1, await reportError(io, error, flags.debug === true));
  }
  const { plan, connections } = planned;
  await connections.close();
  const json = `${JSON.stringify(plan, null, 2)}\n`;
  if (flags.out !== undefined) {
    await writeFile(resolve(io.cwd, flags.out), json);
    io.writeErr(`dbusers: plan saved to ${flags.out}; apply it with \`dbusers apply ${flags.out}\`\n`);
  }
  io.writeOut(flags.json ? json : renderPlan(plan));
  if (plan.summary.failedTargets > 0 || hasConflicts(plan)) return 1;
  return flags.detailedExitcode && hasChanges(plan) ? 2 : 0;
}
