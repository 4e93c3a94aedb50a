/** Errors of the command line itself: bad usage and missing configuration (exit code 2). */
import { DbUsersError } from "@dbusers/core";

export class UsageError extends DbUsersError {
  override name = "UsageError";

  constructor(message: string) {
    super("USAGE", message);
  }
}

/** No credentials for a vendor in the environment (or its config files). */
export class MissingCredentialsError extends DbUsersError {
  override name = "MissingCredentialsError";

  constructor(message: string) {
    super("MISSING_CREDENTIALS", message);
  }
}

/** Codes that mean the input was refused before anything was sent: exit code 2. */
export const INVALID_INPUT_CODES: ReadonlySet<string> = new Set([
  "USAGE",
  "MISSING_CREDENTIALS",
  "VALIDATION_FAILED",
  "INVALID_PATH_PARAMETER",
  "UNSAFE_URL",
  "UNSUPPORTED",
  "BUILT_IN_USER",
  "INVALID_TARGET",
  "VENDOR_UNAVAILABLE",
  "AMBIGUOUS_USER",
]);
