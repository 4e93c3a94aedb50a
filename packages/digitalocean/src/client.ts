/**
 * `createDigitalOceanClient`: one thin method per operation of DigitalOcean's database-users API.
 * openapi-fetch builds each request from the generated `paths` types; `@dbusers/core`'s transport
 * adds the token, the user agent, a deadline, the caller's AbortSignal and retries where a second
 * request is safe (GET, PUT, DELETE; never POST).
 */
import {
  assertSafeBaseUrl,
  assertSafePathSegment,
  buildUserAgent,
  createTransport,
  type FetchResult,
  type RetryOptions,
  Secret,
  type SecretValue,
  safePathSerializer,
} from "@dbusers/core";
import createClient from "openapi-fetch";
import type { paths } from "./generated/openapi.js";
import { encodePath } from "./path.js";
import { createKeyedQueue } from "./queue.js";
import { type Reader, readEmpty, readUser, readUsers } from "./response.js";
import type {
  AddUserRequest,
  CallOptions,
  DatabaseUser,
  ResetUserAuthRequest,
  UpdateUserRequest,
  WriteOptions,
} from "./types.js";
import { assertValid, type RequestOperation } from "./validate.js";
import { VERSION } from "./version.js";

export const DEFAULT_BASE_URL = "https://api.digitalocean.com";
/** `dbusers-digitalocean/<version> node/<version>`. */
export const DEFAULT_USER_AGENT: string = buildUserAgent({ name: "@dbusers/digitalocean", version: VERSION });

export interface DigitalOceanClientOptions {
  /** A DigitalOcean API token (scopes `database:read`, `database:create`, `database:update`, `database:delete`). */
  readonly token: string | Secret;
  /** Default `https://api.digitalocean.com`. Plain `http://` is refused unless it points at this machine. */
  readonly baseUrl?: string | URL;
  /** The fetch to send with. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** `false` turns retries off; an object tunes them (count, backoff, `onRetry`). POST is never retried. */
  readonly retry?: boolean | RetryOptions;
  /** Deadline per attempt, covering headers and body. Default 30 000 ms; 0 turns it off. */
  readonly timeoutMs?: number;
  /** Default `dbusers-digitalocean/<version> node/<version>`. */
  readonly userAgent?: string;
  /**
   * `false` skips the rules checks (names, settings, UUID cluster ids). Path safety stays on: a `.`
   * or `..` path parameter is always refused. Default true.
   */
  readonly validate?: boolean;
}

export interface DigitalOceanClient {
  /** The API root requests go to. */
  readonly baseUrl: string;
  /** Every user of the cluster, including the built-in `doadmin`. */
  listUsers(clusterId: string, options?: CallOptions): Promise<DatabaseUser[]>;
  /** One user. DigitalOcean leaves `settings` out of this answer. */
  getUser(clusterId: string, name: string, options?: CallOptions): Promise<DatabaseUser>;
  /** Creates a user; the server picks the password and returns it once. Never retried (POST). */
  addUser(clusterId: string, body: AddUserRequest, options?: WriteOptions): Promise<DatabaseUser>;
  /** Replaces the user's settings (only settings can change). Accepts 200 and 201. */
  updateUser(
    clusterId: string,
    name: string,
    body: UpdateUserRequest,
    options?: WriteOptions,
  ): Promise<DatabaseUser>;
  /** Removes the user. `doadmin` cannot be removed. */
  deleteUser(clusterId: string, name: string, options?: CallOptions): Promise<void>;
  /** Gives the user a new password; on MySQL, may also switch the auth plugin. Never retried (POST). */
  resetUserAuth(
    clusterId: string,
    name: string,
    body?: ResetUserAuthRequest,
    options?: WriteOptions,
  ): Promise<DatabaseUser>;
}

const USERS = "/v2/databases/{database_cluster_uuid}/users";
const USER = `${USERS}/{username}` as const;
const RESET_AUTH = `${USER}/reset_auth` as const;

type Method = "get" | "post" | "put" | "delete";
/** The path parameters the generated spec types declare for a route; never when it has no such route. */
type PathParamsOf<P extends string, M extends Method> = P extends keyof paths
  ? paths[P][M] extends { parameters: { path: infer Q } }
    ? Q
    : never
  : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Cluster = { database_cluster_uuid: string };
type ClusterUser = Cluster & { username: string };
/**
 * The one call path below sends untyped (method, path) pairs, so the routes are checked here against
 * the generated types instead: a regenerated spec that moves or drops a route, or renames its path
 * parameters, fails the typecheck. (Exported only so the compiler does not call it unused.)
 */
