/**
 * Tokens that expire (OAuth client credentials, Keystone and Rackspace Identity): one shared request
 * for a new token however many calls need it at once, a refresh shortly before it expires, and one
 * refresh when the server answers 401.
 */
import type { AuthContext, AuthRequest, AuthStrategy, SendRequest } from "./auth.js";
import { AbortedError } from "./request-errors.js";
import type { Secret, SecretValue } from "./secret.js";

export interface Token {
  /** The credential sent with each request. */
  readonly value: Secret;
  /** When it stops working, in epoch milliseconds; `undefined` when the server did not say. */
  readonly expiresAt?: number;
}

export interface TokenCacheOptions<T extends Token> {
  /** Asks for a new token. Called once for all the calls waiting on it. */
  readonly fetchToken: (context: AuthContext) => Promise<T>;
  /** A token this close to `expiresAt` is renewed before use. Default 60 000 ms. */
  readonly refreshBeforeMs?: number;
  /** Default `Date.now`. */
  readonly now?: () => number;
}

export interface TokenCache<T extends Token> {
  /** The current token, or a new one when there is none or it is about to expire. */
  get(context: AuthContext): Promise<T>;
  /** Forgets `stale` (when it is still the current token), so the next `get` asks for a new one. */
  invalidate(stale: T): void;
  /** The current token without asking for one. */
  peek(): T | undefined;
  /** The current token if it is not about to expire, without asking for one. */
  fresh(): T | undefined;
}

/** Waits for `promise`, or rejects with `AbortedError` when `signal` aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(new AbortedError({ cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortedError({ cause: signal.reason }));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function createTokenCache<T extends Token>(options: TokenCacheOptions<T>): TokenCache<T> {
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
  const now = options.now ?? Date.now;
  let current: T | undefined;
  let pending: Promise<T> | undefined;

  const fresh = (token: T | undefined): token is T =>
    token !== undefined && (token.expiresAt === undefined || token.expiresAt - refreshBeforeMs > now());

  return {
    get(context) {
      if (fresh(current)) return Promise.resolve(current);
      if (pending === undefined) {
        // The shared request does not follow one caller's signal: the others still need the token.
        const shared = options.fetchToken({ ...context, signal: undefined });
        pending = shared.then(
          (token) => {
            current = token;
            pending = undefined;
            return token;
          },
          (error: unknown) => {
            pending = undefined;
            throw error;
          },
        );
      }
      return untilAborted(pending, context.signal);
    },
    invalidate(stale) {
      if (current === stale) current = undefined;
    },
    peek: () => current,
    fresh: () => (fresh(current) ? current : undefined),
  };
}

export interface TokenAuthOptions<T extends Token> extends TokenCacheOptions<T> {
  /** Default `Authorization`. */
  readonly header?: string;
  /** Default `Bearer`; `null` sends the token alone (Keystone's `X-Auth-Token`). */
  readonly scheme?: string | null;
  /** The long-lived credentials behind the token (client secret, API key, password), for redaction. */
  readonly credentials?: readonly SecretValue[];
  /** Revokes the token on `close()`, if the vendor has a way to. */
  readonly revoke?: (token: T, context: AuthContext) => Promise<void>;
}

/** A strategy with its cache: `token(context)` is there for a base URL taken from the token's catalog. */
export interface TokenAuth<T extends Token> extends AuthStrategy {
  token(context: AuthContext): Promise<T>;
}

/**
 * An `AuthStrategy` for expiring tokens: adds the current token, and on a 401 fetches a new one
 * (shared with every other call that saw the same 401) and sends once more.
 */
export function tokenAuth<T extends Token>(options: TokenAuthOptions<T>): TokenAuth<T> {
  const cache = createTokenCache(options);
  const header = options.header ?? "Authorization";
  const scheme = options.scheme === undefined ? "Bearer" : options.scheme;
  const format = (token: T) => (scheme === null ? token.value.reveal() : `${scheme} ${token.value.reveal()}`);
  // Tokens replaced lately may still show up in an answer (an echo of the request): keep a few.
  const recent: Secret[] = [];
  let shown: { token: T; header: string } | undefined;
  /** The header for `token`, remembered for as long as it is the one in use. */
  const headerFor = (token: T) => {
    if (shown?.token !== token) {
      shown = { token, header: format(token) };
      if (!recent.includes(token.value)) {
        recent.push(token.value);
        if (recent.length > 4) recent.shift();
      }
    }
    return shown.header;
  };
  const use = async (context: AuthContext) => {
    const token = await cache.get(context);
    headerFor(token);
    return token;
  };
  /** After a 401 with `token`: once more with a new one (shared with every call that saw it). */
  const renew = async (
    token: T,
    request: AuthRequest,
    send: SendRequest,
    context: AuthContext,
    response: Response,
  ) => {
    cache.invalidate(token);
    const renewed = await use(context);
    // Someone else's refresh may have failed to change anything: sending the same token is pointless.
    if (renewed.value.reveal() === token.value.reveal()) return response;
    request.headers.set(header, headerFor(renewed));
    return send(request);
  };
  /**
   * Sends with `token`; on a 401, `renew`. A promise chain rather than an async function: the
   * usual answer is not a 401, and the call keeps no extra frame alive while it is out.
   */
  const sendWith = (
    token: T,
    request: AuthRequest,
    send: SendRequest,
    context: AuthContext,
  ): Promise<Response> => {
    let sent: Promise<Response>;
    try {
      request.headers.set(header, headerFor(token));
      sent = Promise.resolve(send(request));
    } catch (error) {
      return Promise.reject(error);
    }
    return sent.then((response) =>
      response.status === 401 ? renew(token, request, send, context, response) : response,
    );
  };
  return {
    token: use,
    hook(request, send, context) {
      // A token still fresh is used at once, without waiting a turn for the cache.
      const ready = cache.fresh();
      if (ready !== undefined) return sendWith(ready, request, send, context);
      return use(context).then((token) => sendWith(token, request, send, context));
    },
    secrets: () => [...(options.credentials ?? []), ...recent],
    async close(context) {
      const token = cache.peek();
      if (token !== undefined) {
        cache.invalidate(token);
        await options.revoke?.(token, context);
      }
    },
  };
}
