/**
 * What the client fills in and checks before anything is sent, with `@dbusers/rules/atlas` in the
 * strict profile. Path parameters are not here: core checks them on every call, validation on or off.
 * Reads check only the project id and the auth database, so the rules entry is loaded on the first
 * write: a read-only process (the CLI's `users list`) never pays for it.
 */
import { type SecretValue, ValidationError, type Violation } from "@dbusers/core";

let loading: Promise<typeof import("./strict-rules.js")> | undefined;

const strictRules = () => (loading ??= import("./strict-rules.js"));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The create body as sent: `groupId` from the path and `databaseName` from the auth type when the
 * caller left them out, so nobody has to say the same thing twice (§7). Anything else is left as
 * given, for the rules to judge.
 */
export async function completeCreateBody(groupId: string, body: unknown): Promise<unknown> {
  if (!isRecord(body)) return body;
  const filled: Record<string, unknown> = { ...body };
  if (filled.groupId === undefined) filled.groupId = groupId;
  if (filled.databaseName === undefined) {
    const rules = await strictRules();
    filled.databaseName = rules.ATLAS_AUTH_DATABASE[rules.atlasAuthTypeOf(body)];
  }
  return filled;
}

const GROUP_ID = /^[a-f0-9]{24}$/;
const AUTH_DATABASES: readonly unknown[] = ["admin", "$external"];

export interface Check {
  readonly groupId: unknown;
  readonly databaseName?: unknown;
}

export interface WriteCheck extends Check {
  readonly operation: "createUser" | "updateUser";
  readonly body: unknown;
}

/** The broken rules of the path's project id and auth database. */
function pathViolations(check: Check): Violation[] {
  const violations: Violation[] = [];
  if (typeof check.groupId !== "string" || !GROUP_ID.test(check.groupId)) {
    violations.push({
      path: "groupId",
      rule: "atlas.groupId.pattern",
      message:
        "groupId must be the project's id: 24 lower-case hexadecimal digits such as 5f0c3a9b2d1e4f6a7b8c9d0e",
      params: { pattern: GROUP_ID.source },
    });
  }
  if ("databaseName" in check && !AUTH_DATABASES.includes(check.databaseName)) {
    violations.push({
      path: "databaseName",
      rule: "atlas.databaseName.enum",
      message: 'databaseName must be "admin" or "$external" (the user\'s authentication database)',
      params: { allowed: AUTH_DATABASES },
    });
  }
  return violations;
}

/** Throws `ValidationError` listing every broken rule of a read or delete; returns when it may be sent. */
export function assertValid(check: Check, secrets: readonly SecretValue[]): void {
  const violations = pathViolations(check);
  if (violations.length > 0) throw new ValidationError(violations, { secrets });
}

/** The same for a create or update, with the body's rules: every broken rule in one error. */
export async function assertValidWrite(check: WriteCheck, secrets: readonly SecretValue[]): Promise<void> {
  const { strict } = await strictRules();
  // A PATCH that names no auth type is judged as the rules' default (SCRAM): the client does not
  // know the stored user's type, and the server judges the rest.
  const violations = [...pathViolations(check), ...strict.validateRequest(check.operation, check.body)];
  if (violations.length > 0) throw new ValidationError(violations, { secrets });
}
