/**
 * What the file's shape cannot say: which vendor each target is and whether this build offers it,
 * whether its credentials can be found, and for each user on each of its targets, whether the
 * vendor has every field it sets, whether it is a built-in user, whether it is listed twice, and
 * every rule of `@dbusers/rules` for that vendor (and engine).
 */
import type { Env } from "../cli/config.js";
import type { UserSpec } from "../model.js";
import { userKeyString } from "../spec.js";
import type { TargetRef } from "../target-ref.js";
import { isAvailableVendor, VENDORS } from "../vendors/registry.js";
import {
  CREDENTIAL_VARIABLES,
  describeRef,
  readRef,
  SETTING_VARIABLES,
  targetOptions,
} from "./credentials.js";
import { hasPassword, resolvedSpec } from "./identity.js";
import { checkLogin } from "./login-check.js";
import type { DocPath } from "./positions.js";
import { checkUserRules } from "./rules-check.js";
import type { CredentialRef, DesiredTarget, DesiredUser, TargetConnection } from "./types.js";

/** The file as the schema accepted it. */
export interface RawFile {
  readonly targets: Record<string, Record<string, unknown> & { vendor: TargetRef["vendor"] }>;
  readonly users: (Record<string, unknown> & { name: string; targets: string[]; rotate?: boolean })[];
}

export interface SemanticIssue {
  readonly at: DocPath;
  readonly atKey?: boolean;
  readonly rule: string;
  readonly message: string;
}

const ID_FIELD = { digitalocean: "cluster", atlas: "project", rackspace: "instance" } as const;
const NOT_SPEC = new Set(["targets", "rotate"]);

export interface Checked {
  readonly issues: SemanticIssue[];
  readonly targets: DesiredTarget[];
  readonly users: DesiredUser[];
}

async function checkTarget(
  name: string,
  raw: RawFile["targets"][string],
  context: { env: Env; baseDir: string },
  issues: SemanticIssue[],
): Promise<DesiredTarget | undefined> {
  const vendor = raw.vendor;
  const credentials: Record<string, CredentialRef> = {};
  for (const key of Object.keys(CREDENTIAL_VARIABLES[vendor])) {
    if (raw[key] !== undefined) credentials[key] = raw[key] as CredentialRef;
  }
  const settings: Record<string, string> = {};
  for (const key of Object.keys(SETTING_VARIABLES[vendor])) {
    if (raw[key] !== undefined) settings[key] = String(raw[key]);
  }
  const connection: TargetConnection = {
    vendor,
    id: String(raw[ID_FIELD[vendor]]),
    ...(raw.engine === undefined ? {} : { engine: raw.engine as TargetRef["engine"] }),
    ...(raw.region === undefined ? {} : { region: String(raw.region) }),
    ...(raw.baseUrl === undefined ? {} : { baseUrl: String(raw.baseUrl) }),
    credentials,
    ...(Object.keys(settings).length === 0 ? {} : { settings }),
  };
  const login = checkLogin(vendor, new Set([...Object.keys(credentials), ...Object.keys(settings)]));
  for (const problem of login) {
    issues.push({
      at: problem.key === undefined ? ["targets", name] : ["targets", name, problem.key],
      ...(problem.key === undefined ? {} : { atKey: true }),
      rule: "dbusers.target.login",
      message: problem.message,
    });
  }
  if (!isAvailableVendor(vendor)) {
    issues.push({
      at: ["targets", name, "vendor"],
      rule: "dbusers.target.vendorUnavailable",
      message: `this version of dbusers has no adapter for ${vendor}`,
    });
    return undefined;
  }
  let readable = login.length === 0;
  for (const [key, ref] of Object.entries(credentials)) {
    if ((await readRef(ref, context.env, context.baseDir)) === undefined) {
      readable = false;
      issues.push({
        at: ["targets", name, key],
        rule: "dbusers.target.credential",
        message: `${key}: ${describeRef(ref)} is not set or empty`,
      });
    }
  }
  if (readable) {
    try {
      await targetOptions(vendor, connection, context.env, context.baseDir);
    } catch (error) {
      issues.push({
        at: ["targets", name],
        rule: "dbusers.target.credentials",
        message: error instanceof Error ? error.message : "no credentials",
      });
    }
  }
  const ref: TargetRef =
    connection.engine === undefined
      ? { vendor, id: connection.id }
      : { vendor, id: connection.id, engine: connection.engine };
  return { name, ref, connection };
}

function specOfRaw(raw: RawFile["users"][number]): UserSpec {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!NOT_SPEC.has(key)) spec[key] = value;
  return spec as unknown as UserSpec;
}

export async function checkSemantics(
  file: RawFile,
  context: { env: Env; baseDir: string },
): Promise<Checked> {
  const issues: SemanticIssue[] = [];
  const targets = new Map<string, DesiredTarget>();
  const known = new Set(Object.keys(file.targets));
  for (const [name, raw] of Object.entries(file.targets)) {
    const target = await checkTarget(name, raw, context, issues);
    if (target) targets.set(name, target);
  }

  const users: DesiredUser[] = [];
  const seen = new Map<string, number>();
  file.users.forEach((raw, index) => {
    const spec = specOfRaw(raw);
    raw.targets.forEach((targetName, t) => {
      if (!known.has(targetName)) {
        issues.push({
          at: ["users", index, "targets", t],
          rule: "dbusers.user.unknownTarget",
          message: `no target named ${JSON.stringify(targetName)} in targets (known: ${[...known].join(", ")})`,
        });
        return;
      }
      const target = targets.get(targetName);
      if (target === undefined || !isAvailableVendor(target.ref.vendor)) return;
      const descriptor = VENDORS[target.ref.vendor];
      const allowed = new Set<string>(descriptor.capabilities.fields);
      let fieldsOk = true;
      for (const field of Object.keys(spec)) {
        if (field === "name" || allowed.has(field)) continue;
        fieldsOk = false;
        issues.push({
          at: ["users", index, field],
          atKey: true,
          rule: "dbusers.user.unsupportedField",
          message: `${descriptor.capabilities.displayName} users have no ${field} (target ${targetName})`,
        });
      }
      if (descriptor.isBuiltIn(target.ref, spec)) {
        issues.push({
          at: ["users", index, "name"],
          rule: "dbusers.user.builtIn",
          message: `${JSON.stringify(spec.name)} is a built-in ${descriptor.capabilities.displayName} user on ${targetName}; dbusers never manages built-in users`,
        });
      }
      const identity = userKeyString(target.ref.vendor, resolvedSpec(target.ref.vendor, spec));
      const key = `${targetName}\u0000${identity}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          at: ["users", index, "name"],
          rule: "dbusers.user.duplicate",
          message: `users[${first}] already declares ${JSON.stringify(identity)} on ${targetName}`,
        });
      } else seen.set(key, index);
      if (raw.rotate === true && fieldsOk && !hasPassword(target.ref.vendor, spec)) {
        issues.push({
          at: ["users", index, "rotate"],
          atKey: true,
          rule: "dbusers.user.noPassword",
          message: `a ${spec.authType ?? ""} user has no password to rotate: ${descriptor.capabilities.displayName} authenticates it elsewhere (target ${targetName})`,
        });
      }
      if (fieldsOk) {
        for (const v of checkUserRules(target.ref.vendor, spec, target.ref)) {
          issues.push({
            at: ["users", index, ...v.at],
            rule: v.rule,
            message: `${v.message} (target ${targetName})`,
          });
        }
      }
    });
    users.push({ spec, targets: raw.targets, rotate: raw.rotate === true });
  });
  return { issues, targets: [...targets.values()], users };
}
