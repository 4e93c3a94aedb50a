export { assertSafeBaseUrl, isLoopbackHost } from "./base-url.js";
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
export { assertSafePathSegment, encodePathSegment } from "./path.js";
export { isSecretKey, type RedactOptions, redact, redactText, redactUrl } from "./redact.js";
export {
  AbortedError,
  type AbortedErrorInit,
  InvalidPathParameterError,
  type InvalidPathParameterErrorInit,
  NetworkError,
  type NetworkErrorInit,
  type PathParameterRule,
  type RequestTarget,
  ResponseParseError,
  type ResponseParseErrorInit,
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
export {
  createTransport,
  type HeaderSupplier,
  type HeaderValues,
  type TransportOptions,
} from "./transport.js";
export { buildUserAgent, type UserAgentProduct } from "./user-agent.js";
