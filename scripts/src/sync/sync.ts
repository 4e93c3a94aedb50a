import { bundleOperations } from "../lib/bundle.js";
import { toCanonicalYaml } from "../lib/canonical.js";
import { asObject, clone, isObject, type JsonObject } from "../lib/json.js";
import { listOperations } from "../lib/openapi.js";
import type { OperationsConfig } from "../lib/operations-config.js";
import { keepOurText } from "./keep-text.js";
import { widenPlaceholderEnums } from "./placeholder-enums.js";
import { keepUsedTags, pruneComponents } from "./prune.js";
import { upgradeTo31 } from "./upgrade.js";

/** Upstream keys we never keep: SDK code samples (not ours, and large) and doc-site links. */
const DROPPED_OPERATION_KEYS = ["x-codeSamples", "x-xgen-docs-url"];
const KEPT_ROOT_KEYS = new Set(["openapi", "info", "servers", "security", "tags", "paths", "components"]);

export interface SyncInput {
  config: OperationsConfig;
  /** Entry file of the upstream spec (multi-file specs: the file that holds `paths`). */
  upstreamFile: string;
  /** Our current spec, or `{}` on a first sync. */
  current: JsonObject;
  /** Leading comment written above the YAML. */
  headerComment?: string;
}

export interface SyncResult {
  doc: JsonObject;
  text: string;
  /** Operations listed in operations.yaml that the upstream no longer has. */
  missing: string[];
  /** JSON pointers of elements whose prose still is the upstream's. */
  upstreamText: string[];
  /** Things a maintainer should know (local responses the upstream now documents, …). */
  notes: string[];
}

function dropVendorExtras(doc: JsonObject): JsonObject {
  const kept = Object.fromEntries(Object.entries(doc).filter(([key]) => KEPT_ROOT_KEYS.has(key)));
  for (const { operation } of listOperations(kept)) {
    for (const key of DROPPED_OPERATION_KEYS) delete operation[key];
  }
  return kept;
}

/** Re-applies the responses we document beyond the upstream (operations.yaml `localResponses`). */
function addLocalResponses(
  next: JsonObject,
  current: JsonObject,
  config: OperationsConfig,
  notes: string[],
): void {
  const currentOps = new Map(listOperations(current).map((op) => [op.operationId, op.operation]));
  for (const { operationId, operation } of listOperations(next)) {
    for (const code of config.localResponses[operationId] ?? []) {
      const responses = asObject(operation.responses);
      const ours = asObject(currentOps.get(operationId)?.responses)[code];
      if (code in responses) {
        notes.push(`${operationId}: the upstream now documents ${code}; drop it from localResponses`);
      } else if (!isObject(ours)) {
        notes.push(`${operationId}: localResponses lists ${code}, but the current spec has no such response`);
      } else {
        operation.responses = { ...responses, [code]: clone(ours) };
      }
    }
  }
}

/** Ours first, then the upstream's: a name both have means the upstream's component. */
function componentPool(next: JsonObject, current: JsonObject): JsonObject {
  const pool: JsonObject = {};
  for (const source of [asObject(current.components), asObject(next.components)]) {
    for (const [type, entries] of Object.entries(source))
      pool[type] = { ...asObject(pool[type]), ...asObject(entries) };
  }
  return pool;
}

/**
 * Rebuilds our spec from the upstream's: only our operations, exactly the components they reach,
 * OpenAPI 3.1, our prose kept wherever the element still exists. Pure apart from reading the
 * upstream files, so `--dry-run` and tests see exactly what would be written.
 */
export async function syncSpec(input: SyncInput): Promise<SyncResult> {
  const notes: string[] = [];
  const bundled = await bundleOperations(input.upstreamFile, input.config.operations);
  let next = widenPlaceholderEnums(upgradeTo31(dropVendorExtras(clone(bundled.doc))));
  addLocalResponses(next, input.current, input.config, notes);
  next = keepUsedTags(pruneComponents(next, componentPool(next, input.current)));
  const { upstreamText } = keepOurText(next, input.current);
  const methodsSeen = listOperations(next).length;
  if (methodsSeen + bundled.missing.length !== input.config.operations.length) {
    notes.push(`expected ${input.config.operations.length} operations, found ${methodsSeen}`);
  }
  return {
    doc: next,
    text: toCanonicalYaml(next, input.headerComment),
    missing: bundled.missing,
    upstreamText,
    notes,
  };
}

/** The comment block at the top of a YAML file, kept across syncs (a parse drops comments). */
export function leadingComment(text: string): string | undefined {
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    lines.push(line);
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}
