/**
 * Every `@dbusers/rules` rule (strict profile) for a desired user on one target, before anything is
 * sent. Each vendor entry builds the request body its client would send for a create and says
 * where each body field sits in the file, so a violation points at the line that caused it. The
 * table is keyed by the vendors this build offers: a vendor added to the facade fails the
 * typecheck here until its rules are wired in.
 */
import { generatePassword, type Violation, validateRequest } from "@dbusers/rules";
import type { UserSpec } from "../model.js";
import type { TargetRef } from "../target-ref.js";
import { createBody } from "../vendors/atlas/body.js";
import { newUser } from "../vendors/rackspace/body.js";
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

/** Atlas body fields under another name in the file (`roles[0].roleName` is `roles[0].role`). */
const ATLAS_FIELDS: Readonly<Record<string, string>> = {
  username: "name",
  databaseName: "authDatabase",
  roleName: "role",
  collectionName: "collection",
  awsIAMType: "authType",
  x509Type: "authType",
  ldapAuthType: "authType",
  oidcAuthType: "authType",
};

/** Atlas role entries say `databaseName` too; inside `roles[i]` it is the role's `database`. */
function atlasPlace(steps: readonly (string | number)[]): (string | number)[] {
  if (steps[0] === "roles" && steps[2] === "databaseName") return ["roles", steps[1]!, "database"];
  // The generated password and the target's groupId are not in the user's entry.
  if (steps[0] === "password" || steps[0] === "groupId") return [];
  return steps.map((step) => (typeof step === "string" ? (ATLAS_FIELDS[step] ?? step) : step));
}

/** Rackspace's `users[0].databases[1].name` is the entry's `databases[1]`. */
function rackspacePlace(steps: readonly (string | number)[]): (string | number)[] {
  const inUser = steps.slice(2);
  if (inUser[0] === "password") return [];
  return inUser[0] === "databases" ? inUser.slice(0, 2) : inUser;
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
  atlas(spec, target) {
    const authType = spec.authType ?? "SCRAM";
    // The body the adapter sends: a generated password for SCRAM users, the project from the target.
    const body = {
      ...createBody(spec),
      groupId: target.id,
      ...(authType === "SCRAM" ? { password: generatePassword("atlas") } : {}),
    };
    return validateRequest("atlas", "createUser", body, { profile: "strict", authType }).map((v) => ({
      ...v,
      at: atlasPlace(splitPath(v.path)),
    }));
  },
  rackspace(spec) {
    const body = { users: [newUser(spec, generatePassword("rackspace"))] };
    return validateRequest("rackspace", "createUsers", body, { profile: "strict" }).map((v) => ({
      ...v,
      at: rackspacePlace(splitPath(v.path)),
    }));
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
