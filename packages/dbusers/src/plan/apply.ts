/**
 * `applyPlan`: carry out a plan. Targets run in parallel; within a target, one write at a time
 * (vendors such as DigitalOcean and Trove refuse or queue concurrent writes to one cluster or
 * instance). A failed step is reported and the target's other steps still run; a write whose
 * answer was lost is checked by reading before it is tried again, so a create is never doubled.
 * New credentials go to `onCredentials` as soon as they exist, and nowhere else.
 */
import { Secret } from "@dbusers/core";
import { generatePassword } from "@dbusers/rules";
import type { CallOptions, Credentials, UserSpec, VendorName } from "../model.js";
import type { Target } from "../target.js";
import type { Connections } from "./connect.js";
import { PlanDriftError } from "./errors.js";
import { hasPassword } from "./identity.js";
import { fingerprint, messageOf } from "./plan.js";
import { hasConflicts, type Plan, type PlannedChange, type TargetPlan } from "./plan-types.js";
import { steps as runSteps, type StepRunner } from "./steps.js";

export type StepStatus = "done" | "failed";

export interface StepOutcome {
  /** The target's name in the file. */
  readonly target: string;
  readonly change: PlannedChange;
  readonly status: StepStatus;
  /** What happened beyond the plain result (an answer lost and recovered, a retry). */
  readonly note?: string;
  /** Why it failed (one line, never a secret). */
  readonly error?: string;
}

export interface ApplyOptions {
  /** Where new credentials go (a `--secrets-out` file). Required when the plan makes any. */
  readonly onCredentials?: (credentials: Credentials) => Promise<void>;
  /** Called before and after each step (progress display). */
  readonly onStep?: (event: {
    readonly phase: "start" | "end";
    readonly target: string;
    readonly change: PlannedChange;
    readonly outcome?: StepOutcome;
  }) => void;
  /** Re-read every target first and refuse the whole plan if any changed since it was made (saved plans). */
  readonly checkDrift?: boolean;
  /** Attempts of a write whose answer was lost (each after a read). Default 3. */
  readonly attempts?: number;
  /**
   * How a write the vendor applies after accepting it (Rackspace's 202) is waited for: by default
   * until it is visible, polling as the vendor's client does, so a plan right after shows it.
   */
  readonly wait?: CallOptions["wait"];
}

export interface ApplyResult {
  readonly outcomes: readonly StepOutcome[];
  /** Targets that could not be read or reached at all. */
  readonly targetErrors: readonly { readonly target: string; readonly error: string }[];
  readonly ok: boolean;
}

/**
 * Whether the change makes a credential (a new user or a new password). Given the vendor, a new
 * Atlas user that authenticates otherwise than by password (AWS IAM, X.509, LDAP, OIDC) makes none.
 */
export function makesCredentials(change: PlannedChange, vendor?: VendorName): boolean {
  if (change.action === "rotate") return true;
  return change.action === "create" && (vendor === undefined || hasPassword(vendor, change.user));
}

async function checkDrift(plan: Plan, connections: Connections): Promise<void> {
  const stale: string[] = [];
  await Promise.all(
    plan.targets.map(async (t) => {
      if (t.error !== undefined) return;
      const target = await connections.target(t.name, t.connection);
      if (fingerprint(target, await target.listUsers()) !== t.fingerprint) stale.push(t.name);
    }),
  );
  if (stale.length > 0) throw new PlanDriftError(stale.sort());
}

export async function applyPlan(
  plan: Plan,
  connections: Connections,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  if (options.checkDrift) await checkDrift(plan, connections);
  const onCredentials = options.onCredentials;
  // A user without a password (an Atlas AWS IAM or X.509 user) has no credential to hand over.
  const deliver = async (c: Credentials) => {
    if (c.password === undefined && c.accessKey === undefined && c.accessCert === undefined) return;
    await onCredentials?.(c);
  };
  const outcomes: StepOutcome[] = [];
  const targetErrors: { target: string; error: string }[] = [];
  await Promise.all(
    plan.targets.map(async (targetPlan) => {
      if (targetPlan.error !== undefined) {
        targetErrors.push({ target: targetPlan.name, error: targetPlan.error });
        return;
      }
      if (targetPlan.changes.length === 0) return;
      let target: Target;
      try {
        target = await connections.target(targetPlan.name, targetPlan.connection);
      } catch (error) {
        targetErrors.push({ target: targetPlan.name, error: messageOf(error) });
        return;
      }
      const run = runSteps(target, {
        attempts: options.attempts ?? 3,
        deliver,
        password: passwordFor(target),
        ...(options.wait === undefined ? {} : { wait: options.wait }),
      });
      for (const change of targetPlan.changes) {
        options.onStep?.({ phase: "start", target: targetPlan.name, change });
        const outcome = await runOne(run, targetPlan, change);
        outcomes.push(outcome);
        options.onStep?.({ phase: "end", target: targetPlan.name, change, outcome });
      }
    }),
  );
  return {
    outcomes,
    targetErrors,
    ok: targetErrors.length === 0 && !hasConflicts(plan) && outcomes.every((o) => o.status === "done"),
  };
}

async function runOne(run: StepRunner, targetPlan: TargetPlan, change: PlannedChange): Promise<StepOutcome> {
  try {
    const note = await run(change);
    return { target: targetPlan.name, change, status: "done", ...(note ? { note } : {}) };
  } catch (error) {
    return { target: targetPlan.name, change, status: "failed", error: messageOf(error) };
  }
}

/**
 * For vendors where the caller chooses passwords, one that passes the vendor's rules, made before
 * the request so it is known even when the answer is lost; none for a user that has no password.
 */
function passwordFor(target: Target): ((spec: UserSpec) => Secret | undefined) | undefined {
  if (target.capabilities.passwords !== "caller") return undefined;
  const vendor = target.ref.vendor;
  return (spec) => (hasPassword(vendor, spec) ? new Secret(generatePassword(vendor)) : undefined);
}
