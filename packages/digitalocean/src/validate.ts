/**
 * Input checks before any byte is sent, with `@dbusers/rules` in the strict profile: only what both
 * DigitalOcean's documentation and its server accept. Only the DigitalOcean validate-only subpath is
 * imported, so no other vendor's rules, and none of the rule prose, end up in a bundle. Path safety
 * is not here: the client checks path parameters before anything else, validation on or off
 * (docs/vendors/digitalocean.md §13).
 */
import { InvalidOptionError, type SecretValue, ValidationError, type Violation } from "@dbusers/core";
import { supportsUserManagement, validateRequest } from "@dbusers/rules/digitalocean/validate";
import type { DatabaseEngine } from "./types.js";

/** The request shapes the rules know, by the client method that sends them. */
export type RequestOperation = "addUser" | "updateUser" | "resetUserAuth";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STRICT = Object.freeze({ profile: "strict" as const });

/**
 * The rules' verdict on a body. A body that cannot even be read (a revoked Proxy, a throwing getter)
 * makes the rules throw: that is a typed error naming the body, not a crash.
 */
function checkBody(operation: RequestOperation, body: unknown, engine: DatabaseEngine | undefined) {
  try {
    return validateRequest(operation, body, engine === undefined ? STRICT : { ...STRICT, engine });
  } catch (error) {
    throw new InvalidOptionError({
      option: "body",
      rule: "unreadable",
      message: "Request body cannot be read (a getter or a revoked Proxy threw)",
      cause: error,
    });
  }
}

/**
 * Throws `ValidationError` listing every broken rule; returns when the call may be sent. Without an
 * `operation` only the cluster id is checked; without an `engine`, the engine-specific rules are
 * skipped by the rules themselves, never guessed.
 */
export function assertValid(
  clusterId: unknown,
  operation: RequestOperation | undefined,
  body: unknown,
  engine: DatabaseEngine | undefined,
  secrets: readonly SecretValue[],
): void {
  const violations: Violation[] = [];
  if (typeof clusterId !== "string" || !UUID.test(clusterId)) {
    // `database_cluster_uuid` is `format: uuid` in the spec (docs/vendors/digitalocean.md §13). The value is not echoed, only its type and length.
    const got =
      typeof clusterId === "string"
        ? `a string of ${clusterId.length} characters`
        : clusterId === null
          ? "null"
          : Array.isArray(clusterId)
            ? "an array"
            : `a value of type ${typeof clusterId}`;
    violations.push({
      path: "clusterId",
      rule: "digitalocean.clusterId.uuid",
      message: `cluster id must be a UUID such as 3b1f9d2e-6c4a-4e8b-9f0d-2a7c5e1b8d43, but got ${got}`,
      params: { format: "uuid" },
    });
  }
  if (operation !== undefined) {
    violations.push(...checkBody(operation, body, engine));
    // The rules gate Caching/Valkey on the user name, which only addUser's body carries.
    if (engine !== undefined && operation !== "addUser" && !supportsUserManagement(engine)) {
      violations.push({
        path: "engine",
        rule: "digitalocean.engine.userManagement",
        // docs/vendors/digitalocean.md §14
        message: `${engine} clusters have no user management on DigitalOcean (the real server answers 500, not 4xx)`,
        params: { engine },
      });
    }
  }
  if (violations.length > 0) throw new ValidationError(violations, { secrets });
}
