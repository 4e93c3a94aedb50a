/**
 * The two identity services in front of Cloud Databases (docs/vendors/rackspace.md §4): Rackspace
 * Identity v2.0 (`POST /v2.0/tokens`, API key or password) and Keystone v3 (`POST /v3/auth/tokens`,
 * password in domain `Default` scoped to the tenant's project, or an application credential), with
 * version discovery at `/v2.0` and `/v3` as OpenStack clients read it first.
 */
import type { Reply } from "../http.js";
import { keystoneCatalog, rackspaceCatalog, regionsOf } from "./catalog.js";
import { badRequest, fault } from "./faults.js";
import type { AccountRecord } from "./state.js";
import type { IssuedToken, TokenStore } from "./tokens.js";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const iso = (ms: number) => new Date(ms).toISOString();

export interface IdentityContext {
  readonly accounts: readonly AccountRecord[];
  readonly tokens: TokenStore;
  readonly origin: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body,
});

const rackspaceUnauthorized = () => fault(401, "Unable to authenticate user with credentials provided.");

/** `POST /v2.0/tokens` */
export function rackspaceTokens(ctx: IdentityContext, body: unknown): Reply {
  const auth = obj(obj(body)?.auth);
  if (!auth) return badRequest("Invalid json request body");
  const apiKey = obj(auth["RAX-KSKEY:apiKeyCredentials"]);
  const password = obj(auth.passwordCredentials);
  const tenantId = str(auth.tenantId) ?? str(apiKey?.tenantId) ?? str(password?.tenantId);
  const tenantName = str(auth.tenantName);
  if (tenantId !== undefined && tenantName !== undefined) {
    return badRequest("Invalid request. Specify tenantId OR tenantName, not both.");
  }
  const credentials = apiKey ?? password;
  if (!credentials) return badRequest("Invalid json request body");
  const username = str(credentials.username);
  const account = ctx.accounts.find((a) => a.username === username);
  const secret = apiKey ? str(apiKey.apiKey) : str(password?.password);
  const expected = apiKey ? account?.apiKey : account?.password;
  if (!account || secret === undefined || expected === undefined || secret !== expected)
    return rackspaceUnauthorized();
  const tenant = tenantId ?? tenantName;
  if (tenant !== undefined && tenant !== account.tenantId) return rackspaceUnauthorized();
  const token = ctx.tokens.issue(account.tenantId);
  return json(200, {
    access: {
      token: {
        id: token.id,
        expires: iso(token.expiresAt),
        tenant: { id: account.tenantId, name: account.tenantId },
        "RAX-AUTH:authenticatedBy": [apiKey ? "APIKEY" : "PASSWORD"],
      },
      serviceCatalog: rackspaceCatalog(ctx.origin, account),
      user: {
        id: `user-${account.tenantId}`,
        name: account.username,
        roles: [{ id: "3", name: "identity:default", description: "Default role for identity access" }],
        "RAX-AUTH:defaultRegion": regionsOf(account)[0],
        "RAX-AUTH:domainId": account.tenantId,
      },
    },
  });
}

const keystoneError = (status: number, title: string, message: string): Reply =>
  json(status, { error: { code: status, title, message } });
const keystoneUnauthorized = () =>
  keystoneError(401, "Unauthorized", "The request you have made requires authentication.");

const DEFAULT_DOMAIN = { id: "default", name: "Default" } as const;
const isDefaultDomain = (domain: Json | undefined) =>
  domain !== undefined && (domain.id === DEFAULT_DOMAIN.id || domain.name === DEFAULT_DOMAIN.name);

