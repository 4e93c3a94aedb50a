/**
 * `createPlan`: read every target (concurrently), compare with the desired state, and list the
 * smallest set of changes per target. Built-in users are never planned; users the file does not
 * list are unmanaged and left alone unless `prune` is set.
 */
import { createHash } from "node:crypto";
import type { DbUser, UserKey, UserSpec } from "../model.js";
import { specOf, stableJson, userKeyString } from "../spec.js";
import type { Target } from "../target.js";
import { formatTarget } from "../target-ref.js";
import type { Connections } from "./connect.js";
import { diffUser } from "./diff.js";
import { hasPassword, resolvedSpec } from "./identity.js";
import {
  PLAN_FORMAT,
  PLAN_VERSION,
  type Plan,
  type PlanConflict,
  type PlannedChange,
  type PlanSummary,
  type TargetPlan,
} from "./plan-types.js";
import type { DesiredState, DesiredTarget, DesiredUser } from "./types.js";

export interface PlanOptions {
  /** Delete users the target holds that the file does not list (never built-in ones). */
  readonly prune?: boolean;
  /** Users (by name, or `target/name`) to give a new password. */
  readonly rotate?: readonly string[];
}

export function keyOf(user: UserKey): UserKey {
  return {
    name: user.name,
    ...(user.host === undefined ? {} : { host: user.host }),
    ...(user.authDatabase === undefined ? {} : { authDatabase: user.authDatabase }),
  };
}

/** A hash of what a target holds (keys, fields, built-in flags; never `vendorData`). */
export function fingerprint(target: Target, users: readonly DbUser[]): string {
  const rows = users
    .map((u) => stableJson([userKeyString(target.ref.vendor, u), u.builtIn, specOf(u)]))
    .sort();
  return createHash("sha256").update(rows.join("\n")).digest("hex");
}

function rotateRequested(user: DesiredUser, targetName: string, rotate: ReadonlySet<string>): boolean {
  return user.rotate || rotate.has(user.spec.name) || rotate.has(`${targetName}/${user.spec.name}`);
}

/** The changes that take `actual` to `desired` on one target. */
export function planTarget(
  desiredTarget: DesiredTarget,
  target: Target,
  desired: readonly DesiredUser[],
  actual: readonly DbUser[],
  options: { prune: boolean; rotate: ReadonlySet<string> },
): Pick<TargetPlan, "changes" | "unmanaged" | "conflicts"> {
  const vendor = target.ref.vendor;
  const held = new Map(actual.map((u) => [userKeyString(vendor, u), u]));
  const wanted = new Set<string>();
  const changes: PlannedChange[] = [];
  const conflicts: PlanConflict[] = [];
  for (const user of desired) {
    const spec = resolvedSpec(vendor, user.spec);
    const id = userKeyString(vendor, spec);
    wanted.add(id);
    const have = held.get(id);
    if (have === undefined) {
      changes.push({ action: "create", user: spec });
      continue;
    }
    const fields = diffUser(spec, specOf(have));
    const authType = fields.find((f) => f.field === "authType");
    if (authType !== undefined) {
      conflicts.push({
        user: keyOf(have),
        field: "authType",
        message: `${userKeyString(vendor, have)} authenticates with ${String(authType.from)}, the file says ${String(authType.to)}; ${target.capabilities.displayName} cannot change that in place: give the new user another name, or delete the old one first`,
      });
      continue;
    }
    const plugin = fields.find((f) => f.field === "mysqlAuthPlugin");
    const inPlace = fields.filter((f) => f.field !== "mysqlAuthPlugin");
    if (inPlace.length > 0) changes.push({ action: "update", user: keyOf(have), fields: inPlace });
    if (plugin !== undefined) {
      changes.push({
        action: "rotate",
        user: keyOf(have),
        reason: "mysqlAuthPlugin",
        mysqlAuthPlugin: plugin.to as UserSpec["mysqlAuthPlugin"],
      });
    } else if (hasPassword(vendor, have) && rotateRequested(user, desiredTarget.name, options.rotate)) {
      changes.push({ action: "rotate", user: keyOf(have), reason: "requested" });
    }
  }
  const unmanaged: TargetPlan["unmanaged"][number][] = [];
  for (const [id, user] of held) {
    if (wanted.has(id)) continue;
    if (options.prune && !user.builtIn) changes.push({ action: "delete", user: keyOf(user) });
    else unmanaged.push({ ...keyOf(user), builtIn: user.builtIn });
  }
  return conflicts.length === 0 ? { changes, unmanaged } : { changes, unmanaged, conflicts };
}

export function summarize(targets: readonly TargetPlan[]): PlanSummary {
  const count = (action: PlannedChange["action"]) =>
    targets.reduce((n, t) => n + t.changes.filter((c) => c.action === action).length, 0);
  return {
    create: count("create"),
    update: count("update"),
    rotate: count("rotate"),
    delete: count("delete"),
    unmanaged: targets.reduce((n, t) => n + t.unmanaged.filter((u) => !u.builtIn).length, 0),
    failedTargets: targets.filter((t) => t.error !== undefined).length,
    conflicts: targets.reduce((n, t) => n + (t.conflicts?.length ?? 0), 0),
  };
}

function usersFor(state: DesiredState, name: string): DesiredUser[] {
  return state.users.filter((u) => u.targets.includes(name));
}

/** Reads every target at once and plans each; a target that cannot be read carries its error. */
export async function createPlan(
  state: DesiredState,
  connections: Connections,
  options: PlanOptions = {},
): Promise<Plan> {
  const prune = options.prune === true;
  const rotate = new Set(options.rotate ?? []);
  const targets = await Promise.all(
    state.targets.map(async (desiredTarget): Promise<TargetPlan> => {
      const base = {
        name: desiredTarget.name,
        target: formatTarget(desiredTarget.ref),
        connection: desiredTarget.connection,
      };
      try {
        const target = await connections.target(desiredTarget.name, desiredTarget.connection);
        const actual = await target.listUsers();
        const planned = planTarget(desiredTarget, target, usersFor(state, desiredTarget.name), actual, {
          prune,
          rotate,
        });
        return { ...base, fingerprint: fingerprint(target, actual), ...planned };
      } catch (error) {
        return { ...base, fingerprint: "", changes: [], unmanaged: [], error: messageOf(error) };
      }
    }),
  );
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    source: state.file,
    baseDir: state.baseDir,
    prune,
    targets,
    summary: summarize(targets),
  };
}

/** An error as one line; our errors never hold a secret in their message. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && "code" in error) return error.message.replace(/\s*\n\s*/g, " ");
  return error instanceof Error ? `unexpected ${error.name}` : "unexpected error";
}
