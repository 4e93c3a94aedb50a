/**
 * One cloud of OpenStack's `clouds.yaml`, found and merged as openstacksdk does
 * (docs/vendors/rackspace.md §4.3): the first `clouds.{yaml,yml,json}` in the search path wins,
 * `OS_CLIENT_CONFIG_FILE` goes first in that path, and the first `secure.{yaml,yml,json}` (with
 * `OS_CLIENT_SECURE_FILE` first) is merged over it, key by key, so passwords can live apart.
 */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { Env } from "./config.js";
import { MissingCredentialsError, UsageError } from "./errors.js";
import { nonBlank } from "./non-blank.js";

type Mapping = Record<string, unknown>;

const SUFFIXES = [".yaml", ".yml", ".json"];

const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The directories openstacksdk searches, in its order, on Linux (the XDG ones, then the classic ones). */
function searchDirs(env: Env, cwd: string): string[] {
  const home = join(nonBlank(env.HOME) ?? homedir(), ".config", "openstack");
  const configHome = nonBlank(env.XDG_CONFIG_HOME);
  const siteDir = nonBlank(env.XDG_CONFIG_DIRS)?.split(":")[0] ?? "/etc/xdg";
  const dirs = [cwd, configHome === undefined ? home : join(configHome, "openstack"), home];
  return [...new Set([...dirs, join(siteDir, "openstack"), "/etc/openstack"])];
}

/** Candidate files named `base` with each suffix in each directory, after an explicit file if given. */
export function candidateFiles(env: Env, cwd: string, base: "clouds" | "secure"): string[] {
  const explicit = nonBlank(base === "clouds" ? env.OS_CLIENT_CONFIG_FILE : env.OS_CLIENT_SECURE_FILE);
  const files = searchDirs(env, cwd).flatMap((dir) => SUFFIXES.map((suffix) => join(dir, base + suffix)));
  return explicit === undefined ? files : [resolve(cwd, explicit), ...files];
}

/** The first file of `files` that exists, parsed; `undefined` when none does. */
async function firstDocument(files: readonly string[]): Promise<{ file: string; doc: unknown } | undefined> {
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      continue;
    }
    // The YAML parser is loaded only here: most commands never read clouds.yaml. JSON is YAML too.
    const { parse } = await import("yaml");
    try {
      return { file, doc: parse(text) as unknown };
    } catch {
      throw new UsageError(`${file} is not valid ${file.endsWith(".json") ? "JSON" : "YAML"}`);
    }
  }
  return undefined;
}

/** `over` merged into `base`: mappings key by key, anything else replaced (openstacksdk's merge). */
export function mergeCloud(base: Mapping, over: Mapping): Mapping {
  const merged: Mapping = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isMapping(below) && isMapping(value) ? mergeCloud(below, value) : value;
  }
  return merged;
}

const cloudOf = (doc: unknown, cloud: string): Mapping | undefined => {
  const clouds = isMapping(doc) ? doc.clouds : undefined;
  const entry = isMapping(clouds) && Object.hasOwn(clouds, cloud) ? clouds[cloud] : undefined;
  return isMapping(entry) ? entry : undefined;
};

/** The `clouds.<cloud>` entry with its `secure` part merged in, or a typed error naming where it looked. */
export async function readCloud(env: Env, cwd: string, cloud: string): Promise<Mapping> {
  const files = candidateFiles(env, cwd, "clouds");
  const found = await firstDocument(files);
  if (found === undefined) {
    throw new MissingCredentialsError(
      `OS_CLOUD=${cloud}: no clouds.yaml found (looked in ${files.join(", ")})`,
    );
  }
  const secure = await firstDocument(candidateFiles(env, cwd, "secure"));
  const entry = cloudOf(found.doc, cloud);
  const secret = secure === undefined ? undefined : cloudOf(secure.doc, cloud);
  if (entry === undefined && secret === undefined) {
    throw new MissingCredentialsError(`OS_CLOUD=${cloud}: ${found.file} has no cloud of that name`);
  }
  return mergeCloud(entry ?? {}, secret ?? {});
}
