/** What a Rackspace check may depend on: only the profile (there is one engine, MySQL, and no auth types). */
import { isArray } from "../../engine/violation.js";
import type { BaseContext, Profile, Violation } from "../../types.js";

export type RackspaceContext = BaseContext;

/** What callers pass; every key is optional. */
export interface RackspaceContextInput {
  readonly profile?: Profile;
}

const STRICT: RackspaceContext = Object.freeze({ profile: "strict" });
const SERVER: RackspaceContext = Object.freeze({ profile: "server" });
const PROFILES: readonly Profile[] = ["strict", "server"];

/** The shared frozen context of a profile (what `{ profile }` resolves to). */
export function rackspaceContext(profile: Profile): RackspaceContext {
  return profile === "server" ? SERVER : STRICT;
}

function read(input: object, key: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: (input as Record<string, unknown>)[key] };
  } catch {
    return { ok: false };
  }
}

function keysOf(input: object): string[] | undefined {
  try {
    return Object.keys(input);
  } catch {
    return undefined;
  }
}

function unreadable(path: string, rule: string): Violation {
  return { path, rule, message: `${path} could not be read; the strict profile is used`, params: {} };
}

/**
 * The context nearly every call passes — none, or a plain `{ profile }` with a valid value — read
 * cheaply; undefined sends anything else (or anything odd) to the full resolution.
 */
function quickContext(input: unknown): RackspaceContext | undefined {
  if (input === undefined) return STRICT;
  if (typeof input !== "object" || input === null || isArray(input)) return undefined;
  try {
    // The same keys the careful path reads: own, enumerable, strings.
    const keys = Object.keys(input);
    if (keys.length === 0) return STRICT;
    if (keys.length !== 1 || keys[0] !== "profile") return undefined;
    const profile = (input as RackspaceContextInput).profile;
    return profile === "strict" || profile === undefined ? STRICT : profile === "server" ? SERVER : undefined;
  } catch {
    return undefined;
  }
}

/** Fills defaults and reports bad keys; never throws. `undefined` returns the shared frozen default. */
export function resolveContext(input: unknown): {
  readonly ctx: RackspaceContext;
  readonly violations: Violation[];
} {
  const quick = quickContext(input);
  return quick !== undefined ? { ctx: quick, violations: [] } : resolveCarefully(input);
}

/** The full resolution, for any input (exported for the test that holds the quick path to it). */
export function resolveCarefully(input: unknown): {
  readonly ctx: RackspaceContext;
  readonly violations: Violation[];
} {
  if (input === undefined) return { ctx: STRICT, violations: [] };
  const violations: Violation[] = [];
  if (typeof input !== "object" || input === null || isArray(input)) {
    violations.push({
      path: "context",
      rule: "rackspace.context.type",
      message: 'context must be an object like { profile: "strict" }; the strict profile is used',
      params: { expected: "an object" },
    });
    return { ctx: STRICT, violations };
  }
  const keys = keysOf(input);
  if (keys === undefined) {
    violations.push(unreadable("context", "rackspace.context.type"));
    return { ctx: STRICT, violations };
  }
  let ctx = STRICT;
  for (const key of keys) {
    if (key !== "profile") {
      violations.push({
        path: `context.${key}`,
        rule: `rackspace.context.${key}`,
        message: `context.${key} is not a Rackspace context key; known: profile`,
        params: { key, known: ["profile"] },
      });
      continue;
    }
    const got = read(input, key);
    if (!got.ok) violations.push(unreadable("context.profile", "rackspace.context.profile"));
    else if (got.value === "server") ctx = SERVER;
    else if (got.value !== "strict" && got.value !== undefined)
      violations.push({
        path: "context.profile",
        rule: "rackspace.context.profile",
        message: `context.profile must be "strict" or "server"; the strict profile is used`,
        params: { allowed: PROFILES },
      });
  }
  return { ctx, violations };
}
