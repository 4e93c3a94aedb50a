/**
 * `@dbusers/rules/digitalocean`: DigitalOcean Managed Databases users (pg, mysql, mongodb, kafka,
 * opensearch; redis and valkey have none). DigitalOcean generates passwords, so there is no
 * password policy and `generatePassword` throws a `RulesError` with code `NOT_APPLICABLE`.
 */
import { bindProvider } from "../../engine/bind.js";
import type { Infer } from "../../engine/shape.js";
import type { DigitalOceanContextInput } from "./context.js";
import { digitaloceanDefinition } from "./definition.js";
import { digitaloceanDocs } from "./docs.js";
import type { addUser, resetUserAuth, updateUser } from "./requests.js";

export { digitaloceanDefinition, digitaloceanDocs };

export const digitalocean = bindProvider<typeof digitaloceanDefinition, DigitalOceanContextInput>(
  digitaloceanDefinition,
  digitaloceanDocs,
);

export const validateField = digitalocean.validateField;
export const validateRequest = digitalocean.validateRequest;
export const describeRules = digitalocean.describeRules;
export const suggestName = digitalocean.suggestName;
export const generatePassword = digitalocean.generatePassword;
export const toJSONSchema = digitalocean.toJSONSchema;
export const standardSchema = digitalocean.standardSchema;
export const standardSchemaForField = digitalocean.standardSchemaForField;

export type AddUserRequest = Infer<typeof addUser>;
export type UpdateUserRequest = Infer<typeof updateUser>;
export type ResetUserAuthRequest = Infer<typeof resetUserAuth>;
export type UserSettings = NonNullable<AddUserRequest["settings"]>;
export type MysqlSettings = NonNullable<AddUserRequest["mysql_settings"]>;

export {
  DEFAULT_CONTEXT,
  type DigitalOceanContext,
  type DigitalOceanContextInput,
  ENGINES,
  type Engine,
  PROFILES,
  resolveContext,
  supportsUserManagement,
  USER_MANAGEMENT_ENGINES,
  type UserManagementEngine,
} from "./context.js";
export {
  KAFKA_ACL_PERMISSIONS,
  type KafkaAclPermission,
  MONGO_USER_ROLES,
  type MongoUserRole,
  MYSQL_AUTH_PLUGINS,
  type MysqlAuthPlugin,
  OPENSEARCH_ACL_PERMISSIONS,
  type OpensearchAclPermission,
  READ_ONLY_USER_PROPERTIES,
  USER_ROLES,
  type UserRole,
} from "./enums.js";
export {
  MONGO_DB_FORBIDDEN,
  MONGO_DB_FORBIDDEN_WINDOWS,
  MONGO_DB_MAX_BYTES,
} from "./settings-fields.js";
export {
  BUILT_IN_USERS,
  MONGODB_BUILT_IN_USERS,
  MYSQL_MAX_CHARS,
  PG_MAX_BYTES,
  PG_RESERVED_NAMES,
  PG_RESERVED_PREFIX,
  STRICT_MAX_CHARS,
  STRICT_PATTERN,
} from "./user-name.js";
