/** Plan/apply of a desired state: the public surface (re-exported from the package root). */
export {
  type ApplyOptions,
  type ApplyResult,
  applyPlan,
  makesCredentials,
  type StepOutcome,
  type StepStatus,
} from "./apply.js";
export { type Connections, type ConnectOptions, createConnections } from "./connect.js";
export { CREDENTIAL_VARIABLES } from "./credentials.js";
export { covers, diffUser, type FieldDiff } from "./diff.js";
export {
  DesiredStateError,
  type FileIssue,
  formatIssue,
  InvalidPlanError,
  PlanDriftError,
} from "./errors.js";
export { DESIRED_STATE_SCHEMA } from "./file-schema.js";
export { type LoadOptions, loadDesiredState, parseDesiredState } from "./load.js";
export { createPacer, type Pacer, type PacerOptions, type PacerStats } from "./pacer.js";
export { createPlan, type PlanOptions } from "./plan.js";
export { readPlan } from "./plan-json.js";
export {
  type ChangeAction,
  hasChanges,
  PLAN_FORMAT,
  PLAN_VERSION,
  type Plan,
  type PlannedChange,
  type PlanSummary,
  type TargetPlan,
  type UnmanagedUser,
} from "./plan-types.js";
export { renderPlan, summaryLine } from "./render.js";
export type { CredentialRef, DesiredState, DesiredTarget, DesiredUser, TargetConnection } from "./types.js";
