/**
 * Access flags of `users create` and `users update`, spelled as each vendor's own CLI spells them,
 * into the common user model. The flags naming a user are in key-flags.ts.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ATLAS_AUTH_TYPES } from "@dbusers/rules/atlas/validate";
import type { AtlasAuthType, AtlasLabel, AtlasRole, AtlasScope, UserChanges, UserSpec } from "../model.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";
import { defined } from "./key-flags.js";

export interface AccessFlags {
  readonly role?: readonly string[];
  readonly authType?: string;
  readonly scope?: readonly string[];
  readonly label?: readonly string[];
  readonly description?: string;
  readonly deleteAfter?: string;
  readonly databases?: string;
  readonly pgAllowReplication?: boolean;
  readonly mysqlAuthPlugin?: string;
  readonly settings?: string;
}

const SCOPE_TYPES: readonly AtlasScope["type"][] = ["CLUSTER", "DATA_LAKE", "STREAM"];
const PLUGINS = ["mysql_native_password", "caching_sha2_password"] as const;

/** `readWrite@sales.orders` → role readWrite on sales, collection orders; no `@` means `admin`, as the Atlas CLI does. */
export function parseRole(text: string): AtlasRole {
  const at = text.lastIndexOf("@");
  const role = at < 0 ? text : text.slice(0, at);
  const place = at < 0 ? "admin" : text.slice(at + 1);
  const dot = place.indexOf(".");
  const database = dot < 0 ? place : place.slice(0, dot);
  const collection = dot < 0 ? undefined : place.slice(dot + 1);
  if (role === "" || database === "" || collection === "") {
    throw new UsageError(`--role must be ROLE@DATABASE[.COLLECTION], not ${JSON.stringify(text)}`);
  }
  return defined({ role, database, collection });
}

/** `cluster0` or `lake:DATA_LAKE`; the type defaults to CLUSTER and is upper-cased, as the Atlas CLI does. */
export function parseScope(text: string): AtlasScope {
  const colon = text.lastIndexOf(":");
  const name = colon < 0 ? text : text.slice(0, colon);
  const type = (colon < 0 ? "CLUSTER" : text.slice(colon + 1).toUpperCase()) as AtlasScope["type"];
  if (name === "" || !SCOPE_TYPES.includes(type)) {
    throw new UsageError(`--scope must be NAME[:${SCOPE_TYPES.join("|")}], not ${JSON.stringify(text)}`);
  }
  return { name, type };
}

export function parseLabel(text: string): AtlasLabel {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`--label must be KEY=VALUE, not ${JSON.stringify(text)}`);
  return { key: text.slice(0, eq), value: text.slice(eq + 1) };
}

async function settingsFrom(io: CliIo, flags: AccessFlags): Promise<UserSpec["settings"]> {
  let settings: Record<string, unknown> | undefined;
  if (flags.settings !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(resolve(io.cwd, flags.settings), "utf8"));
    } catch (error) {
      const why = error instanceof SyntaxError ? "it is not valid JSON" : "it cannot be read";
      throw new UsageError(`--settings ${flags.settings}: ${why}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new UsageError(`--settings ${flags.settings}: expected a JSON object of engine settings`);
    }
    settings = { ...(parsed as Record<string, unknown>) };
  }
  if (flags.pgAllowReplication !== undefined) {
    settings = { ...settings, pg_allow_replication: flags.pgAllowReplication };
  }
  return settings as UserSpec["settings"];
}

/** The access and option fields the flags set (only those). */
export async function fieldsFrom(io: CliIo, flags: AccessFlags): Promise<UserChanges> {
  if (flags.authType !== undefined && !(ATLAS_AUTH_TYPES as readonly string[]).includes(flags.authType)) {
    throw new UsageError(`--auth-type must be one of ${ATLAS_AUTH_TYPES.join(", ")}`);
  }
  const plugin = flags.mysqlAuthPlugin;
  if (plugin !== undefined && !(PLUGINS as readonly string[]).includes(plugin)) {
    throw new UsageError(`--mysql-auth-plugin must be one of ${PLUGINS.join(", ")}`);
  }
  return defined({
    authType: flags.authType as AtlasAuthType | undefined,
    roles: flags.role?.map(parseRole),
    scopes: flags.scope?.map(parseScope),
    labels: flags.label?.map(parseLabel),
    description: flags.description,
    deleteAfterDate: flags.deleteAfter,
    databases:
      flags.databases === undefined
        ? undefined
        : flags.databases
            .split(",")
            .map((d) => d.trim())
            .filter((d) => d !== ""),
    settings: await settingsFrom(io, flags),
    mysqlAuthPlugin: plugin as UserSpec["mysqlAuthPlugin"],
  });
}
