import { childOrder, type Order } from "../lib/canonical.js";
import { asObject, asStringArray, isObject, type JsonObject } from "../lib/json.js";
import { HTTP_METHODS } from "../lib/openapi.js";

/**
 * Our spec keeps the upstream's structure but our own words. On a sync, every element that exists
 * in both documents (same JSON pointer; operations matched by operationId, array items by name)
 * keeps OUR `summary`/`description`, our examples and our `x-dbusers-*` keys. Prose that is new
 * comes from the upstream and is listed in UPSTREAM_TEXT_MARKER, so a maintainer can find it,
 * rewrite it, and delete the marker. A field still listed in the marker is refreshed from the
 * upstream on the next sync, since it is not ours yet.
 */
export const UPSTREAM_TEXT_MARKER = "x-dbusers-upstream-text";

const TEXT_FIELDS = ["summary", "description"] as const;
const EXAMPLE_FIELDS = ["example", "examples"] as const;
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "value"]);

export interface KeepTextReport {
  /** JSON pointers of the elements that carry upstream prose after the sync. */
  upstreamText: string[];
}

function mergeFields(
  next: JsonObject,
  ours: JsonObject | undefined,
  pointer: string,
  report: KeepTextReport,
): void {
  const stillUpstream = new Set(asStringArray(ours?.[UPSTREAM_TEXT_MARKER]));
  const marked: string[] = [];
  for (const field of TEXT_FIELDS) {
    if (ours && typeof ours[field] === "string" && !stillUpstream.has(field)) next[field] = ours[field];
    else if (typeof next[field] === "string") marked.push(field);
  }
  if (ours) {
    for (const field of EXAMPLE_FIELDS) {
      if (field in ours) next[field] = ours[field];
      else delete next[field];
    }
    for (const [key, value] of Object.entries(ours)) {
      if (key.startsWith("x-dbusers-") && key !== UPSTREAM_TEXT_MARKER) next[key] = value;
    }
  }
  delete next[UPSTREAM_TEXT_MARKER];
  if (marked.length > 0) {
    next[UPSTREAM_TEXT_MARKER] = marked;
    report.upstreamText.push(pointer || "/");
  }
}

/** Which item of our array is "the same element": parameters by in+name, tags by name, servers by url. */
function identity(item: unknown, index: number): string {
  const node = asObject(item);
  if (typeof node.name === "string") return `${String(node.in ?? "")}:${node.name}`;
  if (typeof node.url === "string") return `url:${node.url}`;
  if (typeof node.$ref === "string") return `ref:${node.$ref}`;
  return `#${index}`;
}

function escapePointerKey(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

function walk(
  next: unknown,
  ours: unknown,
  order: Order,
  pointer: string,
  oursById: Map<string, JsonObject>,
  report: KeepTextReport,
): void {
  if (Array.isArray(next)) {
    const byIdentity = new Map(
      Array.isArray(ours) ? ours.map((item, index) => [identity(item, index), item]) : [],
    );
    next.forEach((item, index) => {
      walk(item, byIdentity.get(identity(item, index)), "rank", `${pointer}/${index}`, oursById, report);
    });
    return;
  }
  if (!isObject(next)) return;
  const oursNode = isObject(ours) ? ours : undefined;
  if (order === "rank") mergeFields(next, oursNode, pointer, report);
  for (const [key, child] of Object.entries(next)) {
    if (order === "rank" && (DATA_KEYS.has(key) || key.startsWith("x-"))) continue;
    let oursChild = oursNode?.[key];
    // An operation that moved to another path or method is still the same operation.
    const isOperation = pointer.startsWith("/paths/") && pointer.split("/").length === 3;
    if (isOperation && (HTTP_METHODS as readonly string[]).includes(key)) {
      oursChild = oursById.get(String(asObject(child).operationId)) ?? oursChild;
    }
    walk(child, oursChild, childOrder(key, order), `${pointer}/${escapePointerKey(key)}`, oursById, report);
  }
}

/**
 * Applies our prose to `next` (in place) wherever `ours` has the same element; `info` is ours
 * whole when we have one. Returns where upstream prose was left.
 */
export function keepOurText(next: JsonObject, ours: JsonObject): KeepTextReport {
  const report: KeepTextReport = { upstreamText: [] };
  const oursById = new Map<string, JsonObject>();
  for (const item of Object.values(asObject(ours.paths))) {
    for (const method of HTTP_METHODS) {
      const operation = asObject(item)[method];
      if (isObject(operation) && typeof operation.operationId === "string")
        oursById.set(operation.operationId, operation);
    }
  }
  if (isObject(ours.info)) next.info = ours.info;
  walk(next, ours, "rank", "", oursById, report);
  return report;
}
