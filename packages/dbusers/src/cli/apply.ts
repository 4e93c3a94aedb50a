/**
 * `dbusers apply -f dbusers.yaml` (plan, show, confirm, apply) and `dbusers apply plan.json` (apply
 * a saved plan exactly, refused if a target changed since). Each step's outcome goes to stdout;
 * new credentials only to `--secrets-out`; a progress line to stderr on a terminal.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type ApplyResult, applyPlan, makesCredentials, type StepOutcome } from "../plan/apply.js";
import { type Connections, createConnections } from "../plan/connect.js";
import { DesiredStateError } from "../plan/errors.js";
import { readPlan } from "../plan/plan-json.js";
import { hasChanges, hasConflicts, type Plan, type PlannedChange } from "../plan/plan-types.js";
import { renderPlan } from "../plan/render.js";
import { userKeyString } from "../spec.js";
import { type CredentialsFile, openCredentialsFile } from "./apply-secrets.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";
import { nodeFetch } from "./node-fetch.js";
import { type PlanFlags, planFromFile, reportInvalidFile } from "./plan-shared.js";
import { reportError } from "./report.js";

interface Flags extends PlanFlags {
  readonly yes?: boolean;
  readonly secretsOut?: string;
  readonly debug?: boolean;
}

const SIGN: Record<PlannedChange["action"], string> = { create: "+", update: "~", rotate: "~", delete: "-" };

function describeStep(
  vendor: Plan["targets"][number]["connection"]["vendor"],
  target: string,
  change: PlannedChange,
): string {
  const what = change.action === "rotate" ? " (new password)" : "";
  return `${SIGN[change.action]} ${target}: ${userKeyString(vendor, change.user)}${what}`;
}

async function loadSaved(io: CliIo, file: string): Promise<{ plan: Plan; connections: Connections }> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the plan ${file} (${(error as { code?: string }).code ?? "error"})`);
  }
  const plan = readPlan(text);
  return { plan, connections: createConnections(plan.baseDir, { env: io.env, fetch: nodeFetch }) };
}

async function confirmed(io: CliIo, flags: Flags): Promise<boolean> {
  if (flags.yes) return true;
  if (io.confirm === undefined)
    throw new UsageError("apply changes targets: pass --yes when not on a terminal");
  return io.confirm("Apply these changes?");
}

function report(io: CliIo, plan: Plan, result: ApplyResult, json: boolean): void {
  if (json) {
    io.writeOut(
      `${JSON.stringify({ plan, result: { ok: result.ok, outcomes: result.outcomes, targetErrors: result.targetErrors } }, null, 2)}\n`,
    );
    return;
  }
  const vendorOf = new Map(plan.targets.map((t) => [t.name, t.connection.vendor]));
  for (const o of result.outcomes) {
    const line = describeStep(vendorOf.get(o.target) ?? "digitalocean", o.target, o.change);
    io.writeOut(
      `${line}: ${o.status === "done" ? "done" : `FAILED: ${o.error}`}${o.note ? ` (${o.note})` : ""}\n`,
    );
  }
  for (const t of result.targetErrors) io.writeOut(`! ${t.target}: FAILED: ${t.error}\n`);
  for (const t of plan.targets) {
    for (const c of t.conflicts ?? []) io.writeOut(`! ${t.name}: NOT DONE: ${c.message}\n`);
  }
  const done = result.outcomes.filter((o) => o.status === "done").length;
  const failed = result.outcomes.length - done;
  io.writeOut(
    `Apply: ${done} done, ${failed} failed${result.targetErrors.length > 0 ? `, ${result.targetErrors.length} target(s) unreachable` : ""}.\n`,
  );
}

export async function applyCommand(io: CliIo, saved: string | undefined, flags: Flags): Promise<number> {
  if (saved !== undefined && flags.file !== undefined)
    throw new UsageError("give either a saved plan or -f FILE, not both");
  let plan: Plan;
  let connections: Connections;
  try {
    ({ plan, connections } =
      saved !== undefined ? await loadSaved(io, saved) : await planFromFile(io, flags));
  } catch (error) {
    if (error instanceof DesiredStateError) return reportInvalidFile(io, error);
    return Math.min(1, await reportError(io, error, flags.debug === true));
  }
  let secrets: CredentialsFile | undefined;
  try {
    if (!flags.json) io.writeOut(renderPlan(plan));
    if (!hasChanges(plan)) {
      if (flags.json)
        report(
          io,
          plan,
          { outcomes: [], targetErrors: [], ok: plan.summary.failedTargets === 0 && !hasConflicts(plan) },
          true,
        );
      return plan.summary.failedTargets > 0 || hasConflicts(plan) ? 1 : 0;
    }
    const needsSecrets = plan.targets.some((t) =>
      t.changes.some((c) => makesCredentials(c, t.connection.vendor)),
    );
    if (needsSecrets && flags.secretsOut === undefined) {
      throw new UsageError(
        "--secrets-out FILE is required: this apply makes new credentials, written there and shown nowhere else",
      );
    }
    if (flags.secretsOut !== undefined) secrets = await openCredentialsFile(io, flags.secretsOut);
    if (!(await confirmed(io, flags))) {
      io.writeErr("dbusers: apply cancelled; nothing was changed\n");
      return 1;
    }
    const total = plan.targets.reduce((n, t) => n + t.changes.length, 0);
    let finished = 0;
    const progress = io.confirm !== undefined && !flags.json;
    const file = secrets;
    const result = await applyPlan(plan, connections, {
      checkDrift: saved !== undefined,
      ...(file ? { onCredentials: (c) => file.add(c) } : {}),
      onStep: (event) => {
        if (!progress) return;
        if (event.phase === "end") finished++;
        const vendor = plan.targets.find((t) => t.name === event.target)?.connection.vendor ?? "digitalocean";
        io.writeErr(`\r\u001b[2K[${finished}/${total}] ${describeStep(vendor, event.target, event.change)}`);
        if (finished === total && event.phase === "end") io.writeErr("\n");
      },
    });
    report(io, plan, result, flags.json === true);
    if (secrets !== undefined && secrets.count > 0) {
      io.writeErr(
        `dbusers: ${secrets.count} new credential${secrets.count === 1 ? "" : "s"} written to ${secrets.path} (mode 0600)\n`,
      );
    }
    return result.ok ? 0 : 1;
  } catch (error) {
    return Math.min(1, await reportError(io, error, flags.debug === true));
  } finally {
    await secrets?.close();
    await connections.close();
  }
}

export type { StepOutcome };
