/**
 * Request bodies exactly as DigitalOcean receives them (openapi @ 7c1300c4,
 * `specification/resources/databases/`): add user, update user, reset auth.
 */
import {
  array,
  boolean,
  field,
  type ObjectCheck,
  type ObjectShape,
  object,
  oneOf,
  optional,
  required,
  type StructuralRule,
} from "../../engine/shape.js";
import type { FieldSpec } from "../../types.js";
import type { DigitalOceanContext as C, Engine } from "./context.js";
import {
  KAFKA_ACL_PERMISSIONS,
  MONGO_USER_ROLES,
  MYSQL_AUTH_PLUGINS,
  OPENSEARCH_ACL_PERMISSIONS,
  USER_ROLES,
} from "./enums.js";
import { kafkaTopic, mongoDatabase, opensearchIndex } from "./settings-fields.js";
import { userName } from "./user-name.js";

function enumRule(path: string, values: readonly string[]): StructuralRule<C> {
  return {
    id: `digitalocean.${path}.enum`,
    profile: "both",
    message: (p) => `${p.path} must be one of: ${values.join(", ")}`,
  };
}

/**
 * A property documented for one engine only. Unknown engine: allowed (never guessed). Strict only:
 * the docs say "not currently supported for other database engines", but whether the server then
 * fails or silently ignores the property is unobserved.
 */
function engineGate(path: string, engine: Engine, name: string) {
  return {
    test: (ctx: C) => ctx.engine === undefined || ctx.engine === engine,
    rule: {
      id: `digitalocean.${path}.engine`,
      profile: "strict",
      message: (p) =>
        `${p.path} applies to ${name} clusters only; DigitalOcean does not support it for this cluster's engine`,
    } satisfies StructuralRule<C>,
  };
}

const mysqlSettings = object(
  "MySQL settings",
  {
    auth_plugin: required(
      oneOf("auth plugin", MYSQL_AUTH_PLUGINS, enumRule("mysql_settings.auth_plugin", MYSQL_AUTH_PLUGINS)),
    ),
  },
  { unknownKeys: "reject-in-strict" },
);

const mysqlGate = engineGate("mysql_settings", "mysql", "MySQL");

/** `acl[].id`: computed by DigitalOcean, but echoed back in updates (databases_update_user.yml example). */
const aclId: FieldSpec<C> = { name: "aclId", label: "Kafka ACL id", rules: [] };

const kafkaAcl = object(
  "Kafka ACL",
  {
    id: optional(field(aclId)),
    topic: required(field(kafkaTopic)),
    permission: required(
      oneOf(
        "Kafka ACL permission",
        KAFKA_ACL_PERMISSIONS,
        enumRule("settings.acl.permission", KAFKA_ACL_PERMISSIONS),
      ),
    ),
  },
  { unknownKeys: "reject-in-strict" },
);

const opensearchAcl = object(
  "OpenSearch ACL",
  {
    index: optional(field(opensearchIndex)),
    permission: optional(
      oneOf(
        "OpenSearch ACL permission",
        OPENSEARCH_ACL_PERMISSIONS,
        enumRule("settings.opensearch_acl.permission", OPENSEARCH_ACL_PERMISSIONS),
      ),
    ),
  },
  { unknownKeys: "reject-in-strict" },
);

const mongoUserSettings = object(
  "MongoDB user settings",
  {
    databases: optional(array("MongoDB databases", field(mongoDatabase))),
    role: optional(
      oneOf(
        "MongoDB role",
        MONGO_USER_ROLES,
        enumRule("settings.mongo_user_settings.role", MONGO_USER_ROLES),
      ),
    ),
  },
  { unknownKeys: "reject-in-strict" },
);

/**
 * Updating `mongo_user_settings` answered `{"id":"Not Implemented","message":"Server Error"}`
 * (terraform-provider-digitalocean PR #1387, 2025-06), and the update operation documents only
 * PostgreSQL, Kafka and OpenSearch settings. Strict: DigitalOcean said support was coming.
 */
