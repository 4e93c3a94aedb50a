/**
 * DigitalOcean context: the profile plus the cluster's engine. Most user-name limits are the
 * engine's own (DigitalOcean publishes none), so the engine decides which rules apply; when it is
 * not given, every engine-specific rule is skipped rather than guessed.
 */
import { formatPath, isArray } from "../../engine/violation.js";
import type { BaseContext, Profile, Violation } from "../../types.js";

/** Engine slugs of `database_cluster.engine` (openapi `models/database_cluster.yml` @ 7c1300c4). */
export const ENGINES = ["pg", "mysql", "redis", "valkey", "mongodb", "kafka", "opensearch"] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * Engines whose clusters have database users. "User management is not supported for Caching or
 * Valkey clusters" (openapi `databases_add_user.yml` @ 7c1300c4).
 */
export const USER_MANAGEMENT_ENGINES = ["pg", "mysql", "mongodb", "kafka", "opensearch"] as const;
export type UserManagementEngine = (typeof USER_MANAGEMENT_ENGINES)[number];

export const PROFILES = ["strict", "server"] as const;

/** True when clusters of this engine have database users (false for `redis`, `valkey` and non-engines). */
export function supportsUserManagement(engine: unknown): engine is UserManagementEngine {
  return (USER_MANAGEMENT_ENGINES as readonly unknown[]).includes(engine);
}

export interface DigitalOceanContext extends BaseContext {
  /** The cluster's engine; `undefined` skips every engine-specific rule. */
  readonly engine: Engine | undefined;
}

export interface DigitalOceanContextInput {
  readonly profile?: Profile;
  readonly engine?: Engine;
}

// Every context there can be, built once and frozen, so resolving one allocates nothing.
const CACHE = new Map<string, DigitalOceanContext>();
for (const profile of PROFILES) {
  for (const engine of [undefined, ...ENGINES]) {
    CACHE.set(`${profile}:${engine ?? ""}`, Object.freeze({ profile, engine }));
  }
}
const cached = (profile: Profile, engine: Engine | undefined) => CACHE.get(`${profile}:${engine ?? ""}`)!;

export const DEFAULT_CONTEXT: DigitalOceanContext = cached("strict", undefined);

const KNOWN_KEYS = ["profile", "engine"];

const UNREADABLE: unique symbol = Symbol();

function read(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

const show = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : typeof value);

function badKey(key: string, message: string, params: Record<string, unknown>): Violation {
  return { path: formatPath(["context", key]), rule: `digitalocean.context.${key}`, message, params };
}

function resolveProfile(obj: object, out: Violation[]): Profile {
  const value = read(obj, "profile");
  if (value === UNREADABLE) {
    out.push(badKey("profile", "context.profile could not be read; using strict", {}));
    return "strict";
  }
  if (value === undefined) return "strict";
  if (value === "strict" || value === "server") return value;
  const message = `context.profile is ${show(value)}; expected one of: ${PROFILES.join(", ")}; using strict`;
  out.push(badKey("profile", message, { allowed: PROFILES }));
  return "strict";
}

function resolveEngine(obj: object, out: Violation[]): Engine | undefined {
  const value = read(obj, "engine");
  if (value === UNREADABLE) {
    out.push(badKey("engine", "context.engine could not be read; engine-specific rules are skipped", {}));
    return undefined;
  }
  if (value === undefined) return undefined;
  if ((ENGINES as readonly unknown[]).includes(value)) return value as Engine;
  out.push(
    badKey(
      "engine",
      `context.engine is ${show(value)}; expected one of: ${ENGINES.join(", ")}; engine-specific rules are skipped`,
      { allowed: ENGINES },
    ),
  );
  return undefined;
}

function unknownKeys(obj: object, out: Violation[]): void {
  let keys: string[];
  try {
    keys = Object.keys(obj);
  } catch {
    out.push({
      path: "context",
      rule: "digitalocean.context.unreadable",
      message: "context keys could not be read; using the defaults",
      params: {},
    });
    return;
  }
  for (const key of keys) {
    if (KNOWN_KEYS.includes(key)) continue;
    // A misspelt key (`engin`) would silently skip every engine rule, so it is reported.
    out.push({
      path: formatPath(["context", key]),
      rule: "digitalocean.context.unknownKey",
      message: `context.${key} is not a DigitalOcean context key; known: ${KNOWN_KEYS.join(", ")}`,
      params: { key, known: KNOWN_KEYS },
    });
  }
}

/** Fills defaults and reports bad keys (the default is used for them). Never throws. */
export function resolveContext(input: unknown): { ctx: DigitalOceanContext; violations: Violation[] } {
  if (input === undefined) return { ctx: DEFAULT_CONTEXT, violations: [] };
  const violations: Violation[] = [];
  if (typeof input !== "object" || input === null || isArray(input)) {
    violations.push({
      path: "context",
      rule: "digitalocean.context.type",
      message: `context must be an object like { profile, engine }, but got ${input === null ? "null" : isArray(input) ? "an array" : typeof input}; using the defaults`,
      params: { expected: "object" },
    });
    return { ctx: DEFAULT_CONTEXT, violations };
  }
  unknownKeys(input, violations);
  const profile = resolveProfile(input, violations);
  const engine = resolveEngine(input, violations);
  return { ctx: cached(profile, engine), violations };
}
