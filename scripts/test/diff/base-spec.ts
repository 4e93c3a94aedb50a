import type { Change, ChangeKind } from "../../src/diff/change.js";
import { diffOperations } from "../../src/diff/operations.js";
import { asObject, clone, type JsonObject } from "../../src/lib/json.js";

/** A small 3.1 spec: users_add sends and receives `user`, users_list receives a list of them. */
const BASE: JsonObject = {
  openapi: "3.1.0",
  info: { title: "diff fixture", version: "1" },
  security: [{ bearer: [] }],
  paths: {
    "/clusters/{id}/users": {
      post: {
        operationId: "users_add",
        security: [{ bearer: ["users:write"] }],
        parameters: [{ $ref: "#/components/parameters/id" }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/user" } } },
        },
        responses: {
          "201": { $ref: "#/components/responses/user" },
          default: { $ref: "#/components/responses/error" },
        },
      },
      get: {
        operationId: "users_list",
        parameters: [{ $ref: "#/components/parameters/id" }],
        responses: {
          "200": {
            description: "users",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { users: { type: "array", items: { $ref: "#/components/schemas/user" } } },
                },
              },
            },
          },
          default: { $ref: "#/components/responses/error" },
        },
      },
    },
  },
  components: {
    schemas: {
      user: {
        type: "object",
        properties: {
          name: { type: "string", maxLength: 63 },
          role: { type: "string", enum: ["primary", "normal"], readOnly: true },
          password: { type: "string", readOnly: true },
          settings: { $ref: "#/components/schemas/user_settings" },
        },
        required: ["name"],
      },
      user_settings: {
        type: "object",
        properties: {
          acl: {
            type: "array",
            items: {
              type: "object",
              properties: {
                topic: { type: "string" },
                permission: { type: "string", enum: ["consume", "produce"] },
              },
              required: ["topic", "permission"],
            },
          },
        },
      },
      error: {
        type: "object",
        properties: { id: { type: "string" }, message: { type: "string" } },
        required: ["id", "message"],
      },
    },
    parameters: {
      id: { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
    },
    responses: {
      user: {
        description: "one user",
        headers: { "ratelimit-limit": { schema: { type: "integer" } } },
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { user: { $ref: "#/components/schemas/user" } },
              required: ["user"],
            },
          },
        },
      },
      error: {
        description: "error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/error" } } },
      },
    },
  },
};

export const OPERATIONS = ["users_add", "users_list"];

export function baseSpec(): JsonObject {
  return clone(BASE);
}

/** Walks plain keys, e.g. at(doc, "components", "schemas", "user"). */
export function at(doc: JsonObject, ...keys: string[]): JsonObject {
  return keys.reduce<JsonObject>((node, key) => asObject(node[key]), doc);
}

/** The changes from the base spec to a copy changed by `mutate`. */
export function changesAfter(mutate: (doc: JsonObject) => void, operations = OPERATIONS): Change[] {
  const next = baseSpec();
  mutate(next);
  return diffOperations(baseSpec(), next, operations);
}

/** Compact `operation|severity|location` lines for one kind, easy to compare in a test. */
export function summarize(changes: Change[], kind?: ChangeKind): string[] {
  return changes
    .filter((change) => kind === undefined || change.kind === kind)
    .map((change) => `${change.operationId}|${change.severity}|${change.location}`);
}
