/**
 * `createDigitalOceanClient`: one thin method per operation of DigitalOcean's database-users API.
 * openapi-fetch builds each request from the generated `paths` types; `@dbusers/core`'s transport
 * adds the token, the user agent, a deadline, the caller's AbortSignal and retries where a second
 * request is safe (GET, PUT, DELETE; never POST).
 */
import {
  assertSafeBaseUrl,
  buildUserAgent,
  createTransport,
  type RetryOptions,
  Secret,
  type SecretValue,
  safePathSerializer,
} from "@dbusers/core";
import createClient from "openapi-fetch";
import type { paths } from "./generated/openapi.js";
import { encodePath } from "./path.js";
import { createKeyedQueue } from "./queue.js";
import { type Exchange, readEmpty, readUser, readUsers } from "./response.js";
import type {
  AddUserRequest,
  CallOptions,
  DatabaseUser,
  ResetUserAuthRequest,
  UpdateUserRequest,
  WriteOptions,
} from "./types.js";
import { assertValid } from "./validate.js";
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
const USER = "/v2/databases/{database_cluster_uuid}/users/{username}";
const RESET_AUTH = "/v2/databases/{database_cluster_uuid}/users/{username}/reset_auth";

/**
 * Bodies are read as text and parsed once, in response.ts, into typed results or typed errors.
 * With `json`, core's `jsonGuard` reads, parses and re-wraps every body before openapi-fetch parses
 * it again: about 40 µs of CPU a call, which nearly doubled what the client adds to a bare fetch.
 * So every call reads text, and the client is built from core's pieces without `jsonGuard` (which
 * does nothing for text), which keeps it and its JSON error path out of bundles.
 */
const TEXT = "text" as const;

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
  const transport = createTransport({
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
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
  });
  const exchange = (method: string): Exchange => ({ method, secrets });
  const writes = createKeyedQueue();
  const cluster = (clusterId: string) => String(clusterId).toLowerCase();
  const signalOf = (callOptions: CallOptions | undefined) =>
    callOptions?.signal === undefined ? {} : { signal: callOptions.signal };

  return {
    baseUrl,

    async listUsers(clusterId, callOptions) {
      if (validate) assertValid({ clusterId, secrets });
      const result = await api.GET(USERS, {
        params: { path: { database_cluster_uuid: clusterId } },
        parseAs: TEXT,
        ...signalOf(callOptions),
      });
      return readUsers(result, exchange("GET"));
    },

    async getUser(clusterId, name, callOptions) {
      if (validate) assertValid({ clusterId, secrets });
      const result = await api.GET(USER, {
        params: { path: { database_cluster_uuid: clusterId, username: name } },
        parseAs: TEXT,
        ...signalOf(callOptions),
      });
      return readUser(result, exchange("GET"));
    },

    async addUser(clusterId, body, callOptions) {
      if (validate)
        assertValid({ clusterId, operation: "addUser", body, engine: callOptions?.engine, secrets });
      const result = await writes(
        cluster(clusterId),
        () =>
          api.POST(USERS, {
            params: { path: { database_cluster_uuid: clusterId } },
            body,
            parseAs: TEXT,
            ...signalOf(callOptions),
          }),
        callOptions?.signal,
      );
      return readUser(result, exchange("POST"));
    },

    async updateUser(clusterId, name, body, callOptions) {
      if (validate)
        assertValid({ clusterId, operation: "updateUser", body, engine: callOptions?.engine, secrets });
      const result = await writes(
        cluster(clusterId),
        () =>
          api.PUT(USER, {
            params: { path: { database_cluster_uuid: clusterId, username: name } },
            body,
            parseAs: TEXT,
            ...signalOf(callOptions),
          }),
        callOptions?.signal,
      );
      return readUser(result, exchange("PUT"));
    },

    async deleteUser(clusterId, name, callOptions) {
      if (validate) assertValid({ clusterId, secrets });
      const result = await writes(
        cluster(clusterId),
        () =>
          api.DELETE(USER, {
            params: { path: { database_cluster_uuid: clusterId, username: name } },
            parseAs: TEXT,
            ...signalOf(callOptions),
          }),
        callOptions?.signal,
      );
      readEmpty(result, exchange("DELETE"));
    },

    async resetUserAuth(clusterId, name, body = {}, callOptions) {
      const engine = callOptions?.engine;
      if (validate) assertValid({ clusterId, operation: "resetUserAuth", body, engine, secrets });
      const result = await writes(
        cluster(clusterId),
        () =>
          api.POST(RESET_AUTH, {
            params: { path: { database_cluster_uuid: clusterId, username: name } },
            body,
            parseAs: TEXT,
            ...signalOf(callOptions),
          }),
        callOptions?.signal,
      );
      return readUser(result, exchange("POST"));
    },
  };
}
