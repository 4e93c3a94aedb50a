import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ScriptError } from "./errors.js";
import { asObject, asStringArray, isObject } from "./json.js";
import { operationsFile } from "./repo.js";

/** specs/<vendor>/operations.yaml: which upstream operations we keep, and what we add on top. */
export interface OperationsConfig {
  vendor: string;
  /** File name of the upstream entry document, used when specs:sync is given a directory. */
  upstreamEntry: string | undefined;
  operations: string[];
  /** Status codes we document although the upstream does not, per operationId. */
  localResponses: Record<string, string[]>;
}

export function parseOperationsConfig(vendor: string, text: string, source: string): OperationsConfig {
  const raw = parse(text) as unknown;
  if (!isObject(raw)) throw new ScriptError("bad-operations-file", `${source}: expected a mapping`);
  const operations = asStringArray(raw.operations);
  if (operations.length === 0) {
    throw new ScriptError(
      "bad-operations-file",
      `${source}: \`operations\` must list at least one operationId`,
    );
  }
  const localResponses: Record<string, string[]> = {};
  for (const [operationId, codes] of Object.entries(asObject(raw.localResponses))) {
    if (!operations.includes(operationId)) {
      throw new ScriptError(
        "bad-operations-file",
        `${source}: localResponses names ${operationId}, which is not in \`operations\``,
      );
    }
    // YAML reads an unquoted 200 as a number; status codes are strings in OpenAPI.
    localResponses[operationId] = (Array.isArray(codes) ? codes : []).map(String);
  }
  const entry = asObject(raw.upstream).entry;
  return { vendor, upstreamEntry: typeof entry === "string" ? entry : undefined, operations, localResponses };
}

export function readOperationsConfig(vendor: string, file = operationsFile(vendor)): OperationsConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ScriptError(
      "no-operations-file",
      `${file} not found: list the vendor's operationIds there first`,
    );
  }
  return parseOperationsConfig(vendor, text, file);
}
