/**
 * JSON Schema fragments of the Atlas rules whose checks are written by hand, keyed by rule id. Only
 * `toJSONSchema` reads this table (through `atlasDocs`), so the clients' validation never carries
 * it; `test/cross/json-schema-agreement.test.ts` holds each fragment to its rule.
 */
import type { JsonSchema, RuleSchema } from "../../types.js";
import { iamArnPattern } from "./arn.js";
import { AUTH_DATABASE, TYPE_FIELDS, TYPE_VALUES } from "./auth.js";
import type { AtlasContext } from "./context.js";
import { LENIENT_DN_PATTERN, RFC2253_PATTERN } from "./dn-patterns.js";
import { BUILT_IN_ROLES, DATABASES } from "./fields.js";
import { CLUSTER_WIDE_ROLES, type Op } from "./request-items.js";

const PAIRS = TYPE_FIELDS.flatMap((a, i) => TYPE_FIELDS.slice(i + 1).map((b) => [a, b] as const));

/** The object checks both operations share, under each operation's rule id. */
function requestChecks(op: Op): Record<string, JsonSchema> {
  return {
    [`atlas.${op}.oneAuthType`]: {
      allOf: PAIRS.map(([a, b]) => ({
        not: {
          required: [a, b],
          properties: { [a]: { enum: TYPE_VALUES[a].slice(1) }, [b]: { enum: TYPE_VALUES[b].slice(1) } },
        },
      })),
    },
    [`atlas.${op}.customRoleAlone`]: {
      anyOf: [
        { not: { required: ["roles"], properties: { roles: { type: "array", minItems: 2 } } } },
        {
          properties: {
            roles: {
              type: "array",
              items: {
                not: {
                  type: "object",
                  required: ["roleName"],
                  properties: { roleName: { type: "string", not: { enum: [...BUILT_IN_ROLES] } } },
                },
              },
            },
          },
        },
      ],
    },
    // "if A then B" written as anyOf [not A, B]: the same schema without a `then` key.
    [`atlas.${op}.clusterRoleOnAdmin`]: {
      anyOf: [
        {
          not: {
            required: ["roleName", "databaseName"],
            properties: { roleName: { enum: [...CLUSTER_WIDE_ROLES] }, databaseName: { type: "string" } },
          },
        },
        { properties: { databaseName: { const: "admin" } } },
      ],
    },
    // `properties` beside `required`: strict validators want each required name defined where it is required.
    [`atlas.${op}.labelIncomplete`]: { required: ["key", "value"], properties: { key: true, value: true } },
  };
}

export const atlasSchemas: { readonly [ruleId: string]: RuleSchema<AtlasContext> } = {
  "atlas.databaseName.enum": { enum: [...DATABASES] },
  "atlas.databaseName.authDatabase": (ctx: AtlasContext) => ({
    not: { const: AUTH_DATABASE[ctx.authType] === "admin" ? "$external" : "admin" },
  }),
  "atlas.username.iamUserArn": { pattern: iamArnPattern("user") },
  "atlas.username.iamRoleArn": { pattern: iamArnPattern("role") },
  "atlas.username.distinguishedName": { pattern: LENIENT_DN_PATTERN },
  "atlas.username.rfc2253": { pattern: RFC2253_PATTERN },
  ...requestChecks("createUser"),
  ...requestChecks("updateUser"),
  "atlas.createUser.passwordRequired": { required: ["password"], properties: { password: true } },
};
