import { asObject, isObject, type JsonObject } from "./json.js";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationRef {
  path: string;
  method: string;
  operationId: string;
  operation: JsonObject;
}

/** Every operation of a bundled document, in document order. */
export function listOperations(doc: JsonObject): OperationRef[] {
  const found: OperationRef[] = [];
  for (const [path, item] of Object.entries(asObject(doc.paths))) {
    for (const method of HTTP_METHODS) {
      const operation = asObject(item)[method];
      if (!isObject(operation)) continue;
      const operationId = typeof operation.operationId === "string" ? operation.operationId : "";
      found.push({ path, method, operationId, operation });
    }
  }
  return found;
}

/** Reads a local JSON pointer (`#/components/schemas/x`); undefined when it leads nowhere. */
export function resolvePointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/** Follows `$ref` chains inside one document; siblings of a `$ref` (allowed in 3.1) win over the target. */
export function deref(doc: JsonObject, node: unknown, seen = new Set<string>()): unknown {
  if (!isObject(node) || typeof node.$ref !== "string") return node;
  if (seen.has(node.$ref)) return {};
  seen.add(node.$ref);
  const { $ref, ...siblings } = node;
  const target = deref(doc, resolvePointer(doc, $ref), seen);
  return isObject(target) ? { ...target, ...siblings } : target;
}
