/**
 * `createAtlasClient`: one thin method per database-user operation of the Atlas Administration API
 * v2, on core's vendor client template (openapi-fetch's typed calls, core's transport: deadline,
 * AbortSignal, retries where safe — never POST or PATCH —, no redirects, a body cap, redaction).
 */
import {
  buildUserAgent,
  createVendorClient,
  credentialFrom,
  pageNumbers,
  paginate,
  type RetryOptions,
  type Secret,
  type SecretValue,
} from "@dbusers/core";
import type { PathSerializer } from "openapi-fetch";
import { ATLAS_ENV, credentialsOf, digestAuth, serviceAccountAuth } from "./auth.js";
import { AtlasApiError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { pathEscape } from "./path.js";
import type {
  CallOptions,
  CreateUserRequest,
  DatabaseUser,
  ListOptions,
  PageOptions,
  UpdateUserRequest,
  UsersPage,
} from "./types.js";
import { assertValid, assertValidWrite, completeCreateBody, type WriteCheck } from "./validate.js";
import { VERSION } from "./version.js";

export const DEFAULT_BASE_URL = "https://cloud.mongodb.com";
/** `@dbusers/atlas/<version> node/<version>`. */
export const DEFAULT_USER_AGENT: string = buildUserAgent({ name: "@dbusers/atlas", version: VERSION });
/** Database users have one resource version (docs/vendors/atlas.md §1); every request names it. */
export const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

export type AtlasAuth =
  /** An API key pair, sent with HTTP Digest. */
  | { readonly publicKey: string | Secret; readonly privateKey: string | Secret }
  /** A service account: OAuth 2.0 client credentials (Atlas's recommended scheme). */
  | { readonly clientId: string | Secret; readonly clientSecret: string | Secret };

export interface AtlasClientOptions {
  /**
   * Left out: `MONGODB_ATLAS_CLIENT_ID`/`MONGODB_ATLAS_CLIENT_SECRET`, else
   * `MONGODB_ATLAS_PUBLIC_API_KEY`/`MONGODB_ATLAS_PRIVATE_API_KEY`, as the Atlas CLI reads them.
   */
  readonly auth?: AtlasAuth;
  /** Default `https://cloud.mongodb.com`. Plain `http://` is refused unless it points at this machine. */
  readonly baseUrl?: string | URL;
  /** The fetch to send with. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** `false` turns retries off; an object tunes them. POST and PATCH are never retried. */
  readonly retry?: boolean | RetryOptions;
  /** Deadline per attempt, covering headers and body. Default 30 000 ms; 0 turns it off. */
  readonly timeoutMs?: number;
  /** Default `@dbusers/atlas/<version> node/<version>`. */
  readonly userAgent?: string;
  /** `false` skips the rules checks (names, bodies, the project id). Path safety stays on. Default true. */
  readonly validate?: boolean;
}

export interface AtlasClient {
  /** The API root requests go to. */
  readonly baseUrl: string;
  /** Every user of the project, page after page until a short page (§2.1). */
  listUsers(groupId: string, options?: ListOptions): Promise<DatabaseUser[]>;
  /** One page of users. */
  listUsersPage(groupId: string, options?: PageOptions): Promise<UsersPage>;
  getUser(
    groupId: string,
    databaseName: string,
    username: string,
    options?: CallOptions,
  ): Promise<DatabaseUser>;
  /** Creates a user; `databaseName` and `groupId` are filled in when left out. Never retried (POST). */
  createUser(groupId: string, body: CreateUserRequest, options?: CallOptions): Promise<DatabaseUser>;
  /** Changes what `patch` carries and keeps the rest (PATCH). Never retried: it may rename. */
  updateUser(
    groupId: string,
    databaseName: string,
    username: string,
    patch: UpdateUserRequest,
    options?: CallOptions,
  ): Promise<DatabaseUser>;
  deleteUser(groupId: string, databaseName: string, username: string, options?: CallOptions): Promise<void>;
  /** Revokes a service-account token this client obtained (nothing to do for API keys). */
  close(): Promise<void>;
}

const USERS = "/api/atlas/v2/groups/{groupId}/databaseUsers";
const USER = "/api/atlas/v2/groups/{groupId}/databaseUsers/{databaseName}/{username}";
const PARAM = /\{([^{}]+)\}/g;

/** Each parameter as Go's `url.PathEscape` writes it (§5); core has checked it is a safe string. */
const atlasPath: PathSerializer = (pathname, params) =>
  pathname.replace(PARAM, (_match, name: string) => pathEscape(name, String(params[name])));

function authStrategy(auth: unknown, origin: string) {
  const credentials = credentialsOf(auth);
  const secret = (key: keyof typeof ATLAS_ENV, value: unknown) =>
    credentialFrom({ option: `auth.${key}`, value, env: [ATLAS_ENV[key]], where: "createAtlasClient" });
  return credentials.kind === "digest"
    ? digestAuth(secret("publicKey", credentials.publicKey), secret("privateKey", credentials.privateKey))
    : serviceAccountAuth(
        secret("clientId", credentials.clientId),
        secret("clientSecret", credentials.clientSecret),
        origin,
      );
}

export function createAtlasClient(options: AtlasClientOptions = {}): AtlasClient {
  const validate = options.validate !== false;
  const api = createVendorClient<paths>({
    vendor: "MongoDB Atlas",
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    auth: authStrategy(options.auth, new URL(String(options.baseUrl ?? DEFAULT_BASE_URL)).origin),
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    pathSerializer: atlasPath,
    toError: (response, body, call) =>
      new AtlasApiError({
        status: response.status,
        method: call.method,
        url: call.url,
        body,
        headers: response.headers,
        secrets: call.secrets,
      }),
  });
  const secrets = (): readonly SecretValue[] => api.secrets();
  const check = (what: Parameters<typeof assertValid>[0]) => {
    if (validate) assertValid(what, secrets());
  };
  const checkWrite = async (what: WriteCheck) => {
    if (validate) await assertValidWrite(what, secrets());
  };
  // The resource version in Accept (and as the body's type): never a silent application/json (§1).
  const read = { Accept: ATLAS_MEDIA_TYPE };
  const write = { Accept: ATLAS_MEDIA_TYPE, "Content-Type": ATLAS_MEDIA_TYPE };

  const listUsersPage: AtlasClient["listUsersPage"] = async (groupId, page = {}) => {
    check({ groupId });
    const { signal, ...query } = page;
    const result = await api.result(
      api.GET(USERS, { params: { path: { groupId }, query }, headers: read, signal }),
      [200],
    );
    return result.totalCount === undefined
      ? { results: result.results }
      : { results: result.results, totalCount: result.totalCount };
  };

  return {
    baseUrl: api.baseUrl!,
    listUsersPage,
    async listUsers(groupId, list = {}) {
      const itemsPerPage = list.itemsPerPage ?? 500;
      const users: DatabaseUser[] = [];
      // Page numbers until a short page; `totalCount` is only an estimate, so it does not stop paging.
      const pages = paginate(
        (cursor) => listUsersPage(groupId, { ...cursor, includeCount: false, signal: list.signal }),
        pageNumbers({ itemsPerPage, items: (page: UsersPage) => page.results }),
      );
      for await (const user of pages) users.push(user);
      return users;
    },
    async getUser(groupId, databaseName, username, call = {}) {
      check({ groupId, databaseName });
      return api.result(
        api.GET(USER, {
          params: { path: { groupId, databaseName, username } },
          headers: read,
          signal: call.signal,
        }),
        [200],
      );
    },
    async createUser(groupId, body, call = {}) {
      const complete = (await completeCreateBody(groupId, body)) as Parameters<typeof api.POST>[1]["body"];
      await checkWrite({ groupId, operation: "createUser", body: complete });
      return api.result(
        api.POST(USERS, {
          params: { path: { groupId } },
          body: complete!,
          headers: write,
          signal: call.signal,
        }),
        [201],
      );
    },
    async updateUser(groupId, databaseName, username, patch, call = {}) {
      await checkWrite({ groupId, databaseName, operation: "updateUser", body: patch });
      return api.result(
        api.PATCH(USER, {
          params: { path: { groupId, databaseName, username } },
          // PATCH is partial (§8.5); the generated type carries the create body's `required`.
          body: patch as Parameters<typeof api.PATCH>[1]["body"],
          headers: write,
          signal: call.signal,
        }),
        [200],
      );
    },
    async deleteUser(groupId, databaseName, username, call = {}) {
      check({ groupId, databaseName });
      await api.result(
        api.DELETE(USER, {
          params: { path: { groupId, databaseName, username } },
          headers: read,
          signal: call.signal,
        }),
        [204],
      );
    },
    close: () => api.close(),
  };
}
