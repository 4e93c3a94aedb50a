/**
 * Every `@dbusers/rules` rule (strict profile) for a desired user on one target, before anything is
 * sent. Each vendor entry builds the request body its client would send for a create and says
 * where each body field sits in the file, so a violation points at the line that caused it. The
 * table is keyed by the vendors this build offers: a vendor added to the facade fails the
 * typecheck here until its rules are wired in.
 */
import { type Violation, validateRequest } from "@dbusers/rules";
import type { UserSpec } from "../model.js";
import type { TargetRef } from "../target-ref.js";
import type { AvailableVendor } from "../vendors/registry.js";
import type { DocPath } from "./positions.js";

/** A violation with the place in the user's entry (`["settings", "acl", 0]`) it belongs to. */
export interface PlacedViolation extends Violation {
  readonly at: DocPath;
}

type Checker = (spec: UserSpec, target: TargetRef) => PlacedViolation[];

/** `settings.acl[0].topic` → `["settings", "acl", 0, "topic"]`. */
export function splitPath(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    steps.push(part.startsWith("[") ? Number(part.slice(1, -1)) : part);
  }
  return steps;
}

const CHECKERS: { readonly [V in AvailableVendor]: Checker } = {
  digitalocean(spec, target) {
    const body = {
      name: spec.name,
      ...(spec.settings === undefined ? {} : { settings: spec.settings }),
      ...(spec.mysqlAuthPlugin === undefined
        ? {}
        : { mysql_settings: { auth_plugin: spec.mysqlAuthPlugin } }),
    };
    const context =
      target.engine === undefined
        ? { profile: "strict" as const }
        : { profile: "strict" as const, engine: target.engine };
    return validateRequest("digitalocean", "addUser", body, context).map((v) => {
      const steps = splitPath(v.path);
      // mysql_settings.auth_plugin is the file's `mysqlAuthPlugin`.
      const at = steps[0] === "mysql_settings" ? ["mysqlAuthPlugin"] : steps;
      return { ...v, at };
    });
  },
};

/** The violations of `spec` on `target`; empty when every rule passes. */
export function checkUserRules(
  vendor: AvailableVendor,
  spec: UserSpec,
  target: TargetRef,
): PlacedViolation[] {
  return CHECKERS[vendor](spec, target);
}
