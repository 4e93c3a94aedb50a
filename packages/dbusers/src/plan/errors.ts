/** The errors of plan/apply, each a `DbUsersError` with a stable `code`. */
import { DbUsersError } from "@dbusers/core";

/** One problem in a desired-state file, with where it is. */
export interface FileIssue {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Where in the document: `users[2].name`, `targets.app-pg.cluster`. */
  readonly path: string;
  /** A stable id: a `@dbusers/rules` rule id, or `dbusers.file.*` for the file's own shape. */
  readonly rule: string;
  readonly message: string;
}

/** A desired-state file that cannot be used: every problem is listed, and nothing was sent. */
export class DesiredStateError extends DbUsersError {
  override name = "DesiredStateError";
  declare readonly issues: readonly FileIssue[];

  constructor(issues: readonly FileIssue[]) {
    const first = issues[0];
    super(
      "INVALID_DESIRED_STATE",
      `${issues.length} problem${issues.length === 1 ? "" : "s"} in ${first?.file ?? "the desired state"}; nothing was sent${first ? ` (first: ${formatIssue(first)})` : ""}`,
    );
    this.issues = issues;
  }
}

/** `file:line:column: path: message (rule)`, the form editors and CI logs link. */
export function formatIssue(issue: FileIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.path === "" ? "" : `${issue.path}: `}${issue.message} (${issue.rule})`;
}

/** A saved plan whose targets changed since it was made: applying it would act on a stale picture. */
export class PlanDriftError extends DbUsersError {
  override name = "PlanDriftError";
  declare readonly targets: readonly string[];

  constructor(targets: readonly string[]) {
    super(
      "PLAN_STALE",
      `the saved plan is stale: ${targets.join(", ")} changed since it was made; nothing was applied. Run plan again.`,
    );
    this.targets = targets;
  }
}

/** A saved plan file that is not a plan this version can apply. */
export class InvalidPlanError extends DbUsersError {
  override name = "InvalidPlanError";

  constructor(reason: string) {
    super("INVALID_PLAN", `not a dbusers plan: ${reason}`);
  }
}