export type RoutesMatchSpec = [
  Same<PathParamsOf<typeof USERS, "get">, Cluster>,
  Same<PathParamsOf<typeof USERS, "post">, Cluster>,
  Same<PathParamsOf<typeof USER, "get">, ClusterUser>,
  Same<PathParamsOf<typeof USER, "put">, ClusterUser>,
  Same<PathParamsOf<typeof USER, "delete">, ClusterUser>,
  Same<PathParamsOf<typeof RESET_AUTH, "post">, ClusterUser>,
] extends true[]
  ? true
  : never;
const ROUTES_MATCH_SPEC: RoutesMatchSpec = true;

/** openapi-fetch's `request`, as every method here calls it (the methods' own signatures are the typed API). */
interface Api {
  request(method: string, path: string, init: object): Promise<FetchResult<string, unknown>>;
}

function tokenSecret(token: unknown): Secret {
  if (token instanceof Secret) return token;
  if (typeof token !== "string" || token.trim() === "") {
    throw new TypeError("createDigitalOceanClient: `token` must be a non-empty string or Secret");
  }
  return new Secret(token);
}

export function createDigitalOceanClient(options: DigitalOceanClientOptions): DigitalOceanClient {
  const token = tokenSecret(options.token);
  const secrets: readonly SecretValue[] = [token];
  const baseUrl = assertSafeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL).href.replace(/\/+$/, "");
  const validate = options.validate !== false;
  // Left out and `undefined` are the same to the transport.
  const transport = createTransport({
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    headers: { Authorization: new Secret(`Bearer ${token.reveal()}`) },
    secrets,
  });
  // Core's `safePathSerializer` refuses `.`/`..` path parameters (also percent-encoded) before the
  // request is built, so, validation on or off, no name can reach another resource; `encodePath`
  // then puts each parameter into one percent-encoded segment. `baseUrl` was checked above.
  const api = createClient<paths>({
    baseUrl,
    fetch: transport,
    pathSerializer: safePathSerializer(encodePath),
  }) as unknown as Api;
  const writes = createKeyedQueue();

  /**
   * One call: the rules checks, then the request (a write waits for the writes to the same cluster
   * ahead of it), then `read` turns the answer into a result or a typed error. Bodies are read as
   * text and parsed once, in response.ts: openapi-fetch's own JSON parsing would quote a malformed
   * body (which may hold a password) in its SyntaxError, and core's `jsonGuard`, which prevents
   * that, parses every body twice (about 40 µs of CPU a call).
   */
  async function call<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    read: Reader<T>,
    clusterId: string,
    name: string | undefined,
    callOptions: WriteOptions | undefined,
    operation?: RequestOperation,
    body?: unknown,
  ): Promise<T> {
    // Path parameters first, validation on or off: a non-string (an array, a boxed string, an object
    // whose `toString` says "..") or a dot segment would make the request reach another resource.
    assertSafePathSegment("database_cluster_uuid", clusterId);
    if (path !== USERS) assertSafePathSegment("username", name);
    const signal = callOptions?.signal;
    if (validate) assertValid(clusterId, operation, body, callOptions?.engine, secrets);
    const request = () =>
      api.request(method, path, {
        params: { path: { database_cluster_uuid: clusterId, username: name } },
        body,
        parseAs: "text",
        signal,
      });
    const result = await (method === "GET"
      ? request()
      : writes(String(clusterId).toLowerCase(), request, signal));
    return read(result, method, secrets);
  }

  return {
    baseUrl,
    listUsers: (clusterId, callOptions) => call("GET", USERS, readUsers, clusterId, undefined, callOptions),
    getUser: (clusterId, name, callOptions) => call("GET", USER, readUser, clusterId, name, callOptions),
    addUser: (clusterId, body, callOptions) =>
      call("POST", USERS, readUser, clusterId, undefined, callOptions, "addUser", body),
    updateUser: (clusterId, name, body, callOptions) =>
      call("PUT", USER, readUser, clusterId, name, callOptions, "updateUser", body),
    deleteUser: (clusterId, name, callOptions) =>
      call("DELETE", USER, readEmpty, clusterId, name, callOptions),
    resetUserAuth: (clusterId, name, body = {}, callOptions) =>
      call("POST", RESET_AUTH, readUser, clusterId, name, callOptions, "resetUserAuth", body),
  };
}
