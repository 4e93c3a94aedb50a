export {
  type AuthContext,
  type AuthRequest,
  type AuthStrategy,
  type HeaderAuthOptions,
  headerAuth,
  type SendRequest,
} from "./auth.js";
export { type CallInfo, callInfoOf } from "./call-info.js";
export {
  ApiError,
  type ApiErrorInit,
  DbUsersError,
  type DbUsersErrorJSON,
  type DbUsersErrorOptions,
  ValidationError,
  type VendorApiErrorInit,
  type Violation,
} from "./errors.js";
export { type CredentialOptions, checkSignal, credentialFrom } from "./options.js";
export {
  type MarkerCursor,
  type MarkerOptions,
  markers,
  type PageNumber,
  type PageNumberOptions,
  type PaginateOptions,
  type PagingStrategy,
  pageNumbers,
  paginate,
} from "./paginate.js";
export { assertSafePathSegment } from "./path.js";
export { type RedactOptions, redact, redactText } from "./redact.js";
export {
  AbortedError,
  InvalidOptionError,
  InvalidPathParameterError,
  NetworkError,
  PagingError,
  type PathParameterRule,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UnsafeUrlError,
  type UnsafeUrlRule,
} from "./request-errors.js";
export {
  isRetryableStatus,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  type RetryInfo,
  type RetryOptions,
  sleep,
} from "./retry.js";
export { REDACTED, Secret, type SecretValue, secret } from "./secret.js";
export {
  type Token,
  type TokenAuth,
  type TokenAuthOptions,
  type TokenCacheOptions,
  tokenAuth,
} from "./token-cache.js";
export { buildUserAgent, type UserAgentProduct } from "./user-agent.js";
export {
  type CallResult,
  createVendorClient,
  type VendorClient,
  type VendorClientOptions,
} from "./vendor-client.js";
