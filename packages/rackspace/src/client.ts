/**
 * `createRackspaceClient`: one thin method per operation of Rackspace Cloud Databases (OpenStack
 * Trove v1.0) users, access, databases and root, on core's vendor-client template: a token from
 * Rackspace Identity v2.0 or Keystone v3 (shared, renewed before it expires and once on a 401), the
 * Cloud Databases endpoint from its catalog, Trove's path encoding, marker paging, retries of
 * GET/PUT/DELETE on 413 (Rackspace's rate limit) and 5xx (never POST), and `wait` for 202 writes.
 */
import {
  assertSafePathSegment,
  buildUserAgent,
  createVendorClient,
  headerAuth,
  paginate,
  RETRYABLE_STATUSES,
  type RetryOptions,
  type SecretValue,
  tokenAuth,
} from "@dbusers/core";
import { chooseEndpoint, type EndpointInterface } from "./catalog.js";
import { RackspaceApiError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { type CatalogToken, credentialSecrets, fetchCatalogToken } from "./identity.js";
import { type RackspaceAuth, resolveAuth, resolveInterface, resolveRegion } from "./options.js";
import { PAGE_SIZE, troveMarkers } from "./paging.js";
import { encodePath, userAddress } from "./path.js";
import type { CallOptions, Database, User } from "./types.js";
import { VERSION } from "./version.js";

/** `dbusers-rackspace/<version> node/<version>`. */
export const DEFAULT_USER_AGENT: string = buildUserAgent({ name: "@dbusers/rackspace", version: VERSION });

export interface RackspaceClientOptions {
  /** How to authenticate; left out, read from `RS_*` or `OS_*` environment variables. */
  readonly auth?: RackspaceAuth;
  /** The catalog region (`DFW`, `ORD`, `IAD`, `LON`, `SYD`, `HKG`, `RegionOne`); default the account's default region, `RS_REGION_NAME` or `OS_REGION_NAME`. */
  readonly region?: string;
  /** Rackspace Identity v2.0 root. Default `https://identity.api.rackspacecloud.com/v2.0`. */
  readonly identityUrl?: string;
  /** The catalog interface. Default `public` (or `OS_INTERFACE`). */
  readonly interface?: EndpointInterface;
  /** Catalog service types tried in order. Default `["rax:database", "database"]`. */
  readonly serviceTypes?: readonly string[];
  /** The Cloud Databases endpoint (`…/v1.0/{tenantId}`), instead of the catalog's. */
  readonly baseUrl?: string | URL;
  readonly fetch?: typeof fetch;
  /** `false` turns retries off; an object tunes them. POST is never retried. */
  readonly retry?: boolean | RetryOptions;
  /** Deadline per attempt. Default 30 000 ms; 0 turns it off. */
  readonly timeoutMs?: number;
  /** Largest answer body read. Default 16 MiB. */
  readonly maxResponseBytes?: number;
  readonly userAgent?: string;
  /** `false` skips the rules checks. Path safety stays on. Default true. */
  readonly validate?: boolean;
}

/** What every operation module needs: the typed API and the client's settings. */
export interface Core {
  readonly api: ReturnType<typeof createVendorClient<paths>>;
  readonly validate: boolean;
  readonly secrets: () => readonly SecretValue[];
  /** Every item of a paged list. */
  list<K extends "users" | "databases">(
    instanceId: string,
    what: K,
    options?: CallOptions,
  ): Promise<(K extends "users" ? User : Database)[]>;
  /** The checked `{instanceId}` and `{user}` values. */
  address(instanceId: unknown, name: unknown, host: unknown): { instanceId: string; user: string };
  instance(instanceId: unknown): string;
  /** The checked `{database}` value. */
  database(name: unknown): string;
}

const RETRY_STATUSES = [413, ...RETRYABLE_STATUSES];

function retryOptions(retry: boolean | RetryOptions | undefined): boolean | RetryOptions {
  if (retry === false) return false;
  const given = typeof retry === "object" ? retry : {};
  // 413 is Rackspace's rate limit (docs/vendors/rackspace.md §3); POST stays out of `methods`.
  return { ...given, statuses: given.statuses ?? RETRY_STATUSES };
}

export function createCore(options: RackspaceClientOptions = {}): Core {
  const resolved = resolveAuth(options.auth, options.identityUrl);
  const region = resolveRegion(options.region, resolved);
  const iface = resolveInterface(options.interface);
  const serviceTypes = options.serviceTypes ?? ["rax:database", "database"];
  const catalog =
    resolved.kind === "catalog"
      ? tokenAuth<CatalogToken>({
          fetchToken: (context) => fetchCatalogToken(resolved.credentials, context),
          header: "X-Auth-Token",
          scheme: null,
          credentials: credentialSecrets(resolved.credentials),
        })
      : undefined;
  const auth =
    catalog ??
    headerAuth(resolved.kind === "token" ? resolved.token : "", { header: "X-Auth-Token", scheme: null });
  const fixedBase = options.baseUrl ?? (resolved.kind === "token" ? resolved.endpoint : undefined);
  const api = createVendorClient<paths>({
    vendor: "Rackspace",
    auth,
    ...(fixedBase !== undefined || catalog === undefined
      ? { baseUrl: fixedBase }
      : {
          resolveBaseUrl: async (context) => {
            const token = await catalog.token(context);
            return chooseEndpoint(token.endpoints, {
              serviceTypes,
              region,
              defaultRegion: token.defaultRegion,
              interface: iface,
            });
          },
        }),
    toError: (response, body, call) =>
      new RackspaceApiError({
        status: response.status,
        method: call.method,
        url: call.url,
        body,
        headers: response.headers,
        secrets: call.secrets,
      }),
    fetch: options.fetch,
    retry: retryOptions(options.retry),
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    pathSerializer: encodePath,
  });

  const instance = (instanceId: unknown) => assertSafePathSegment("instanceId", instanceId);

  async function list(instanceId: string, what: "users" | "databases", callOptions?: CallOptions) {
    const path = what === "users" ? "/instances/{instanceId}/users" : "/instances/{instanceId}/databases";
    const signal = callOptions?.signal;
    const pages = paginate(async (cursor) => {
      const page = await api.result(
        api.GET(path, {
          params: { path: { instanceId }, query: { limit: PAGE_SIZE, ...cursor } },
          signal,
        }) as Promise<{
          data?: { users?: User[]; databases?: Database[]; links?: { rel: string; href: string }[] };
          response: Response;
        }>,
        [200],
      );
      return { items: (what === "users" ? page.users : page.databases) ?? [], links: page.links };
    }, troveMarkers<User | Database>());
    const all: (User | Database)[] = [];
    for await (const item of pages) all.push(item);
    return all;
  }

  return {
    api,
    validate: options.validate !== false,
    secrets: () => api.secrets(),
    list: list as Core["list"],
    instance,
    database: (name) => assertSafePathSegment("database", name),
    address: (instanceId, name, host) => ({
      instanceId: instance(instanceId),
      user: userAddress(name, host),
    }),
  };
}
