/**
 * The request enums of DigitalOcean database users, as `as const` arrays (openapi @ 7c1300c4,
 * `specification/resources/databases/models/`). The emulator and the client import these.
 */

/** `mysql_settings.auth_plugin` (models/mysql_settings.yml). */
export const MYSQL_AUTH_PLUGINS = ["mysql_native_password", "caching_sha2_password"] as const;
export type MysqlAuthPlugin = (typeof MYSQL_AUTH_PLUGINS)[number];

/** `settings.opensearch_acl[].permission` (models/user_settings.yml); `deny` is the default. */
export const OPENSEARCH_ACL_PERMISSIONS = ["deny", "admin", "read", "readwrite", "write"] as const;
export type OpensearchAclPermission = (typeof OPENSEARCH_ACL_PERMISSIONS)[number];

/** `settings.acl[].permission` (models/user_settings.yml). */
export const KAFKA_ACL_PERMISSIONS = ["admin", "consume", "produce", "produceconsume"] as const;
export type KafkaAclPermission = (typeof KAFKA_ACL_PERMISSIONS)[number];

/** `settings.mongo_user_settings.role` (models/user_settings.yml). */
export const MONGO_USER_ROLES = ["readOnly", "readWrite", "dbAdmin"] as const;
export type MongoUserRole = (typeof MONGO_USER_ROLES)[number];

/** `role` of a database user (models/database_user.yml; read-only, set by DigitalOcean). */
export const USER_ROLES = ["primary", "normal"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Properties of `database_user` marked `readOnly: true`: sent back by DigitalOcean, never read from a request. */
export const READ_ONLY_USER_PROPERTIES = ["role", "password", "access_cert", "access_key"] as const;
