import { stringify } from "yaml";
import { isObject, type JsonObject } from "./json.js";

/*
 * One fixed key order for every OpenAPI object, so a sync of an unchanged upstream rewrites
 * nothing and a real change shows as a small git diff. Keys not listed sort alphabetically after
 * the listed ones, and `x-` extensions come last.
 */
const KEY_ORDER = [
  "$ref",
  "openapi",
  "info",
  "jsonSchemaDialect",
  "title",
  "version",
  "operationId",
  "name",
  "in",
  "url",
  "summary",
  "description",
  "termsOfService",
  "contact",
  "license",
  "email",
  "servers",
  "variables",
  "tags",
  "deprecated",
  "security",
  "type",
  "scheme",
  "bearerFormat",
  "flows",
  "format",
  "enum",
  "const",
  "default",
  "multipleOf",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "items",
  "minProperties",
  "maxProperties",
  "properties",
  "additionalProperties",
  "required",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "discriminator",
  "readOnly",
  "writeOnly",
  "nullable",
  "style",
  "explode",
  "allowReserved",
  "schema",
  "parameters",
  "requestBody",
  "headers",
  "content",
  "encoding",
  "responses",
  "links",
  "callbacks",
  "example",
  "examples",
  "value",
  "externalValue",
  "paths",
  "webhooks",
  "components",
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

const COMPONENT_ORDER = [
  "schemas",
  "responses",
  "parameters",
  "examples",
  "requestBodies",
  "headers",
  "securitySchemes",
  "links",
  "callbacks",
  "pathItems",
];

/** Maps whose keys are names chosen by the spec's author: their order is kept as written. */
const NAMED_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "content",
  "headers",
  "encoding",
  "variables",
  "mapping",
  "links",
  "callbacks",
  "scopes",
]);

/** Values that are data, not OpenAPI structure: never reordered. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "value"]);

function byRank(a: string, b: string): number {
  const xa = a.startsWith("x-");
  const xb = b.startsWith("x-");
  if (xa !== xb) return xa ? 1 : -1;
  const ra = RANK.get(a) ?? KEY_ORDER.length;
  const rb = RANK.get(b) ?? KEY_ORDER.length;
  return ra !== rb ? ra - rb : a.localeCompare(b);
}

/** Status codes numerically, then `default`; `2XX`-style ranges sort with their hundred. */
function byStatus(a: string, b: string): number {
  const rank = (code: string) => (code === "default" ? 1000 : Number.parseInt(code.replace(/X/gi, "0"), 10));
  return rank(a) - rank(b) || a.localeCompare(b);
}

export type Order = "rank" | "named" | "sorted" | "status" | "components";

/** How the keys of a child are ordered, knowing how its parent's keys were ordered. */
export function childOrder(childKey: string, parentOrder: Order): Order {
  // Below a map of names (paths, schemas by name, properties, status codes) sits an OpenAPI object.
  if (parentOrder !== "rank" && parentOrder !== "components") return "rank";
  if (parentOrder === "components") return "sorted";
  if (childKey === "paths") return "sorted";
  if (childKey === "components") return "components";
  if (childKey === "responses") return "status";
  if (NAMED_MAPS.has(childKey)) return "named";
  return "rank";
}

function sortKeys(keys: string[], order: Order): string[] {
  if (order === "named") return keys;
  if (order === "sorted") return [...keys].sort();
  if (order === "status") return [...keys].sort(byStatus);
  if (order === "components") {
    const rank = (key: string) =>
      (COMPONENT_ORDER.indexOf(key) + COMPONENT_ORDER.length + 1) % (COMPONENT_ORDER.length + 1);
    return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }
  return [...keys].sort(byRank);
}

function canonicalNode(node: unknown, order: Order): unknown {
  if (Array.isArray(node)) return node.map((item) => canonicalNode(item, "rank"));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const childKey of sortKeys(Object.keys(node), order)) {
    const child = node[childKey];
    const isData = order === "rank" && (DATA_KEYS.has(childKey) || childKey.startsWith("x-"));
    out[childKey] = isData ? child : canonicalNode(child, childOrder(childKey, order));
  }
  return out;
}

/** Returns a copy of an OpenAPI document with the fixed key order applied. */
export function canonicalize(doc: JsonObject): JsonObject {
  return canonicalNode(doc, "rank") as JsonObject;
}

/** YAML text of a document: fixed key order, no line folding, no anchors, trailing newline. */
export function toCanonicalYaml(doc: JsonObject, headerComment?: string): string {
  const body = stringify(canonicalize(doc), { lineWidth: 0, aliasDuplicateObjects: false });
  return headerComment ? `${headerComment}\n${body}` : body;
}
