/**
 * Friendly names for the generated types, so users never import from `src/generated/` (the octokit
 * habit). Everything here is derived from `components["schemas"]` and `operations`; nothing is
 * re-declared by hand, so `pnpm generate` after a spec change flows through.
 */
import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];
type JsonBody<O extends keyof operations> = operations[O] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** A user of a managed database cluster, as the API returns it. `password`, `access_key` and `access_cert` are secrets. */
export type DatabaseUser = Schemas["database_user"];
/** Engine-specific options of a user (`pg_allow_replication`, `acl`, `opensearch_acl`, `mongo_user_settings`). */
export type UserSettings = Schemas["user_settings"];
/** MySQL-only options of a user: the authentication plugin. */
export type MySqlSettings = Schemas["mysql_settings"];
/** `mysql_native_password` or `caching_sha2_password`. */
export type MySqlAuthPlugin = MySqlSettings["auth_plugin"];
/** One Kafka topic ACL entry. */
export type KafkaAcl = NonNullable<UserSettings["acl"]>[number];
/** One OpenSearch index ACL entry. */
export type OpenSearchAcl = NonNullable<UserSettings["opensearch_acl"]>[number];
/** MongoDB databases and role of a user. */
export type MongoUserSettings = NonNullable<UserSettings["mongo_user_settings"]>;
/** `primary` (the built-in `doadmin`) or `normal`. */
export type DatabaseUserRole = NonNullable<DatabaseUser["role"]>;
/** DigitalOcean's error body: `{ id, message, request_id? }`. */
export type DigitalOceanErrorBody = Schemas["error"];

/**
 * The body of `addUser`. The read-only fields of `DatabaseUser` (`role`, `password`, `access_cert`,
 * `access_key`) are set by the server, so they are left out here.
 */
export type AddUserRequest = Omit<
  JsonBody<"databases_add_user">,
  "role" | "password" | "access_cert" | "access_key"
>;
/** The body of `updateUser`: the user's complete new settings. */
export type UpdateUserRequest = JsonBody<"databases_update_user">;
/** The body of `resetUserAuth`: empty for a new password, or a MySQL auth plugin to switch to. */
export type ResetUserAuthRequest = JsonBody<"databases_reset_auth">;

/**
 * Engine slugs of DigitalOcean clusters. User management exists on all but `redis` and `valkey`;
 * the client refuses those before sending (the real API answers 500 there, not a 4xx;
 * docs/vendors/digitalocean.md §14).
 */
export type DatabaseEngine = "pg" | "mysql" | "redis" | "valkey" | "mongodb" | "kafka" | "opensearch";

/** Options every method takes. */
export interface CallOptions {
  /** Cancels the call (and its retries). The method then rejects with `AbortedError`. */
  readonly signal?: AbortSignal;
}

/** Options of the methods that send a body. */
export interface WriteOptions extends CallOptions {
  /**
   * The cluster's engine. When given, engine-specific rules apply (name length, which settings
   * belong to which engine). When left out, those checks are skipped, never guessed.
   */
  readonly engine?: DatabaseEngine;
}
