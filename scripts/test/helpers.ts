import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { isObject, type JsonObject } from "../src/lib/json.js";
import { parseOperationsConfig } from "../src/lib/operations-config.js";

export const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const upstreamEntry = join(fixtures, "upstream", "openapi.yaml");
export const oursFile = join(fixtures, "ours.yaml");

export function readYaml(file: string): JsonObject {
  const value = parse(readFileSync(file, "utf8")) as unknown;
  if (!isObject(value)) throw new TypeError(`${file} is not a YAML mapping`);
  return value;
}

export const acmeConfig = () =>
  parseOperationsConfig(
    "acme",
    readFileSync(join(fixtures, "operations.yaml"), "utf8"),
    "fixtures/operations.yaml",
  );

/** A scratch copy of the fixture upstream, so a test can change one file of it. */
export function copyOfUpstream(): {
  entry: string;
  edit(relative: string, change: (text: string) => string): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "dbusers-upstream-"));
  cpSync(join(fixtures, "upstream"), dir, { recursive: true });
  return {
    entry: join(dir, "openapi.yaml"),
    edit(relative, change) {
      const file = join(dir, relative);
      writeFileSync(file, change(readFileSync(file, "utf8")));
    },
  };
}

/** Every `$ref` string in a tree. */
export function allRefs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(allRefs);
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "$ref" && typeof value === "string" ? [value] : allRefs(value),
  );
}
