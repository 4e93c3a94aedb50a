/**
 * DigitalOcean database users as the API returns them, and how each engine stores its settings
 * (docs/vendors/digitalocean.md §16): MySQL keeps `mysql_settings.auth_plugin`, PostgreSQL
 * `settings.pg_allow_replication` (false when not sent), Kafka `settings.acl` with server ids plus
 * a certificate and key, OpenSearch `settings.opensearch_acl`, MongoDB `settings.mongo_user_settings`.
 */
import type {
  Engine,
  KafkaAclPermission,
  MongoUserRole,
  MysqlAuthPlugin,
  OpensearchAclPermission,
} from "@dbusers/rules/digitalocean";
import { fakePem, randomAlphanumeric, randomHex } from "../random.js";

export interface KafkaAcl {
  id: string;
  topic: string;
  permission: KafkaAclPermission;
}

export interface OpensearchAcl {
  index?: string;
  permission?: OpensearchAclPermission;
}

export interface MongoUserSettings {
  databases?: string[];
  role?: MongoUserRole;
}

export interface DigitalOceanUserSettings {
  pg_allow_replication?: boolean;
  opensearch_acl?: OpensearchAcl[];
  acl?: KafkaAcl[];
  mongo_user_settings?: MongoUserSettings;
}

/** A user exactly as the emulator returns it (`database_user`). */
export interface DigitalOceanUser {
  name: string;
  role: "primary" | "normal";
  /** A secret: crypto-random, new on every reset. */
  password: string;
  /** Kafka only: PEM-looking text, not a usable certificate. */
  access_cert?: string;
  /** Kafka only: PEM-looking text, not a usable key. A secret. */
  access_key?: string;
  mysql_settings?: { auth_plugin: MysqlAuthPlugin };
  settings?: DigitalOceanUserSettings;
}

export interface KafkaAclInput {
  readonly id?: string;
  readonly topic: string;
  readonly permission: KafkaAclPermission;
}

/** What a request (or a test seed) may say about a user; validation has already run. */
export interface UserInput {
  readonly name: string;
  readonly readonly?: boolean;
  readonly mysql_settings?: { readonly auth_plugin?: MysqlAuthPlugin };
  readonly settings?: {
    readonly pg_allow_replication?: boolean;
    readonly opensearch_acl?: readonly OpensearchAcl[];
    readonly acl?: readonly KafkaAclInput[];
    readonly mongo_user_settings?: MongoUserSettings;
  };
}

/** MySQL 8's default, which DigitalOcean applies when `mysql_settings` is left out. */
export const DEFAULT_AUTH_PLUGIN: MysqlAuthPlugin = "caching_sha2_password";

export function newPassword(): string {
  return randomAlphanumeric(24);
}

/** Ids look like DigitalOcean's examples (`acl128aaaa99239`); ids already known are kept. */
function kafkaAcls(entries: readonly KafkaAclInput[] | undefined, known: ReadonlySet<string>): KafkaAcl[] {
  return (entries ?? []).map((entry) => ({
    id: entry.id !== undefined && known.has(entry.id) ? entry.id : `acl${randomHex(12)}`,
    topic: entry.topic,
    permission: entry.permission,
  }));
}

/**
 * The `settings` an engine keeps from a request; settings of other engines are dropped (the server
 * profile of the rules lets them through, as the real server most likely ignores them).
 */
export function engineSettings(
  engine: Engine,
  settings: UserInput["settings"],
  input: Pick<UserInput, "readonly">,
  previous?: DigitalOceanUserSettings,
): DigitalOceanUserSettings | undefined {
  switch (engine) {
    case "pg":
      return { pg_allow_replication: settings?.pg_allow_replication ?? false };
    case "kafka":
      return { acl: kafkaAcls(settings?.acl, new Set((previous?.acl ?? []).map((a) => a.id))) };
    case "opensearch":
      return { opensearch_acl: (settings?.opensearch_acl ?? []).map((entry) => ({ ...entry })) };
    case "mongodb": {
      const given = settings?.mongo_user_settings;
      // `readonly: true` is the deprecated spelling of role readOnly (databases_add_user).
      const role = given?.role ?? (input.readonly === true ? "readOnly" : undefined);
      if (given === undefined && role === undefined) return undefined;
      return {
        mongo_user_settings: {
          ...(given?.databases ? { databases: [...given.databases] } : {}),
          ...(role ? { role } : {}),
        },
      };
    }
    default:
      return undefined;
  }
}

/** A new user of an engine, with a fresh password (and for Kafka a fresh certificate and key). */
export function createUser(
  engine: Engine,
  input: UserInput,
  role: "primary" | "normal" = "normal",
): DigitalOceanUser {
  const user: DigitalOceanUser = { name: input.name, role, password: newPassword() };
  if (engine === "kafka") {
    user.access_cert = fakePem("CERTIFICATE");
    user.access_key = fakePem("PRIVATE KEY");
  }
  if (engine === "mysql") {
    user.mysql_settings = { auth_plugin: input.mysql_settings?.auth_plugin ?? DEFAULT_AUTH_PLUGIN };
  }
  const settings = engineSettings(engine, input.settings, input);
  if (settings !== undefined) user.settings = settings;
  return user;
}

/**
 * The users every cluster starts with: `doadmin` (role primary; on PostgreSQL it may replicate,
 * terraform-provider-digitalocean PR #1290), and on MongoDB also `do-readonly`, which reads every
 * database. Neither can be deleted (docs/vendors/digitalocean.md §5).
 */
export function builtInUsers(engine: Engine): DigitalOceanUser[] {
  const admin = createUser(engine, { name: "doadmin" }, "primary");
  if (engine === "pg") admin.settings = { pg_allow_replication: true };
  if (engine !== "mongodb") return [admin];
  const reader = createUser(engine, {
    name: "do-readonly",
    settings: { mongo_user_settings: { databases: ["admin"], role: "readOnly" } },
  });
  return [admin, reader];
}
