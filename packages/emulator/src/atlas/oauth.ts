/**
 * Service accounts (docs/vendors/atlas.md §6.2): `POST /api/oauth/token` exchanges a client id and
 * secret (HTTP Basic, form `grant_type=client_credentials`) for a bearer token that lasts
 * `expires_in` seconds (3600 at Atlas; tests may shorten it), and `POST /api/oauth/revoke` ends one.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Reply } from "../http.js";
import type { IncomingCall } from "../vendor.js";

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
/** Bounded: expired tokens are dropped, and past this many the oldest go first. */
const MAX_LIVE_TOKENS = 10_000;

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: { error, error_description: description },
});

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * `Basic base64(id:secret)`. Go's oauth2 (the SDK's) query-escapes both parts first, curl does not;
 * Atlas ids and secrets have no characters where the two differ, so both spellings are accepted.
 */
function basicCredentials(header: string | undefined): { id: string; secret: string }[] {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return [];
  const text = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 0) return [];
  const raw = { id: text.slice(0, colon), secret: text.slice(colon + 1) };
  try {
    const formDecode = (part: string) => decodeURIComponent(part.replaceAll("+", " "));
    return [raw, { id: formDecode(raw.id), secret: formDecode(raw.secret) }];
  } catch {
    return [raw];
  }
}

export class ServiceAccounts {
  /** token → client id and expiry (ms). Map order is issue order. */
  readonly #tokens = new Map<string, { clientId: string; expiresAt: number }>();
  readonly #secrets: ReadonlyMap<string, string>;
  #lifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;
  #issued = 0;

  constructor(secrets: ReadonlyMap<string, string>, lifetimeSeconds?: number) {
    this.#secrets = secrets;
    if (lifetimeSeconds !== undefined) this.lifetimeSeconds = lifetimeSeconds;
  }

  get lifetimeSeconds(): number {
    return this.#lifetimeSeconds;
  }

  set lifetimeSeconds(seconds: number) {
    if (!Number.isInteger(seconds) || seconds < 1)
      throw new RangeError("token lifetime must be a positive integer");
    this.#lifetimeSeconds = seconds;
  }

  /** How many tokens were handed out since the start. */
  get issued(): number {
    return this.#issued;
  }

  /** Forgets every token and the count (after the state is replaced or reset). */
  clear(): void {
    this.#tokens.clear();
    this.#issued = 0;
  }

  /** Makes every token handed out so far expire now (the next call with one gets 401). */
  expireAll(): void {
    for (const entry of this.#tokens.values()) entry.expiresAt = 0;
  }

  /** The client id behind a live bearer token, or undefined. */
  clientOf(token: string, now = Date.now()): string | undefined {
    const entry = this.#tokens.get(token);
    if (entry === undefined || entry.expiresAt <= now) return undefined;
    return entry.clientId;
  }

  #client(call: IncomingCall): string | undefined {
    for (const { id, secret } of basicCredentials(call.headers.authorization)) {
      const expected = this.#secrets.get(id);
      if (expected !== undefined && same(expected, secret)) return id;
    }
    return undefined;
  }

  token(call: IncomingCall, now = Date.now()): Reply {
    const clientId = this.#client(call);
    if (clientId === undefined) return oauthError(401, "invalid_client", "Invalid client credentials.");
    const form = new URLSearchParams(call.body);
    if (form.get("grant_type") !== "client_credentials") {
      return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    }
    for (const [token, entry] of this.#tokens) {
      if (entry.expiresAt > now && this.#tokens.size < MAX_LIVE_TOKENS) break;
      this.#tokens.delete(token);
    }
    const token = randomBytes(32).toString("base64url");
    this.#tokens.set(token, { clientId, expiresAt: now + this.#lifetimeSeconds * 1000 });
    this.#issued += 1;
    return {
      status: 200,
      headers: { "content-type": "application/json", "cache-control": "no-store" },
      body: { access_token: token, expires_in: this.#lifetimeSeconds, token_type: "Bearer" },
    };
  }

  /** RFC 7009: 200 whether or not the token was known; only the client that got it may revoke it. */
  revoke(call: IncomingCall): Reply {
    const clientId = this.#client(call);
    if (clientId === undefined) return oauthError(401, "invalid_client", "Invalid client credentials.");
    const token = new URLSearchParams(call.body).get("token");
    if (!token) return oauthError(400, "invalid_request", "The token parameter is missing.");
    if (this.#tokens.get(token)?.clientId === clientId) this.#tokens.delete(token);
    return { status: 200, headers: { "content-type": "application/json" }, body: {} };
  }
}
