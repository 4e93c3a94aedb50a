/**
 * The JSON Schema of `dbusers.yaml`. The loader checks every file against this object, and
 * `schema/dbusers.schema.json` (published with the package, for editors) is written from it by
 * `pnpm --filter dbusers schema`; a test holds the two equal, so what editors accept is what the
 * loader accepts.
 */
import { ATLAS_AUTH_TYPES } from "@dbusers/rules/atlas/validate";

const credentialRef = {
  description: "Where a credential comes from: an environment variable or a file (never the value itself).",
  type: "object",
  properties: {
    env: {
      type: "string",
      minLength: 1,
      description: "The name of an environment variable holding the value.",
    },
    file: {
      type: "string",
      minLength: 1,
      description: "A file holding the value (relative to the dbusers.yaml).",
    },
  },
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
} as const;

const ref = (description: string) => ({ ...credentialRef, description });

const text = (description: string) => ({ type: "string", minLength: 1, description }) as const;

const baseUrl = {
  type: "string",
  minLength: 1,
  description:
    "The vendor's API URL (Rackspace: its identity URL), e.g. the emulator's; default: the vendor's own.",
};

const targetName = { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" } as const;

function vendorTarget(vendor: string, properties: Record<string, unknown>, required: readonly string[]) {
  return {
    if: { properties: { vendor: { const: vendor } }, required: ["vendor"] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then` keyword
    then: {
      properties: { vendor: { const: vendor }, baseUrl, ...properties },
      required: ["vendor", ...required],
      additionalProperties: false,
    },
  };
}

export const DESIRED_STATE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "dbusers desired state (dbusers.yaml)",
  description:
    "The database users that should exist, per target; read by `dbusers plan` and `dbusers apply`.",
  type: "object",
  properties: {
    targets: {
      description: "Where users live, by a name the users refer to.",
      type: "object",
      propertyNames: targetName,
      minProperties: 1,
      additionalProperties: {
        type: "object",
        required: ["vendor"],
        properties: { vendor: { enum: ["digitalocean", "atlas", "rackspace"] } },
        allOf: [
          vendorTarget(
            "digitalocean",
            {
              cluster: {
                type: "string",
                pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                description: "The database cluster's UUID.",
              },
              engine: {
                enum: ["pg", "mysql", "redis", "valkey", "mongodb", "kafka", "opensearch"],
                description: "The cluster's engine; turns on its naming and settings rules.",
              },
              token: {
                ...credentialRef,
                description: "Default: DIGITALOCEAN_TOKEN or DIGITALOCEAN_ACCESS_TOKEN.",
              },
            },
            ["cluster"],
          ),
          vendorTarget(
            "atlas",
            {
              project: {
                type: "string",
                pattern: "^[a-f0-9]{24}$",
                description: "The Atlas project (group) id: 24 hexadecimal digits.",
              },
              publicKey: ref("An API key's public part. Default: MONGODB_ATLAS_PUBLIC_API_KEY."),
              privateKey: ref("An API key's private part. Default: MONGODB_ATLAS_PRIVATE_API_KEY."),
              clientId: ref("A service account's client id. Default: MONGODB_ATLAS_CLIENT_ID."),
              clientSecret: ref("A service account's secret. Default: MONGODB_ATLAS_CLIENT_SECRET."),
            },
            ["project"],
          ),
          vendorTarget(
            "rackspace",
            {
              instance: { type: "string", minLength: 1, description: "The Cloud Databases instance id." },
              region: {
                type: "string",
                minLength: 1,
                description:
                  "The catalog region (DFW, ORD, IAD, LON, SYD, HKG, RegionOne). Default: RS_REGION_NAME or OS_REGION_NAME, else the account's.",
              },
              username: ref(
                "Rackspace Identity (or, with authUrl, Keystone) user. Default: RS_USERNAME or OS_USERNAME.",
              ),
              apiKey: ref("Rackspace Identity API key. Default: RS_API_KEY."),
              password: ref("The account's password (Rackspace Identity, or Keystone with authUrl)."),
              authUrl: text("Keystone v3 auth URL: makes the login Keystone's (OS_AUTH_URL)."),
              projectName: text("Keystone project name (OS_PROJECT_NAME)."),
              projectId: text("Keystone project id (OS_PROJECT_ID)."),
              userDomainName: text("Keystone user domain (OS_USER_DOMAIN_NAME); default Default."),
              projectDomainName: text("Keystone project domain (OS_PROJECT_DOMAIN_NAME); default Default."),
              applicationCredentialId: ref("Keystone application credential id (with authUrl)."),
              applicationCredentialSecret: ref("Keystone application credential secret (with authUrl)."),
              cloud: text("An entry of clouds.yaml that holds the whole login (OS_CLOUD)."),
              cloudsFile: text(
                "The clouds.yaml to read (relative to this file); default where openstacksdk looks.",
              ),
              secureFile: text(
                "The secure.yaml merged over it (relative to this file); default where openstacksdk looks.",
              ),
            },
            ["instance"],
          ),
        ],
      },
    },
    users: {
      description: "The users that should exist. A user in several targets is listed once with all of them.",
      type: "array",
      items: {
        type: "object",
        required: ["name", "targets"],
        additionalProperties: false,
        properties: {
          name: { type: "string", minLength: 1 },
          targets: { type: "array", minItems: 1, uniqueItems: true, items: targetName },
          rotate: { type: "boolean", description: "Give the user a new password on every apply while set." },
          host: {
            type: "string",
            description: "Rackspace: the MySQL host the user connects from (default %).",
          },
          authDatabase: { enum: ["admin", "$external"], description: "Atlas: the auth database." },
          authType: {
            enum: [...ATLAS_AUTH_TYPES],
            description: "Atlas: how the user authenticates (default SCRAM).",
          },
          roles: {
            type: "array",
            items: {
              type: "object",
              required: ["role", "database"],
              additionalProperties: false,
              properties: {
                role: { type: "string", minLength: 1 },
                database: { type: "string", minLength: 1 },
                collection: { type: "string", minLength: 1 },
              },
            },
          },
          scopes: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "type"],
              additionalProperties: false,
              properties: {
                name: { type: "string", minLength: 1 },
                type: { enum: ["CLUSTER", "DATA_LAKE", "STREAM"] },
              },
            },
          },
          labels: {
            type: "array",
            items: {
              type: "object",
              required: ["key", "value"],
              additionalProperties: false,
              properties: { key: { type: "string" }, value: { type: "string" } },
            },
          },
          description: { type: "string" },
          deleteAfterDate: { type: "string" },
          databases: { type: "array", items: { type: "string" } },
          settings: {
            type: "object",
            description: "DigitalOcean: the engine settings, as DigitalOcean names them.",
          },
          mysqlAuthPlugin: { enum: ["mysql_native_password", "caching_sha2_password"] },
        },
      },
    },
  },
  required: ["targets", "users"],
  additionalProperties: false,
} as const;