/** Who the v3 identity block names, or a reply refusing it. */
function keystoneAccount(ctx: IdentityContext, identity: Json): AccountRecord | Reply {
  const methods = Array.isArray(identity.methods) ? identity.methods : [];
  if (methods.includes("application_credential")) {
    const credential = obj(identity.application_credential);
    const id = str(credential?.id);
    const secret = str(credential?.secret);
    const account = ctx.accounts.find((a) =>
      a.applicationCredentials.some((c) => c.id === id && c.secret === secret),
    );
    return account ?? keystoneUnauthorized();
  }
  if (!methods.includes("password")) return keystoneUnauthorized();
  const user = obj(obj(identity.password)?.user);
  if (!user) return keystoneError(400, "Bad Request", "Expecting to find user in password.");
  const account = ctx.accounts.find((a) =>
    str(user.id) !== undefined ? `user-${a.tenantId}` === user.id : a.username === user.name,
  );
  const domainOk = str(user.id) !== undefined || isDefaultDomain(obj(user.domain));
  if (!account || !domainOk || account.password === undefined || user.password !== account.password) {
    return keystoneUnauthorized();
  }
  return account;
}

/** The project a v3 request asks for: the tenant's, or undefined for an unscoped token. */
function scopeOf(
  auth: Json,
  account: AccountRecord,
  viaCredential: boolean,
): "scoped" | "unscoped" | "refused" {
  const project = obj(obj(auth.scope)?.project);
  if (viaCredential) return project === undefined || project.id === account.tenantId ? "scoped" : "refused";
  if (!project) return "unscoped";
  if (project.id !== undefined) return project.id === account.tenantId ? "scoped" : "refused";
  return project.name === account.tenantId && isDefaultDomain(obj(project.domain)) ? "scoped" : "refused";
}

function keystoneToken(
  ctx: IdentityContext,
  account: AccountRecord,
  token: IssuedToken,
  scoped: boolean,
  methods: string[],
) {
  const domain = DEFAULT_DOMAIN;
  return {
    token: {
      methods,
      expires_at: iso(token.expiresAt),
      issued_at: iso(token.issuedAt),
      audit_ids: [token.id.slice(0, 22)],
      user: { id: `user-${account.tenantId}`, name: account.username, domain, password_expires_at: null },
      ...(scoped
        ? {
            project: { id: account.tenantId, name: account.tenantId, domain },
            is_domain: false,
            roles: [{ id: "member", name: "member" }],
            catalog: keystoneCatalog(ctx.origin, account),
          }
        : {}),
    },
  };
}

/** `POST /v3/auth/tokens`: 201 with the token in `X-Subject-Token`. */
export function keystoneTokens(ctx: IdentityContext, body: unknown): Reply {
  const auth = obj(obj(body)?.auth);
  const identity = obj(auth?.identity);
  if (!auth || !identity) return keystoneError(400, "Bad Request", "Expecting to find identity in auth.");
  const found = keystoneAccount(ctx, identity);
  if (!("tenantId" in found)) return found;
  const viaCredential = (identity.methods as unknown[]).includes("application_credential");
  const scope = scopeOf(auth, found, viaCredential);
  if (scope === "refused") return keystoneUnauthorized();
  const token = ctx.tokens.issue(found.tenantId);
  const methods = viaCredential ? ["application_credential"] : ["password"];
  return json(201, keystoneToken(ctx, found, token, scope === "scoped", methods), {
    "x-subject-token": token.id,
  });
}

const MEDIA_TYPES = [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }];

function version(ctx: IdentityContext, id: "v3" | "v2.0") {
  return {
    id: id === "v3" ? "v3.14" : "v2.0",
    status: id === "v3" ? "stable" : "deprecated",
    updated: id === "v3" ? "2020-04-07T00:00:00Z" : "2014-04-17T00:00:00Z",
    links: [{ rel: "self", href: `${ctx.origin}/${id}/` }],
    "media-types": MEDIA_TYPES,
  };
}

/** `GET /v3` and `GET /v2.0`. */
export function discovery(ctx: IdentityContext, path: string): Reply {
  return json(200, { version: version(ctx, path.startsWith("/v3") ? "v3" : "v2.0") });
}
