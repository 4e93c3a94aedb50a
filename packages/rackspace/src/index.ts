/**
 * @dbusers/rackspace — a typed client for the database users of Rackspace Cloud Databases and any
 * OpenStack Trove v1.0 cloud. Inputs are checked with `@dbusers/rules/rackspace` (strict profile)
 * before anything is sent.
 */

// The errors a call can throw come from @dbusers/core; re-exported so one import is enough.
export {
  AbortedError,
  ApiError,
  DbUsersError,
  InvalidOptionError,
  InvalidPathParameterError,
  NetworkError,
  PagingError,
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
export type { EndpointInterface } from "./catalog.js";
export { DEFAULT_USER_AGENT, type RackspaceClientOptions } from "./client.js";
export {
  RackspaceApiError,
  RackspaceAuthError,
  RackspaceEndpointError,
  type RackspaceErrorCode,
  RackspaceWaitError,
} from "./errors.js";
export { RACKSPACE_IDENTITY_URL } from "./identity.js";
export type { RackspaceAuth } from "./options.js";
export { createRackspaceClient, type RackspaceClient } from "./rackspace.js";
export type {
  CallOptions,
  Database,
  DatabaseName,
  DatabaseRef,
  NewDatabase,
  NewUser,
  PasswordChange,
  RackspaceFaultBody,
  RootCredentials,
  User,
  UserChanges,
  WaitOptions,
  WriteOptions,
} from "./types.js";
export { VERSION } from "./version.js";
