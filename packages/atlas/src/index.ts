/**
 * @dbusers/atlas — a typed client for MongoDB Atlas database users (Administration API v2), for
 * every auth type, with API keys (HTTP Digest) or a service account (OAuth 2.0). Inputs are checked
 * with `@dbusers/rules/atlas` (strict profile) before anything is sent.
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
export { ATLAS_ENV } from "./auth.js";
export {
  ATLAS_MEDIA_TYPE,
  type AtlasAuth,
  type AtlasClient,
  type AtlasClientOptions,
  createAtlasClient,
  DEFAULT_BASE_URL,
  DEFAULT_USER_AGENT,
} from "./client.js";
export {
  AtlasApiError,
  type AtlasErrorCode,
  type AtlasFieldViolation,
  isAtlasErrorCode,
  USER_NOT_FOUND_CODES,
} from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type {
  AtlasAuthType,
  AuthDatabase,
  CallOptions,
  ComponentLabel,
  CreateUserRequest,
  DatabaseUser,
  DatabaseUserRole,
  ListOptions,
  PageOptions,
  UpdateUserRequest,
  UserScope,
  UsersPage,
} from "./types.js";
export { VERSION } from "./version.js";
