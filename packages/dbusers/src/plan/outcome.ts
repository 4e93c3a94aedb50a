/** Whether a failed write may still have happened (so it must be checked before trying again). */
import { DbUsersError } from "@dbusers/core";

const UNSURE_CODES = new Set(["NETWORK_ERROR", "TIMEOUT", "INVALID_RESPONSE"]);

/**
 * A dropped connection, a deadline, a damaged answer or a 5xx: the server may have done the write.
 * A 4xx means it refused, and anything thrown before sending (rules, path checks) never left.
 */
export function mayHaveHappened(error: unknown): boolean {
  if (!(error instanceof DbUsersError)) return false;
  if (UNSURE_CODES.has(error.code)) return true;
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" && status >= 500;
}

/** A 404 on a read: the user is not there. */
export function isNotFound(error: unknown): boolean {
  return error instanceof DbUsersError && (error as { status?: unknown }).status === 404;
}
