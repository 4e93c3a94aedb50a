/**
 * Atlas's two auth schemes as core `AuthStrategy`s (docs/vendors/atlas.md §6): HTTP Digest with an
 * API key pair, and a service account's OAuth 2.0 client-credentials token.
 */
import { type AuthStrategy, InvalidOptionError, Secret, type TokenAuth, tokenAuth } from "@dbusers/core";
import { digestAuthorization, parseDigestChallenge } from "./digest.js";
import { AtlasApiError } from "./errors.js";

/**
 * HTTP Digest (§6.1). Atlas's nonces are short-lived and not known to take a second request, so
 * every request first asks for a fresh challenge, as the SDK's transport does; unlike the SDK that
 * probe goes without the body (as curl's does), so a password is never sent before the key is
 * checked. The answer signs the method and the path and query exactly as sent.
 */
export function digestAuth(publicKey: Secret, privateKey: Secret): AuthStrategy {
  return {
    async hook(request, send) {
      request.headers.delete("authorization");
      const probe = await send({ ...request, body: undefined, headers: new Headers(request.headers) });
      // Atlas answers every request without credentials with a 401 and a challenge (§6.1).
      if (probe.status !== 401) return probe;
      const challenge = parseDigestChallenge(probe.headers.get("www-authenticate"));
      if (challenge === undefined) return probe;
      const url = new URL(request.url);
      const credentials = { username: publicKey.reveal(), password: privateKey.reveal() };
      request.headers.set(
        "authorization",
        digestAuthorization(challenge, credentials, request.method, `${url.pathname}${url.search}`),
      );
      return send(request);
    },
    secrets: () => [privateKey],
  };
}

interface TokenAnswer {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** An OAuth error body (`{ error, error_description }`) in Atlas's error shape, for `AtlasApiError`. */
function oauthError(
  response: Response,
  method: string,
  url: string,
  body: unknown,
  secrets: Secret[],
): Error {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  return new AtlasApiError({
    status: response.status,
    method,
    url,
    body: {
      errorCode: typeof fields.error === "string" ? fields.error : undefined,
      detail:
        typeof fields.error_description === "string"
          ? fields.error_description
          : `the service account's token request was refused`,
    },
    headers: response.headers,
    secrets,
  });
}

/**
 * A service account (§6.2): `POST /api/oauth/token` with HTTP Basic (id and secret URL-escaped
 * first, as the SDK's OAuth library does) and `grant_type=client_credentials`. Core's token cache
 * makes concurrent calls share one token request and refreshes once on a 401; a token is renewed a
 * minute before `expires_in` runs out (halfway, for tokens that live less than two minutes).
 * `close()` revokes it at `/api/oauth/revoke`.
 */
export function serviceAccountAuth(
  clientId: Secret,
  clientSecret: Secret,
  origin: string,
): TokenAuth<{ value: Secret; expiresAt: number }> {
  // URL-escaped first (so the text is ASCII for btoa), as Go's oauth2 does for the SDK.
  const formEscape = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");
  const basic = new Secret(
    `Basic ${btoa(`${formEscape(clientId.reveal())}:${formEscape(clientSecret.reveal())}`)}`,
  );
  const secrets = [clientSecret, basic];
  const form = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  return tokenAuth({
    credentials: secrets,
    refreshBeforeMs: 0,
    async fetchToken({ fetch }) {
      const url = `${origin}/api/oauth/token`;
      const response = await fetch(url, {
        method: "POST",
        headers: { ...form, authorization: basic.reveal() },
        body: "grant_type=client_credentials",
      });
      const body = await readJson(response);
      const answer = (body ?? {}) as TokenAnswer;
      if (!response.ok || typeof answer.access_token !== "string" || answer.access_token === "") {
        throw oauthError(response, "POST", url, body, secrets);
      }
      const lifetimeMs =
        (typeof answer.expires_in === "number" && answer.expires_in > 0 ? answer.expires_in : 3600) * 1000;
      const value = new Secret(answer.access_token);
      return { value, expiresAt: Date.now() + Math.max(lifetimeMs - 60_000, lifetimeMs / 2) };
    },
    async revoke(token, { fetch }) {
      const url = `${origin}/api/oauth/revoke`;
      const response = await fetch(url, {
        method: "POST",
        headers: { ...form, authorization: basic.reveal() },
        body: new URLSearchParams({
          token: token.value.reveal(),
          token_type_hint: "access_token",
        }).toString(),
      });
      if (!response.ok)
        throw oauthError(response, "POST", url, await readJson(response), [...secrets, token.value]);
    },
  });
}

/** The environment variables the Atlas CLI reads (§6.2), in the order they are tried. */
export const ATLAS_ENV = {
  clientId: "MONGODB_ATLAS_CLIENT_ID",
  clientSecret: "MONGODB_ATLAS_CLIENT_SECRET",
  publicKey: "MONGODB_ATLAS_PUBLIC_API_KEY",
  privateKey: "MONGODB_ATLAS_PRIVATE_API_KEY",
} as const;

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    name
  ];
  return value === "" ? undefined : value;
}

export type AtlasCredentials =
  | { readonly kind: "digest"; readonly publicKey: unknown; readonly privateKey: unknown }
  | { readonly kind: "serviceAccount"; readonly clientId: unknown; readonly clientSecret: unknown };

/**
 * Which scheme `auth` names, or, when it is left out, which one the environment sets (a service
 * account first, as Atlas recommends). Nothing usable: `InvalidOptionError` naming `auth`.
 */
export function credentialsOf(auth: unknown): AtlasCredentials {
  if (auth === undefined) {
    if (env(ATLAS_ENV.clientId) !== undefined || env(ATLAS_ENV.clientSecret) !== undefined) {
      return { kind: "serviceAccount", clientId: undefined, clientSecret: undefined };
    }
    if (env(ATLAS_ENV.publicKey) !== undefined || env(ATLAS_ENV.privateKey) !== undefined) {
      return { kind: "digest", publicKey: undefined, privateKey: undefined };
    }
    throw new InvalidOptionError({
      option: "auth",
      rule: "missing",
      message:
        "createAtlasClient: `auth` is required: pass { clientId, clientSecret } (a service account) or { publicKey, privateKey } (an API key), or set MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET, or MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY",
    });
  }
  const given = (typeof auth === "object" && auth !== null ? auth : {}) as Record<string, unknown>;
  if ("clientId" in given || "clientSecret" in given) {
    return { kind: "serviceAccount", clientId: given.clientId, clientSecret: given.clientSecret };
  }
  if ("publicKey" in given || "privateKey" in given) {
    return { kind: "digest", publicKey: given.publicKey, privateKey: given.privateKey };
  }
  throw new InvalidOptionError({
    option: "auth",
    rule: "type",
    message: "createAtlasClient: `auth` must be { clientId, clientSecret } or { publicKey, privateKey }",
  });
}
