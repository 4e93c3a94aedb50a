import { isObject, type JsonObject } from "../lib/json.js";

/** Keys whose values are data (examples, defaults, extensions), not schema: never rewritten. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);

function upgradeSchemaKeywords(node: JsonObject): void {
  // OpenAPI 3.0's `nullable: true` is a `"null"` member of `type` in 3.1 (JSON Schema 2020-12).
  if (node.nullable === true && typeof node.type === "string") node.type = [node.type, "null"];
  if (typeof node.nullable === "boolean") delete node.nullable;
  // 3.0's boolean exclusiveMinimum/Maximum modify minimum/maximum; in 3.1 they carry the number.
  for (const [exclusive, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (node[exclusive] === true && typeof node[bound] === "number") {
      node[exclusive] = node[bound];
      delete node[bound];
    } else if (typeof node[exclusive] === "boolean") {
      delete node[exclusive];
    }
  }
}

function walk(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item);
    return;
  }
  if (!isObject(node)) return;
  upgradeSchemaKeywords(node);
  for (const [key, value] of Object.entries(node)) {
    if (!DATA_KEYS.has(key) && !key.startsWith("x-")) walk(value);
  }
}

/** Rewrites an OpenAPI 3.0 document (in place) into 3.1; a 3.1 document is left as it is. */
export function upgradeTo31(doc: JsonObject): JsonObject {
  if (typeof doc.openapi === "string" && doc.openapi.startsWith("3.0")) {
    walk(doc);
    doc.openapi = "3.1.0";
  }
  return doc;
}
