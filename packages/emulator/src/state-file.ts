/**
 * A state file: the emulator's vendor sections as JSON or YAML (`{ digitalocean: { token, clusters }
 * , … }`), the same shape as `GET /_emulator/state` answers and `PUT /_emulator/state` takes.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { EmulatorError } from "./errors.js";
import type { VendorSections } from "./options.js";
import { VENDOR_MODULES } from "./vendors.js";

/**
 * Reads a state file (`.json`, or YAML for any other name) into vendor sections for
 * `startEmulator`. Each section is checked by its vendor when the emulator starts.
 */
export async function readStateFile(path: string): Promise<VendorSections> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new EmulatorError(
      "invalid-state-file",
      `cannot read state file ${path}: ${(error as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = extname(path).toLowerCase() === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    // The parsers' messages give the position, and quote at most a few characters of the text.
    throw new EmulatorError(
      "invalid-state-file",
      `state file ${path} is not valid: ${(error as Error).message}`,
    );
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new EmulatorError(
      "invalid-state-file",
      `state file ${path} must hold an object with one key per vendor`,
    );
  }
  const names: readonly string[] = VENDOR_MODULES.map((m) => m.name);
  const unknown = Object.keys(value).filter((key) => !names.includes(key));
  if (unknown.length > 0) {
    throw new EmulatorError(
      "invalid-state-file",
      `state file ${path}: unknown vendor ${unknown.map((k) => JSON.stringify(k)).join(", ")}; known: ${names.join(", ")}`,
    );
  }
  return value as VendorSections;
}
