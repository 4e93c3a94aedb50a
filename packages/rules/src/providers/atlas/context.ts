/**
 * The Atlas validation context: profile, the user's authentication method (which decides the
 * username format, the auth database and whether a password is allowed) and the clock the
 * `deleteAfterDate` window is measured against.
 */
import { isArray } from "../../engine/violation.js";
import type { BaseContext, Profile, Violation } from "../../types.js";

/** One value per row of the SPEC `username` table (plus SCRAM, all four type fields `NONE`). */
export const ATLAS_AUTH_TYPES = [
  "SCRAM",
  "AWS_IAM_USER",
  "AWS_IAM_ROLE",
  "X509_MANAGED",
  "X509_CUSTOMER",
  "LDAP_USER",
  "LDAP_GROUP",
  "OIDC_WORKFORCE",
  "OIDC_WORKLOAD",
] as const;

export type AtlasAuthType = (typeof ATLAS_AUTH_TYPES)[number];

export interface AtlasContext extends BaseContext {
  readonly authType: AtlasAuthType;
  /** The instant `deleteAfterDate` is compared with; absent: the clock, read when a date rule runs. */
  readonly now?: Date;
}

export interface AtlasContextInput {
  readonly profile?: Profile;
  readonly authType?: AtlasAuthType;
  readonly now?: Date;
}

const PROFILES: readonly string[] = ["strict", "server"];

// Frozen contexts for every (profile, authType) pair without a fixed clock: the common inputs
// (`undefined`, `{ profile }`, `{ authType }`, and every derived request context) allocate nothing.
const CACHE = new Map<string, AtlasContext>();
for (const profile of PROFILES as Profile[]) {
  for (const authType of ATLAS_AUTH_TYPES)
    CACHE.set(`${profile}/${authType}`, Object.freeze({ profile, authType }));
}

/** The context a caller gets with no input: strict, SCRAM, the clock. */
export const DEFAULT_ATLAS_CONTEXT: AtlasContext = CACHE.get("strict/SCRAM")!;

/** The same context with another profile, auth type or clock; cached when there is no fixed clock. */
export function atlasContext(profile: Profile, authType: AtlasAuthType, now?: Date): AtlasContext {
  if (now === undefined) return CACHE.get(`${profile}/${authType}`)!;
  return Object.freeze({ profile, authType, now });
}

function bad(key: string, message: string, params: Record<string, unknown>): Violation {
  return { path: `context.${key}`, rule: `atlas.context.${key}`, message, params };
}

/** The time of a real, valid Date (also from another realm), or `undefined`. Never throws. */
function dateTime(value: unknown): number | undefined {
  // getTime throws a TypeError for anything but a real Date (primitives, Proxies, look-alikes).
  try {
    const t = Date.prototype.getTime.call(value);
    return Number.isNaN(t) ? undefined : t;
  } catch {
    return undefined;
  }
}

const KNOWN = ["profile", "authType", "now"];

/** Fills defaults and reports bad keys (the default is used for each bad key). Never throws. */
export function resolveAtlasContext(input: unknown): { ctx: AtlasContext; violations: Violation[] } {
  const violations: Violation[] = [];
  if (input === undefined) return { ctx: DEFAULT_ATLAS_CONTEXT, violations };
  if (typeof input !== "object" || input === null || isArray(input)) {
    violations.push({
      path: "context",
      rule: "atlas.context.type",
      message: "the Atlas context must be an object such as { profile, authType, now }",
      params: { expected: "object" },
    });
    return { ctx: DEFAULT_ATLAS_CONTEXT, violations };
  }
  let keys: string[];
  try {
    keys = Object.keys(input);
  } catch {
    violations.push({
      path: "context",
      rule: "atlas.context.unreadable",
      message: "the Atlas context could not be read; the defaults were used",
      params: {},
    });
    return { ctx: DEFAULT_ATLAS_CONTEXT, violations };
  }
  // A key whose getter throws is reported and counts as absent.
  const read = (key: string): unknown => {
    try {
      return (input as Record<string, unknown>)[key];
    } catch {
      violations.push(bad(key, `context.${key} could not be read; the default was used`, {}));
      return undefined;
    }
  };
  let profile: Profile = "strict";
  const p = read("profile");
  if (p !== undefined) {
    if (PROFILES.includes(p as string)) profile = p as Profile;
    else
      violations.push(bad("profile", 'context.profile must be "strict" or "server"', { allowed: PROFILES }));
  }
  let authType: AtlasAuthType = "SCRAM";
  const a = read("authType");
  if (a !== undefined) {
    if ((ATLAS_AUTH_TYPES as readonly unknown[]).includes(a)) authType = a as AtlasAuthType;
    else
      violations.push(
        bad("authType", `context.authType must be one of ${ATLAS_AUTH_TYPES.join(", ")}`, {
          allowed: ATLAS_AUTH_TYPES,
        }),
      );
  }
  let now: Date | undefined;
  const n = read("now");
  if (n !== undefined) {
    const t = dateTime(n);
    // A copy, so that changing the caller's Date later cannot change a frozen context.
    if (t !== undefined) now = new Date(t);
    else
      violations.push(
        bad("now", "context.now must be a valid Date; the clock was used", { expected: "Date" }),
      );
  }
  for (const key of keys) {
    if (KNOWN.includes(key)) continue;
    violations.push({
      path: `context.${key}`,
      rule: "atlas.context.unknownKey",
      message: `context.${key} is not an Atlas context key; known: ${KNOWN.join(", ")}`,
      params: { key, known: KNOWN },
    });
  }
  return { ctx: atlasContext(profile, authType, now), violations };
}

/** The instant date rules compare with: the fixed clock, or now. */
export function nowOf(ctx: AtlasContext): number {
  return ctx.now === undefined ? Date.now() : ctx.now.getTime();
}
