/**
 * Where the DigitalOcean rules come from (read by the documentation table only). DigitalOcean
 * publishes no user-name rule of its own: most limits are the engines', the strict pattern is that
 * of Aiven, which runs DigitalOcean's databases (docs/vendors/digitalocean.md §3, §7).
 */

/** DigitalOcean's OpenAPI description of the databases API. */
export const SPEC = "openapi specification/resources/databases";
export const USER_SETTINGS = `${SPEC}/models/user_settings.yml @ 7c1300c4`;
export const ROLE_SOURCE = `${SPEC}/models/database_user.yml @ 7c1300c4`;
export const DOCS = "docs.digitalocean.com/products/databases";
export const PG_IDENTIFIERS =
  "PostgreSQL docs, Identifiers and Key Words (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS)";
export const ROLENAMES =
  "postgres/postgres src/test/regress/expected/rolenames.out @ 06f40fbc891771aa5b7a1667f16dff6da2bc5756";
export const AIVEN = "aiven/terraform-provider-aiven @ de2e6b0de4bfc70942b001ddb8ee2a600456c02b";
export const ON_AIVEN =
  "DigitalOcean Managed Databases run on Aiven (openapi resources/gen-ai/definitions.yml @ 7c1300c4: 'Aiven service name'; aiven_extras on pg; docs/vendors/digitalocean.md §3)";
export const TF_NO_ZERO =
  "digitalocean/terraform-provider-digitalocean digitalocean/database/resource_database_user.go @ 401992a1e493a0e3cfc833197820867991fc011f (ValidateFunc: validation.NoZeroValues; client-side, the server's own check is unobserved)";
export const MONGO_LIMITS =
  "MongoDB docs, Limits and Thresholds, Naming Restrictions (https://www.mongodb.com/docs/manual/reference/limits/#naming-restrictions)";
export const OPEN_OBJECT =
  "the OpenAPI schema leaves the object open and DigitalOcean's reaction to unknown keys is undocumented (most likely ignored); strict refuses them because a misspelt key would silently change nothing";
