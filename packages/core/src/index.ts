export {
  type AuthContext,
  type AuthRequest,
  type AuthStrategy,
  type HeaderAuthOptions,
  headerAuth,
  type SendRequest,
} from "./auth.js";
export { assertSafeBaseUrl, assertSafeUrl, isLoopbackHost } from "./base-url.js";
export {
  type BaseClientOptions,
  createBaseClient,
  type FetchResult,
  jsonGuard,
  safePathSerializer,
  unwrap,
} from "./client.js";
export {
  ApiError,
  type ApiErrorInit,
  DbUsersError,
  type DbUsersErrorJSON,
  type DbUsersErrorOptions,
  ValidationError,
  type Violation,
} from "./errors.js";
export { jsonBody } from "./json-body.js";
export { type CredentialOptions, checkNumber, checkSignal, credentialFrom } from "./options.js";
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
export { assertSafePathSegment, encodePathSegment } from "./path.js";
export { isSecretKey, type RedactOptions, redact, redactText, redactUrl } from "./redact.js";
export {
  AbortedError,
  type AbortedErrorInit,
  InvalidOptionError,
  type InvalidOptionErrorInit,
  InvalidPathParameterError,
  type InvalidPathParameterErrorInit,
  NetworkError,
  type NetworkErrorInit,
  PagingError,
  type PagingErrorInit,
  type PathParameterRule,
  RedirectError,
  type RedirectErrorInit,
  type RequestTarget,
  ResponseParseError,
  type ResponseParseErrorInit,
  ResponseTooLargeError,
  type ResponseTooLargeErrorInit,
  TimeoutError,
  type TimeoutErrorInit,
  UnsafeUrlError,
  type UnsafeUrlErrorInit,
  type UnsafeUrlRule,
} from "./request-errors.js";
export { parseError, readJsonBody, requestIdOf, statusIsRetryable } from "./response.js";
export {
  backoffDelay,
  type HeaderReader,
  isConnectionError,
  isRetryableStatus,
  type ParseRetryAfterOptions,
  parseRetryAfter,
  RETRYABLE_METHODS,
  RETRYABLE_STATUSES,
  type RetryInfo,
  type RetryOptions,
  sleep,
} from "./retry.js";
export { REDACTED, Secret, type SecretValue, secret } from "./secret.js";
export { type CallInfo, callInfoOf, DEFAULT_MAX_RESPONSE_BYTES } from "./send.js";
export {
  createTokenCache,
  type Token,
  type TokenAuth,
  type TokenAuthOptions,
  type TokenCache,
  type TokenCacheOptions,
  tokenAuth,
} from "./token-cache.js";
export {
  createTransport,
  type HeaderSupplier,
  type HeaderValues,
  type TransportOptions,
} from "./transport.js";
export { buildUserAgent, type UserAgentProduct } from "./user-agent.js";
export {
  type CallResult,
  createVendorClient,
  type VendorClient,
  type VendorClientOptions,
} from "./vendor-client.js";
