import { isObject, type JsonObject } from "../lib/json.js";

/*
 * Some vendors list the known values of a free-text field as an enum with a placeholder member:
 * MongoDB Atlas's `DatabaseUserRole.roleName` is `enum: [atlasAdmin, …, "<a custom role name>"]`,
 * meaning "one of these, or the name of a custom role". Taken literally, openapi-typescript would
 * type custom role names as errors and a response validator would refuse them. Such an enum becomes
 * `anyOf: [{ enum: <the known values> }, { type: string }]`: the known values stay visible (to
 * editors and to specs:diff) and any string is accepted.
 */

const PLACEHOLDER = /^<[^<>]+>$/;

/** Keys whose values are data, not schemas: never rewritten. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);

function widen(node: JsonObject): void {
  if (!Array.isArray(node.enum) || node.type !== "string") return;
  const known = node.enum.filter((value) => !(typeof value === "string" && PLACEHOLDER.test(value)));
  if (known.length === node.enum.length) return;
  delete node.enum;
  delete node.type;
  node.anyOf = [{ type: "string", enum: known }, { type: "string" }];
}

function walk(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item);
    return;
  }
  if (!isObject(node)) return;
  widen(node);
  for (const [key, value] of Object.entries(node)) {
    if (!DATA_KEYS.has(key) && !key.startsWith("x-")) walk(value);
  }
}

/** Rewrites placeholder enums (in place) as "known values or any string"; returns the document. */
export function widenPlaceholderEnums(doc: JsonObject): JsonObject {
  walk(doc);
  return doc;
}
