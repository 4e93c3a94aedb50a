/**
 * `createDigitalOceanClient`: one thin method per operation of DigitalOcean's database-users API, on
 * core's vendor-client template. Each method checks its path parameters, then (unless `validate` is
 * off) the rules, then makes a typed openapi-fetch call, so a route the regenerated spec renames or
 * drops fails the typecheck. Vendor facts: docs/vendors/digitalocean.md.
 */
import {
  assertSafePathSegment,
  buildUserAgent,
  checkSignal,
  createVendorClient,
  credentialFrom,
  headerAuth,
  type RetryOptions,
  type Secret,
} from "@dbusers/core";
import { DigitalOceanApiError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { createKeyedQueue } from "./queue.js";
import { type Reader, readUser, readUsers } from "./response.js";
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
  /**
   * A DigitalOcean API token (scopes `database:read`, `database:create`, `database:update`,
   * `database:delete`). Left out: `DIGITALOCEAN_TOKEN`, then `DIGITALOCEAN_ACCESS_TOKEN`
   * (docs/vendors/digitalocean.md §9).
   */
  readonly token?: string | Secret;
  /** Default `https://api.digitalocean.com`. Plain `http://` is refused unless it points at this machine. */
  readonly baseUrl?: string | URL;
  /** The fetch to send with. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** `false` turns retries off; an object tunes them (count, backoff, `onRetry`). POST is never retried. */
  readonly retry?: boolean | RetryOptions;
  /** Deadline per attempt, covering headers and body. Default 30 000 ms; 0 turns it off. */
  readonly timeoutMs?: number;
  /** Largest answer read. Default 16 MiB. */
  readonly maxResponseBytes?: number;
  /** Default `dbusers-digitalocean/<version> node/<version>`. */
  readonly userAgent?: string;
  /**
   * `false` skips the rules checks (names, settings, UUID cluster ids). Path safety stays on: a
   * path parameter that is not a non-empty string, or is a `.`/`..` segment, is always refused. Default true.
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
// The spec's statuses, plus the 200s clients commonly see where it says 201 (docs/vendors/digitalocean.md §12).
const OK = [200] as const;
const CREATED = [200, 201] as const;
const NO_CONTENT = [204] as const;
/** The routes without `{username}`: `prepare` then checks the cluster id alone. */
const NO_NAME = Symbol("no user name in the path");

export function createDigitalOceanClient(options: DigitalOceanClientOptions = {}): DigitalOceanClient {
  const token = credentialFrom({
    option: "token",
    value: options.token,
    env: ["DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"],
    where: "createDigitalOceanClient",
  });
  const api = createVendorClient<paths>({
    vendor: "DigitalOcean",
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    auth: headerAuth(token),
    toError: (response, body, call) =>
      new DigitalOceanApiError({ ...call, status: response.status, body, headers: response.headers }),
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    // `ratelimit-reset` is on every answer; on a 429 it says when to try again (docs/vendors/digitalocean.md §10).
    rateLimitReset: true,
  });
  const secrets = [token];
  const validate = options.validate !== false;
  // One write at a time per cluster (docs/vendors/digitalocean.md §15).
  const writes = createKeyedQueue();

  /**
   * What every method does first, in this order: the path parameters (always: a non-string or a dot
   * segment would reach another resource, docs/vendors/digitalocean.md §13), the signal, then the rules.
   */
  function prepare(
    clusterId: unknown,
    name: unknown,
    callOptions: WriteOptions | undefined,
    operation?: RequestOperation,
    body?: unknown,
  ) {
    const database_cluster_uuid = assertSafePathSegment("database_cluster_uuid", clusterId);
    const username = name === NO_NAME ? "" : assertSafePathSegment("username", name);
    const signal = checkSignal(callOptions?.signal);
    if (validate) assertValid(clusterId, operation, body, callOptions?.engine, secrets);
    return { path: { database_cluster_uuid, username }, signal };
  }

  /** A write waits for the writes to the same cluster ahead of it; a read goes at once. */
  const write = <T>(clusterId: string, task: () => Promise<T>, signal: AbortSignal | undefined) =>
    writes(clusterId.toLowerCase(), task, signal);

  async function read<T>(
    method: string,
    call: Promise<{ data?: unknown; response: Response }>,
    expected: readonly number[],
    reader: Reader<T>,
  ): Promise<T> {
    return reader(await api.result(call, expected), method, (await call).response);
  }

  return {
    get baseUrl() {
      return api.baseUrl ?? DEFAULT_BASE_URL;
    },
    async listUsers(clusterId, callOptions) {
      const { path, signal } = prepare(clusterId, NO_NAME, callOptions);
      return read("GET", api.GET(USERS, { params: { path }, signal }), OK, readUsers);
    },
    async getUser(clusterId, name, callOptions) {
      const { path, signal } = prepare(clusterId, name, callOptions);
      return read("GET", api.GET(USER, { params: { path }, signal }), OK, readUser);
    },
    async addUser(clusterId, body, callOptions) {
      const { path, signal } = prepare(clusterId, NO_NAME, callOptions, "addUser", body);
      return write(
        path.database_cluster_uuid,
        () => read("POST", api.POST(USERS, { params: { path }, body, signal }), CREATED, readUser),
        signal,
      );
    },
    async updateUser(clusterId, name, body, callOptions) {
      const { path, signal } = prepare(clusterId, name, callOptions, "updateUser", body);
      return write(
        path.database_cluster_uuid,
        () => read("PUT", api.PUT(USER, { params: { path }, body, signal }), CREATED, readUser),
        signal,
      );
    },
    async deleteUser(clusterId, name, callOptions) {
      const { path, signal } = prepare(clusterId, name, callOptions);
      await write(
        path.database_cluster_uuid,
        () => api.result(api.DELETE(USER, { params: { path }, signal }), NO_CONTENT),
        signal,
      );
    },
    async resetUserAuth(clusterId, name, body = {}, callOptions) {
      const { path, signal } = prepare(clusterId, name, callOptions, "resetUserAuth", body);
      return write(
        path.database_cluster_uuid,
        () => read("POST", api.POST(RESET_AUTH, { params: { path }, body, signal }), CREATED, readUser),
        signal,
      );
    },
  };
}
