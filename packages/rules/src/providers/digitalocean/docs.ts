/**
 * What each DigitalOcean rule means and where it comes from, keyed by rule id, plus the fields'
 * notes and name suggestions. Only `describeRules` and `suggestName` read this table, so a client
 * that only validates (`@dbusers/rules/digitalocean/validate`) never bundles it.
 */
import { replaceDisallowed, truncateUtf8 } from "../../engine/suggest.js";
import type { FieldDoc, ProviderDocs } from "../../types.js";
import type { DigitalOceanContext as C } from "./context.js";
import { MONGO_DB_MAX_BYTES } from "./settings-fields.js";
import * as src from "./sources.js";
import { suggestUserName } from "./suggest.js";

const rules: ProviderDocs<C>["rules"] = {
  "digitalocean.userName.engineUnsupported": {
    description: "Caching (redis) and Valkey clusters have no database users.",
    source:
      "openapi databases_add_user.yml @ 7c1300c4 ('User management is not supported for Caching or Valkey clusters'); the server answers 500, not 4xx: https://github.com/digitalocean/terraform-provider-digitalocean/issues/876",
  },
  "digitalocean.userName.notEmpty": {
    description: "Must not be empty.",
    source:
      "openapi models/database_user.yml @ 7c1300c4 (required: name); server: 422 'invalid request: user_name field required' (https://github.com/digitalocean/droplet_kit/pull/269)",
  },
  "digitalocean.userName.builtIn": {
    description: "Not doadmin: the built-in admin user already exists on every cluster.",
    source: `${src.DOCS}/{postgresql,mysql,mongodb,kafka,opensearch}/how-to/manage-users-* ('a default administrative user (doadmin) … you can't delete them'); the create answer for an existing name is unobserved (409 or 422)`,
  },
  "digitalocean.userName.mongodbBuiltIn": {
    description: "Not do-readonly: a built-in user of every MongoDB cluster.",
    source: `${src.DOCS}/mongodb/how-to/manage-users-and-databases (defaults doadmin and do-readonly cannot be deleted)`,
  },
  "digitalocean.userName.pgMaxBytes": {
    description: "At most 63 bytes in UTF-8 (PostgreSQL NAMEDATALEN − 1).",
    source: `${src.PG_IDENTIFIERS}: 'The system uses no more than NAMEDATALEN-1 bytes of an identifier; longer names … will be truncated' (refused here: the role created would not have the requested name)`,
  },
  "digitalocean.userName.pgReserved": {
    description: "Not public or none (exact case): PostgreSQL reserves these role names.",
    source: `${src.ROLENAMES} ('role name "public" is reserved', "none" likewise). Case-sensitive: quoted "Public" is accepted, and DigitalOcean quotes names (it creates tf-acc-test-… with dashes on pg, terraform-provider-digitalocean resource_database_user_test.go @ 401992a1)`,
  },
  "digitalocean.userName.pgReservedAnyCase": {
    description: "Not public or none in any other letter case.",
    source:
      "inferred: whether DigitalOcean folds case before CREATE ROLE is unknown (docs/vendors/digitalocean.md §6); folded, Public becomes the reserved public",
  },
  "digitalocean.userName.pgPrefix": {
    description: 'Must not start with "pg_".',
    source: `${src.ROLENAMES} ('Role names starting with "pg_" are reserved', since PostgreSQL 9.6)`,
  },
  "digitalocean.userName.pgPrefixAnyCase": {
    description: 'Must not start with "pg_" in any other letter case.',
    source:
      "inferred: whether DigitalOcean folds case before CREATE ROLE is unknown (docs/vendors/digitalocean.md §6)",
  },
  "digitalocean.userName.pgNul": {
    description: "Must not contain the NUL character (U+0000).",
    source: `${src.PG_IDENTIFIERS}: 'Quoted identifiers can contain any character, except the character with code zero'`,
  },
  "digitalocean.userName.mysqlMaxLength": {
    description: "At most 32 characters (MySQL 8).",
    source:
      "https://dev.mysql.com/doc/en/replication-features-user-names.html ('The maximum length for user names in MySQL 8.0 is 32 characters'; longer: error 1470)",
  },
  "digitalocean.userName.mongodbNul": {
    description: "Must not contain the NUL character (U+0000).",
    source:
      "mongodb/mongo src/mongo/db/commands/user_management_commands.cpp, CmdUMCTyped<CreateUserCommand>::typedRun ('Username cannot contain NULL characters')",
  },
  "digitalocean.userName.opensearchColon": {
    description: 'Must not contain ":" (OpenSearch).',
    source:
      "opensearch-project/security src/main/java/org/opensearch/security/user/UserService.java @ 0351efa26177a07df3c650b0f3fa3a6530dae95f (RESTRICTED_FROM_USERNAME: 'A restricted character(s) was detected in the account name. Please remove: ':'')",
  },
  "digitalocean.userName.maxLength": {
    description: "At most 64 characters (Aiven service users; inferred).",
    source: `inferred, not documented: ${src.ON_AIVEN}; Aiven's service-user username maxLength is 64 (${src.AIVEN}, internal/plugin/service/{pg,mysql,kafka,opensearch}/user/zz_resource.go)`,
  },
  "digitalocean.userName.pattern": {
    description: "Letters, digits and _ ? * . - only, not starting with -, . or *.",
    source: `inferred, not documented: ${src.ON_AIVEN}; Aiven's service-user validator ^(\\*$|[a-zA-Z0-9_?][a-zA-Z0-9-_?*.].{0,62})$ (${src.AIVEN}, internal/schemautil/common.go)`,
  },
  "digitalocean.kafkaTopic.notEmpty": {
    description: "Must not be empty (strict: topic of DigitalOcean's Terraform provider).",
    source: `${src.TF_NO_ZERO}`,
  },
  "digitalocean.opensearchIndex.notEmpty": {
    description: "Must not be empty (strict: index of DigitalOcean's Terraform provider).",
    source: `${src.TF_NO_ZERO}`,
  },
  "digitalocean.mongoDatabase.notEmpty": {
    description: "Must not be empty.",
    source: `${src.MONGO_LIMITS}: 'cannot be empty'`,
  },
  "digitalocean.mongoDatabase.maxBytes": {
    description: "At most 63 bytes in UTF-8 (fewer than 64).",
    source: `${src.MONGO_LIMITS}: 'must be fewer than 64 bytes'; mongodb/mongo src/mongo/db/database_name.h kMaxDatabaseNameLength = 63`,
  },
  "digitalocean.mongoDatabase.forbiddenChars": {
    description: 'Must not contain any of: / \\ . space " $ (MongoDB on Linux).',
    source: `${src.MONGO_LIMITS}, Restrictions on Database Names for Unix and Linux Systems; mongodb/mongo DatabaseName::validDBName`,
  },
  "digitalocean.mongoDatabase.nul": {
    description: "Must not contain the NUL character (U+0000).",
    source: `${src.MONGO_LIMITS}: 'database names cannot contain the null character'`,
  },
  "digitalocean.mongoDatabase.windowsChars": {
    description: "Must not contain any of: * < > : | ? (strict: MongoDB's Windows set, for portable names).",
    source: `${src.MONGO_LIMITS}, Restrictions on Database Names for Windows; strict only because DigitalOcean's MongoDB runs on Linux (inferred)`,
  },
  "digitalocean.readonly.engine": {
    description: "Only for MongoDB clusters.",
    source: `${src.SPEC}/databases_add_user.yml @ 7c1300c4 ('For MongoDB clusters … not currently supported for other database engines'; to be deprecated for settings.mongo_user_settings.role); strict only: the server's reaction on other engines (error or silently ignored) is unobserved`,
  },
  "digitalocean.mysql_settings.engine": {
    description: "Only for MySQL clusters.",
    source: `${src.SPEC}/databases_add_user.yml, databases_reset_auth.yml @ 7c1300c4 ('For mysql databases, the authentication method can be specified'); strict only: the server's reaction on other engines (error or silently ignored) is unobserved`,
  },
  "digitalocean.mysql_settings.auth_plugin.enum": {
    description: "One of: mysql_native_password, caching_sha2_password.",
    source: `${src.SPEC}/models/mysql_settings.yml @ 7c1300c4`,
  },
  "digitalocean.settings.pg_allow_replication.engine": {
    description: "Only for PostgreSQL clusters.",
    source: `${src.USER_SETTINGS} ('This option is not currently supported for other database engines'); strict only: the server's reaction on other engines (error or silently ignored) is unobserved`,
  },
  "digitalocean.settings.opensearch_acl.engine": {
    description: "Only for OpenSearch clusters.",
    source: `${src.USER_SETTINGS} (ACLs 'within a OpenSearch cluster'); strict only: the server's reaction on other engines (error or silently ignored) is unobserved`,
  },
  "digitalocean.settings.opensearch_acl.permission.enum": {
    description: "One of: deny, admin, read, readwrite, write.",
    source: `${src.USER_SETTINGS}`,
  },
  "digitalocean.settings.acl.engine": {
    description: "Only for Kafka clusters.",
    source: `${src.USER_SETTINGS} (ACLs 'within a Kafka cluster'); strict only: the server's reaction on other engines (error or silently ignored) is unobserved`,
  },
  "digitalocean.settings.acl.permission.enum": {
    description: "One of: admin, consume, produce, produceconsume.",
    source: `${src.USER_SETTINGS}`,
  },
  "digitalocean.settings.mongo_user_settings.engine": {
    description: "Only for MongoDB clusters.",
    source: `${src.USER_SETTINGS} ('This option is not currently supported for other database engines'); strict only: the server's reaction on other engines (error or silently ignored) is unobserved`,
  },
  "digitalocean.settings.mongo_user_settings.role.enum": {
    description: "One of: readOnly, readWrite, dbAdmin.",
    source: `${src.USER_SETTINGS}`,
  },
  "digitalocean.addUser.readOnly": {
    description: "role, password, access_cert and access_key are read-only.",
    source: `${src.ROLE_SOURCE} (readOnly: true; OpenAPI: 'SHOULD NOT be sent as part of the request'); strict only: the server most likely ignores them`,
  },
  "digitalocean.addUser.role.enum": {
    description: "One of: primary, normal.",
    source: `${src.ROLE_SOURCE}`,
  },
  "digitalocean.updateUser.mongo_user_settings.notImplemented": {
    description: "mongo_user_settings cannot be changed by an update (strict).",
    source: `https://github.com/digitalocean/terraform-provider-digitalocean/pull/1387 (update answered 'Not Implemented'); ${src.SPEC}/databases_update_user.yml @ 7c1300c4 documents PostgreSQL, Kafka and OpenSearch settings only`,
  },
  "digitalocean.request.unknownKey": {
    description: "Only the keys DigitalOcean reads (strict; in updateUser always).",
    source: `${src.OPEN_OBJECT}; updateUser: ${src.SPEC}/databases_update_user.yml @ 7c1300c4 ('only settings can be updated via this type of request. If you wish to change the name of a user, you must recreate a new user.')`,
  },
};

