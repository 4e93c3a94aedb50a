/**
 * @dbusers/digitalocean — a typed client for the users of DigitalOcean Managed Databases clusters.
 * Inputs are checked with `@dbusers/rules/digitalocean` (strict profile) before anything is sent.
 */

// The errors a call can throw come from @dbusers/core; re-exported so one import is enough.
export {
  AbortedError,
  ApiError,
  DbUsersError,
  InvalidOptionError,
  InvalidPathParameterError,
  NetworkError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  type RetryInfo,
  type RetryOptions,
  Secret,
  TimeoutError,
  UnsafeUrlError,
  ValidationError,
  type Violation,
} from "@dbusers/core";
export {
  createDigitalOceanClient,
  DEFAULT_BASE_URL,
  DEFAULT_USER_AGENT,
  type DigitalOceanClient,
  type DigitalOceanClientOptions,
} from "./client.js";
export { DigitalOceanApiError, type DigitalOceanErrorCode } from "./errors.js";
export type {
  AddUserRequest,
  CallOptions,
  DatabaseEngine,
  DatabaseUser,
  DatabaseUserRole,
  DigitalOceanErrorBody,
  KafkaAcl,
  MongoUserSettings,
  MySqlAuthPlugin,
  MySqlSettings,
  OpenSearchAcl,
  ResetUserAuthRequest,
  UpdateUserRequest,
  UserSettings,
  WriteOptions,
} from "./types.js";
export { VERSION } from "./version.js";
