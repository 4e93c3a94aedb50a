/**
 * The plan: what `dbusers plan --json` prints and `--out` saves, and what `dbusers apply plan.json`
 * applies. Its shape is stable within `version: 1`; README "Plan format" documents it. A plan holds
 * no secret: credentials appear only as references (`{ env: NAME }`), passwords never.
 */
import type { UserKey, UserSpec } from "../model.js";
import type { FieldDiff } from "./diff.js";
import type { TargetConnection } from "./types.js";

export const PLAN_FORMAT = "dbusers-plan";
export const PLAN_VERSION = 1;

export type PlannedChange =
  /** A new user; its password comes from the vendor (DigitalOcean) or is generated at apply time. */
  | { readonly action: "create"; readonly user: UserSpec }
  /** Fields to change in place (never a delete and create). */
  | { readonly action: "update"; readonly user: UserKey; readonly fields: readonly FieldDiff[] }
  /**
   * A new password: asked for (`--rotate`, `rotate: true`), or needed because the vendor changes a
   * MySQL auth plugin only together with a new password (DigitalOcean).
   */
  | {
      readonly action: "rotate";
      readonly user: UserKey;
      readonly reason: "requested" | "mysqlAuthPlugin";
      readonly mysqlAuthPlugin?: UserSpec["mysqlAuthPlugin"];
    }
  /** Only with `--prune`: a user the target holds and the file does not list. */
  | { readonly action: "delete"; readonly user: UserKey };

export type ChangeAction = PlannedChange["action"];

export interface UnmanagedUser extends UserKey {
  /** Made and managed by the vendor (`doadmin`, `root`): never planned for change. */
  readonly builtIn: boolean;
}

/**
 * A difference no vendor call can make: Atlas cannot change how a user authenticates (its auth type)
 * in place (docs/vendors/atlas.md §7). Planned as nothing; the plan and apply fail on it, so it is
 * resolved in the file (another name) or by hand, never by silently replacing the user.
 */
export interface PlanConflict {
  readonly user: UserKey;
  readonly field: FieldDiff["field"];
  readonly message: string;
}

export interface TargetPlan {
  /** The target's name in the file. */
  readonly name: string;
  /** `vendor:id`. */
  readonly target: string;
  readonly connection: TargetConnection;
  /** A hash of every user the target held when planned (no secrets); a saved plan is refused when it changed. */
  readonly fingerprint: string;
  readonly changes: readonly PlannedChange[];
  /** Users the target holds that the file does not list: left alone. */
  readonly unmanaged: readonly UnmanagedUser[];
  /** Differences no vendor call can make (absent when there are none). */
  readonly conflicts?: readonly PlanConflict[];
  /** The target could not be read; it has no changes. */
  readonly error?: string;
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly rotate: number;
  readonly delete: number;
  readonly unmanaged: number;
  readonly failedTargets: number;
  /** Users whose difference no vendor call can make (see `PlanConflict`). */
  readonly conflicts: number;
}

export interface Plan {
  readonly format: typeof PLAN_FORMAT;
  readonly version: typeof PLAN_VERSION;
  /** The desired-state file it was made from. */
  readonly source: string;
  /** Folder `{ file: … }` credential references are read from. */
  readonly baseDir: string;
  readonly prune: boolean;
  readonly targets: readonly TargetPlan[];
  readonly summary: PlanSummary;
}

/** True when applying the plan would send nothing. */
export function hasChanges(plan: Plan): boolean {
  return plan.targets.some((t) => t.changes.length > 0);
}

/** True when some difference cannot be made by any vendor call (the plan is then an error). */
export function hasConflicts(plan: Plan): boolean {
  return plan.targets.some((t) => (t.conflicts?.length ?? 0) > 0);
}