function userNameNotes(ctx: C): string[] {
  const out = [
    "DigitalOcean publishes no length, character or reserved-name rule for user names: its OpenAPI only requires name (models/database_user.yml @ 7c1300c4). The rules are the engines' own limits plus, in strict, Aiven's inferred pattern.",
  ];
  if (ctx.engine === undefined)
    out.push(
      "No engine given: engine-specific rules (PostgreSQL 63 bytes, public/none, pg_ prefix, NUL; MySQL 32 characters; MongoDB NUL and do-readonly; OpenSearch ':'; Caching/Valkey refusal) are skipped. Pass { engine } to apply them.",
    );
  if (ctx.engine === "kafka")
    out.push(
      "Kafka: no user-name length or character limit is documented for SASL/SCRAM principals (RFC 5802 only escapes ',' and '='), so none is checked here.",
    );
  if (ctx.engine === "mongodb") out.push("MongoDB documents no user-name length limit; only NUL is refused.");
  if (ctx.engine === "opensearch")
    out.push(
      "OpenSearch documents no user-name length limit; only ':' is refused (security plugin UserService).",
    );
  if (ctx.engine === "mysql")
    out.push(
      "MySQL's own accounts (root, mysql.sys, mysql.session, mysql.infoschema) are user@localhost pairs, so the name alone is not refused.",
    );
  return out;
}

