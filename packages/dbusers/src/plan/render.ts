/** The plan as text for people: per target, `+`, `~` (with fields), `-`, unmanaged users, a summary. */
import { stableJson, userKeyString } from "../spec.js";
import type { FieldDiff } from "./diff.js";
import type { Plan, PlannedChange, PlanSummary, TargetPlan } from "./plan-types.js";

const show = (value: unknown) => (value === null || value === undefined ? "(none)" : stableJson(value));

/**
 * A Rackspace user's databases change by grants and revokes of the difference (never by recreating
 * the user, docs/vendors/rackspace.md §3), so the plan says which.
 */
function fieldLine(field: FieldDiff): string {
  if (field.field === "databases" && Array.isArray(field.to)) {
    const from = new Set<unknown>(Array.isArray(field.from) ? field.from : []);
    const to = new Set<unknown>(field.to);
    const grant = [...to].filter((d) => !from.has(d));
    const revoke = [...from].filter((d) => !to.has(d));
    const parts = [
      ...(grant.length > 0 ? [`grant ${grant.map(String).join(", ")}`] : []),
      ...(revoke.length > 0 ? [`revoke ${revoke.map(String).join(", ")}`] : []),
    ];
    return `      databases: ${parts.join("; ")}`;
  }
  return `      ${field.field}: ${show(field.from)} → ${show(field.to)}`;
}

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
      return [`  ~ ${who}`, ...change.fields.map(fieldLine)];
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
  const conflicts =
    summary.conflicts > 0
      ? `; ${summary.conflicts} conflict${summary.conflicts === 1 ? "" : "s"} no vendor call can resolve`
      : "";
  return `Plan: ${parts.join(", ")}${unmanaged}${failed}${conflicts}.`;
}

export function renderPlan(plan: Plan): string {
  const lines: string[] = [];
  for (const target of plan.targets) {
    lines.push(`${target.name} (${target.target})`);
    if (target.error !== undefined) {
      lines.push(`  ! could not be read: ${target.error}`);
      continue;
    }
    if (target.changes.length === 0 && target.conflicts === undefined) lines.push("  no changes");
    for (const change of target.changes) lines.push(...changeLines(target, change));
    for (const conflict of target.conflicts ?? []) lines.push(`  ! ${conflict.message}`);
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
