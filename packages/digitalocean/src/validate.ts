/**
 * Input checks before any byte is sent, with `@dbusers/rules` in the strict profile: only what both
 * DigitalOcean's documentation and its server accept. Only the DigitalOcean validate-only subpath is
 * imported, so no other vendor's rules, and none of the rule prose, end up in a bundle. Path safety
 * (no `.`/`..` segments) is not here: core's path serializer applies it to every call, validation
 * on or off.
 */
import { type SecretValue, ValidationError, type Violation } from "@dbusers/core";
import { supportsUserManagement, validateRequest } from "@dbusers/rules/digitalocean/validate";
import type { DatabaseEngine } from "./types.js";

/** The request shapes the rules know, by the client method that sends them. */
export type RequestOperation = "addUser" | "updateUser" | "resetUserAuth";

export interface Check {
  readonly clusterId: unknown;
  readonly operation?: RequestOperation;
  readonly body?: unknown;
  /** Without an engine, the engine-specific rules are skipped by the rules themselves, never guessed. */
  readonly engine?: DatabaseEngine | undefined;
  readonly secrets: readonly SecretValue[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STRICT = Object.freeze({ profile: "strict" as const });

/** Throws `ValidationError` listing every broken rule; returns when the call may be sent. */
export function assertValid(check: Check): void {
  const violations: Violation[] = [];
  if (typeof check.clusterId !== "string" || !UUID.test(check.clusterId)) {
    violations.push(clusterIdViolation(check.clusterId));
  }
  if (check.operation !== undefined) {
    const { engine } = check;
    violations.push(
      ...validateRequest(check.operation, check.body, engine === undefined ? STRICT : { ...STRICT, engine }),
    );
    // The rules gate Caching/Valkey on the user name, which only addUser's body carries.
    if (engine !== undefined && check.operation !== "addUser" && !supportsUserManagement(engine)) {
      violations.push(unsupportedEngine(engine));
    }
  }
  if (violations.length > 0) throw new ValidationError(violations, { secrets: check.secrets });
}

/** `database_cluster_uuid` is `format: uuid` in the spec. The value is not echoed, only its type and length. */
function clusterIdViolation(clusterId: unknown): Violation {
  let got = `a value of type ${typeof clusterId}`;
  if (typeof clusterId === "string") got = `a string of ${clusterId.length} characters`;
  else if (clusterId === null) got = "null";
  else if (Array.isArray(clusterId)) got = "an array";
  return {
    path: "clusterId",
    rule: "digitalocean.clusterId.uuid",
    message: `cluster id must be a UUID such as 3b1f9d2e-6c4a-4e8b-9f0d-2a7c5e1b8d43, but got ${got}`,
    params: { format: "uuid" },
  };
}

function unsupportedEngine(engine: DatabaseEngine): Violation {
  return {
    path: "engine",
    rule: "digitalocean.engine.userManagement",
    message: `${engine} clusters have no user management on DigitalOcean (the real server answers 500, not 4xx)`,
    params: { engine },
  };
}
