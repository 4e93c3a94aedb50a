import { asObject, isObject, type JsonObject } from "../lib/json.js";
import { HTTP_METHODS } from "../lib/openapi.js";

const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)$/;

function schemeNames(requirements: unknown): string[] {
  return Array.isArray(requirements)
    ? requirements.flatMap((requirement) => Object.keys(asObject(requirement)))
    : [];
}

/**
 * Keeps exactly the components reachable from the paths and the security requirements, following
 * `$ref`s (and discriminator mappings) transitively through the `pool` of components.
 */
export function pruneComponents(doc: JsonObject, pool: JsonObject): JsonObject {
  const reached = new Map<string, Set<string>>();
  const mark = (type: string, name: string): boolean => {
    const names = reached.get(type) ?? new Set<string>();
    reached.set(type, names);
    if (names.has(name) || !isObject(asObject(pool[type])[name])) return false;
    names.add(name);
    return true;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const refs =
        key === "$ref" && typeof value === "string"
          ? [value]
          : key === "mapping" && isObject(value)
            ? Object.values(value).filter((item): item is string => typeof item === "string")
            : [];
      for (const ref of refs) {
        const match = COMPONENT_REF.exec(ref);
        if (match?.[1] && match[2] && mark(match[1], decodeURIComponent(match[2]).replaceAll("~1", "/"))) {
          visit(asObject(pool[match[1]])[decodeURIComponent(match[2]).replaceAll("~1", "/")]);
        }
      }
      if (key === "security") for (const name of schemeNames(value)) mark("securitySchemes", name);
      visit(value);
    }
  };
  visit(doc.paths);
  for (const name of schemeNames(doc.security)) mark("securitySchemes", name);

  const components: JsonObject = {};
  for (const [type, names] of reached) {
    if (names.size === 0) continue;
    const all = asObject(pool[type]);
    components[type] = Object.fromEntries([...names].sort().map((name) => [name, all[name]]));
  }
  const { components: _dropped, ...rest } = doc;
  return Object.keys(components).length > 0 ? { ...rest, components } : rest;
}

/** The tags our operations use, in the order the upstream lists them. */
export function keepUsedTags(doc: JsonObject): JsonObject {
  const used = new Set<string>();
  for (const item of Object.values(asObject(doc.paths))) {
    for (const method of HTTP_METHODS) {
      const tags = asObject(asObject(item)[method]).tags;
      if (Array.isArray(tags)) for (const tag of tags) used.add(String(tag));
    }
  }
  const tags = Array.isArray(doc.tags) ? doc.tags.filter((tag) => used.has(String(asObject(tag).name))) : [];
  const { tags: _dropped, ...rest } = doc;
  return tags.length > 0 ? { ...rest, tags } : rest;
}