const fields: { readonly [field: string]: FieldDoc<C> } = {
  userName: { notes: userNameNotes, suggest: suggestUserName },
  kafkaTopic: {
    notes: [
      "DigitalOcean describes topic as 'a regex for matching the topic(s) that this ACL should apply to' (models/user_settings.yml @ 7c1300c4) and publishes no length or character limit; the server's own check is unobserved.",
      "Kafka topic names themselves are at most 249 characters of [a-zA-Z0-9._-] (Apache Kafka org.apache.kafka.common.internals.Topic), which does not bound a pattern, so it is not checked.",
    ],
  },
  opensearchIndex: {
    notes: [
      "DigitalOcean describes index as 'a regex for matching the indexes that this ACL should apply to' (models/user_settings.yml @ 7c1300c4) and publishes no length or character limit; the server's own check is unobserved.",
    ],
  },
  mongoDatabase: {
    notes: [
      "admin grants the role on every database (models/user_settings.yml @ 7c1300c4).",
      "MongoDB refuses two databases whose names differ only in case (Naming Restrictions); that depends on existing databases and is not checked here.",
    ],
    // Forbidden characters (both sets) become "_"; an empty result fails notEmpty and the engine throws.
    suggest: (raw) =>
      truncateUtf8(replaceDisallowed(raw, /[^/\\. "$*<>:|?\u0000]/u, "_"), MONGO_DB_MAX_BYTES),
  },
};

export const digitaloceanDocs: ProviderDocs<C> = { rules, fields };
