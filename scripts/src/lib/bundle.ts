import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { bundleFromString, type Config, createConfig } from "@redocly/openapi-core";
import { parse, stringify } from "yaml";
import { ScriptError } from "./errors.js";
import { asObject, isObject, type JsonObject } from "./json.js";
import { HTTP_METHODS, resolvePointer } from "./openapi.js";

/*
 * A vendor's published spec can be hundreds of files (DigitalOcean's: ~2,900). Bundling all of it
 * and then dropping most is slow, and Redocly names hoisted components after their file, adding
 * `-2` suffixes on clashes anywhere in the spec. So we first write a small entry document that keeps
 * only our operations (as `$ref`s into the original files), and bundle that: names then depend only
 * on the files our operations reach.
 */

interface Loaded {
  value: unknown;
  file: string;
}

class FileCache {
  private readonly parsed = new Map<string, unknown>();

  load(ref: string, fromFile: string): Loaded {
    const [path = "", fragment] = ref.split("#");
    const file = path === "" ? fromFile : resolve(dirname(fromFile), path);
    if (!this.parsed.has(file)) {
      try {
        this.parsed.set(file, parse(readFileSync(file, "utf8")) as unknown);
      } catch (error) {
        throw new ScriptError("unreadable-spec", `cannot read ${file}: ${(error as Error).message}`);
      }
    }
    const root = this.parsed.get(file);
    const value = fragment ? resolvePointer(asObject(root), `#${fragment}`) : root;
    return { value, file };
  }
}

function refFrom(entryDir: string, file: string, pointer: string): string {
  const path = relative(entryDir, file).split("\\").join("/");
  return `${path.startsWith(".") ? path : `./${path}`}#${pointer}`;
}

/** Keeps the wanted operations of one path item; `$ref`s are rewritten relative to the entry file. */
function keepOperations(
  item: unknown,
  entryFile: string,
  cache: FileCache,
  wanted: Set<string>,
): JsonObject | undefined {
  const entryDir = dirname(entryFile);
  let itemFile = entryFile;
  let itemPointer: string | undefined;
  let node = item;
  if (isObject(item) && typeof item.$ref === "string") {
    const loaded = cache.load(item.$ref, entryFile);
    node = loaded.value;
    itemFile = loaded.file;
    itemPointer = item.$ref.split("#")[1] ?? "";
  }
  const kept: JsonObject = {};
  for (const method of HTTP_METHODS) {
    const operation = asObject(node)[method];
    if (!isObject(operation)) continue;
    const resolved =
      typeof operation.$ref === "string" ? cache.load(operation.$ref, itemFile).value : operation;
    if (!wanted.has(String(asObject(resolved).operationId))) continue;
    if (typeof operation.$ref === "string") {
      const target = cache.load(operation.$ref, itemFile).file;
      kept[method] = { $ref: refFrom(entryDir, target, operation.$ref.split("#")[1] ?? "") };
    } else {
      // An inline operation of a path-item file keeps its relative refs by pointing into that file.
      kept[method] =
        itemPointer === undefined
          ? operation
          : { $ref: refFrom(entryDir, itemFile, `${itemPointer}/${method}`) };
    }
  }
  if (Object.keys(kept).length === 0) return undefined;
  const parameters = asObject(node).parameters;
  if (Array.isArray(parameters)) {
    kept.parameters =
      itemPointer === undefined
        ? parameters
        : parameters.map((_, index) => ({
            $ref: refFrom(entryDir, itemFile, `${itemPointer}/parameters/${index}`),
          }));
  }
  return kept;
}

let configPromise: Promise<Config> | undefined;

export interface BundledOperations {
  doc: JsonObject;
  /** Wanted operationIds the spec does not have. */
  missing: string[];
}

/**
 * Bundles the operations `operationIds` of a spec (one file or many, with relative `$ref`s) into one
 * document whose `$ref`s all point into its own `components`. Other paths are left out; components
 * are not pruned yet.
 */
export async function bundleOperations(
  entryFile: string,
  operationIds: readonly string[],
): Promise<BundledOperations> {
  const cache = new FileCache();
  const entry = asObject(cache.load("", entryFile).value);
  if (typeof entry.openapi !== "string") {
    throw new ScriptError("not-openapi", `${entryFile} is not an OpenAPI 3 document (no \`openapi\` field)`);
  }
  const wanted = new Set(operationIds);
  const paths: JsonObject = {};
  for (const [path, item] of Object.entries(asObject(entry.paths))) {
    const kept = keepOperations(item, entryFile, cache, wanted);
    if (kept) paths[path] = kept;
  }
  configPromise ??= createConfig({});
  const result = await bundleFromString({
    source: stringify({ ...entry, paths }),
    absoluteRef: entryFile,
    config: await configPromise,
  });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    const lines = errors.slice(0, 5).map((problem) => `  - ${problem.message}`);
    throw new ScriptError("bundle-failed", `bundling ${entryFile} failed:\n${lines.join("\n")}`);
  }
  const doc = asObject(result.bundle.parsed);
  const found = new Set<string>();
  for (const item of Object.values(asObject(doc.paths))) {
    for (const method of HTTP_METHODS) found.add(String(asObject(asObject(item)[method]).operationId));
  }
  return { doc, missing: operationIds.filter((id) => !found.has(id)) };
}
