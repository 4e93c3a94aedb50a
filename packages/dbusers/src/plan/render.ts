/** The plan as text for people: per target, `+`, `~` (with fields), `-`, unmanaged users, a summary. */
import { stableJson, userKeyString } from "../spec.js";
import type { Plan, PlannedChange, PlanSummary, TargetPlan } from "./plan-types.js";

const show = (value: unknown) => (value === null || value === undefined ? "(none)" : stableJson(value));

function changeLines(target: TargetPlan, change: PlannedChange): string[] {
  const who = userKeyString(target.connection.vendor, change.user);
  switch (change.action) {
    case "create":
      return [`  + ${who}`];
    case "delete":
      return [`  - ${who}`];
    case "rotate":
      return change.reason === "requested"
        ? [`  ~ ${who}`, "      password: new password (rotate)"]
        : [
            `  ~ ${who}`,
            `      mysqlAuthPlugin: ${show(change.mysqlAuthPlugin)} (the vendor sets it with a new password)`,
          ];
    case "update":
      return [`  ~ ${who}`, ...change.fields.map((f) => `      ${f.field}: ${show(f.from)} → ${show(f.to)}`)];
  }
}

/** "3 to create, 1 to change, 0 to delete" (and rotations when there are any). */
export function summaryLine(summary: PlanSummary): string {
  const parts = [`${summary.create} to create`, `${summary.update} to change`, `${summary.delete} to delete`];
  if (summary.rotate > 0)
    parts.push(`${summary.rotate} password${summary.rotate === 1 ? "" : "s"} to rotate`);
  const unmanaged = summary.unmanaged > 0 ? `; ${summary.unmanaged} unmanaged left alone` : "";
  const failed =
    summary.failedTargets > 0
      ? `; ${summary.failedTargets} target${summary.failedTargets === 1 ? "" : "s"} could not be read`
      : "";
  return `Plan: ${parts.join(", ")}${unmanaged}${failed}.`;
}

export function renderPlan(plan: Plan): string {
  const lines: string[] = [];
  for (const target of plan.targets) {
    lines.push(`${target.name} (${target.target})`);
    if (target.error !== undefined) {
      lines.push(`  ! could not be read: ${target.error}`);
      continue;
    }
    if (target.changes.length === 0) lines.push("  no changes");
    for (const change of target.changes) lines.push(...changeLines(target, change));
    const vendor = target.connection.vendor;
    const unmanaged = target.unmanaged.filter((u) => !u.builtIn).map((u) => userKeyString(vendor, u));
    const builtIn = target.unmanaged.filter((u) => u.builtIn).map((u) => userKeyString(vendor, u));
    if (unmanaged.length > 0)
      lines.push(
        `  unmanaged (left alone${plan.prune ? "" : "; --prune deletes them"}): ${unmanaged.join(", ")}`,
      );
    if (builtIn.length > 0) lines.push(`  built-in (never changed): ${builtIn.join(", ")}`);
  }
  lines.push("", summaryLine(plan.summary));
  return `${lines.join("\n")}\n`;
}