const mongoUpdateNotImplemented: ObjectCheck<C> = {
  id: "digitalocean.updateUser.mongo_user_settings.notImplemented",
  profile: "strict",
  message: (p) =>
    `${p.path} cannot be changed by an update: DigitalOcean answered "Not Implemented" (set it when adding the user instead)`,
  check: (obj) =>
    obj.mongo_user_settings === undefined ? undefined : [{ key: "mongo_user_settings", params: {} }],
  jsonSchema: { properties: { mongo_user_settings: false } },
};

function userSettings(checks: readonly ObjectCheck<C>[]) {
  return object(
    "user settings",
    {
      pg_allow_replication: optional(boolean("replication rights")),
      opensearch_acl: optional(array("OpenSearch ACLs", opensearchAcl)),
      acl: optional(array("Kafka ACLs", kafkaAcl)),
      mongo_user_settings: optional(mongoUserSettings),
    },
    {
      unknownKeys: "reject-in-strict",
      checks,
      allowedWhen: {
        pg_allow_replication: engineGate("settings.pg_allow_replication", "pg", "PostgreSQL"),
        opensearch_acl: engineGate("settings.opensearch_acl", "opensearch", "OpenSearch"),
        acl: engineGate("settings.acl", "kafka", "Kafka"),
        mongo_user_settings: engineGate("settings.mongo_user_settings", "mongodb", "MongoDB"),
      },
    },
  );
}

/** Read-only `database_user` properties: refused in strict (DigitalOcean sets them and does not read them). */
function readOnly(what: string) {
  return {
    test: () => false,
    rule: {
      id: "digitalocean.addUser.readOnly",
      profile: "strict",
      message: (p) => `${p.path} is read-only: ${what}; leave it out of the request`,
    } satisfies StructuralRule<C>,
  };
}

const password: FieldSpec<C> = { name: "password", label: "password", secret: true, rules: [] };
const accessKey: FieldSpec<C> = { name: "access_key", label: "Kafka access key", secret: true, rules: [] };
const accessCert: FieldSpec<C> = { name: "access_cert", label: "Kafka access certificate", rules: [] };

const addUserShape = object(
  "add user request",
  {
    name: required(field(userName)),
    readonly: optional(boolean("read-only user (deprecated)")),
    mysql_settings: optional(mysqlSettings),
    settings: optional(userSettings([])),
    // Server profile: read-only, so DigitalOcean ignores the value; only strict (where the gate refuses it) would care.
    role: optional(oneOf("role", USER_ROLES, { ...enumRule("addUser.role", USER_ROLES), profile: "strict" })),
    password: optional(field(password)),
    access_cert: optional(field(accessCert)),
    access_key: optional(field(accessKey)),
  },
  {
    unknownKeys: "reject-in-strict",
    allowedWhen: {
      readonly: engineGate("readonly", "mongodb", "MongoDB"),
      mysql_settings: mysqlGate,
      role: readOnly("DigitalOcean decides the role (primary or normal)"),
      password: readOnly("DigitalOcean generates the password"),
      access_cert: readOnly("DigitalOcean issues the Kafka access certificate"),
      access_key: readOnly("DigitalOcean issues the Kafka access key"),
    },
  },
);

type Body<S> = S extends ObjectShape<C, infer T> ? T : never;
type AddUserBody = Omit<Body<typeof addUserShape>, "role" | "password" | "access_cert" | "access_key">;

/** `POST /v2/databases/{cluster}/users` (databases_add_user). The read-only properties are left out of the type. */
export const addUser = addUserShape as unknown as ObjectShape<C, AddUserBody>;

/** `PUT /v2/databases/{cluster}/users/{username}` (databases_update_user): `settings` only. */
export const updateUser = object(
  "update user request",
  { settings: required(userSettings([mongoUpdateNotImplemented])) },
  {
    unknownKeys: "reject",
  },
);

/** `POST /v2/databases/{cluster}/users/{username}/reset_auth` (databases_reset_auth). */
export const resetUserAuth = object(
  "reset auth request",
  { mysql_settings: optional(mysqlSettings) },
  {
    unknownKeys: "reject-in-strict",
    allowedWhen: { mysql_settings: mysqlGate },
  },
);
