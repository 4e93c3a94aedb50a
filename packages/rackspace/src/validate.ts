/**
 * Input checks before any byte is sent, with `@dbusers/rules/rackspace` in the strict profile. They
 * matter most here: newer Trove answers 202 to names its MySQL checks refuse and then drops them
 * without a word (docs/vendors/rackspace.md §1.1). Path safety is not here: the path serializer
 * applies it to every call, validation on or off. The rules entry is loaded on the first check, so a
 * process that only lists (the CLI's `users list`) never pays for it.
 */
import { type SecretValue, ValidationError, type Violation } from "@dbusers/core";

let loading: Promise<typeof import("./strict-rules.js")> | undefined;

const validators = () => (loading ??= import("./strict-rules.js"));

export type RequestOperation =
  | "createUsers"
  | "changePasswords"
  | "modifyUser"
  | "grantAccess"
  | "createDatabases";

/** Throws `ValidationError` listing every broken rule of the request body. */
export async function assertValidRequest(
  operation: RequestOperation,
  body: unknown,
  secrets: readonly SecretValue[],
): Promise<void> {
  const { strict } = await validators();
  const violations = strict.validateRequest(operation, body);
  if (violations.length > 0) throw new ValidationError(violations as Violation[], { secrets });
}

/**
 * The name and host in a path, held to the server's rules only (server profile): users that exist
 * with names the documentation does not list stay reachable, but a name the server could never
 * have (too long, a forbidden character) is refused before the call.
 */
export async function assertValidAddress(name: unknown, host: unknown): Promise<void> {
  const { server } = await validators();
  const violations = [
    ...server.validateField("userName", name).map((v) => ({ ...v, path: "name" })),
    ...(host === undefined ? [] : server.validateField("host", host).map((v) => ({ ...v, path: "host" }))),
  ];
  if (violations.length > 0) throw new ValidationError(violations);
}

/** A database name in a path (revoke, delete), held to the server's rules. */
export async function assertValidDatabase(name: unknown): Promise<void> {
  const { server } = await validators();
  const violations = server.validateField("databaseName", name).map((v) => ({
    ...v,
    path: "database",
  }));
  if (violations.length > 0) throw new ValidationError(violations);
}
