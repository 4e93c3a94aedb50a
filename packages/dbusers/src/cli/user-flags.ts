/** Vendor flags, spelled as each vendor's own CLI spells them, into the common user model. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type {
  AtlasAuthDatabase,
  AtlasAuthType,
  AtlasLabel,
  AtlasRole,
  AtlasScope,
  UserChanges,
  UserKey,
  UserSpec,
} from "../model.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";

export interface KeyFlags {
  readonly host?: string;
  readonly authDb?: string;
}

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

const AUTH_TYPES: readonly AtlasAuthType[] = [
  "SCRAM",
  "AWS_IAM_USER",
  "AWS_IAM_ROLE",
  "X509_MANAGED",
  "X509_CUSTOMER",
  "LDAP_USER",
  "LDAP_GROUP",
  "OIDC_WORKFORCE",
  "OIDC_WORKLOAD",
];
const SCOPE_TYPES: readonly AtlasScope["type"][] = ["CLUSTER", "DATA_LAKE", "STREAM"];
const PLUGINS = ["mysql_native_password", "caching_sha2_password"] as const;

const defined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;

export function authDatabaseOf(value: string | undefined): AtlasAuthDatabase | undefined {
  if (value === undefined) return undefined;
  if (value !== "admin" && value !== "$external") {
    throw new UsageError(`--auth-db must be admin or $external, not ${JSON.stringify(value)}`);
  }
  return value;
}

export function keyFrom(name: string, flags: KeyFlags): UserKey {
  return defined({ name, host: flags.host, authDatabase: authDatabaseOf(flags.authDb) });
}

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
  if (flags.authType !== undefined && !AUTH_TYPES.includes(flags.authType as AtlasAuthType)) {
    throw new UsageError(`--auth-type must be one of ${AUTH_TYPES.join(", ")}`);
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
