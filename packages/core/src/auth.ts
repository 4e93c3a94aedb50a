/**
 * Auth strategies, shaped like octokit's: a `hook` wraps each attempt, so a strategy can add headers,
 * see the answer, fix its credentials (answer a Digest challenge, refresh a token) and send once more.
 * The transport does not know which scheme is in use.
 */
import { Secret, type SecretValue } from "./secret.js";

/** One request as the strategy sees it. `headers` may be changed; `body` can be sent again. */
export interface AuthRequest {
  readonly method: string;
  /** The full URL as it is sent; a Digest `uri` is its pathname plus search. */
  readonly url: string;
  readonly headers: Headers;
  /** The body, already serialized, or `undefined`; Digest `auth-int` hashes it. */
  readonly body: Uint8Array | undefined;
  /** The caller's signal for this call, if any. */
  readonly signal: AbortSignal | undefined;
}

/** Sends `request` once (with the transport's deadline, size cap and redirect policy). */
export type SendRequest = (request: AuthRequest) => Promise<Response>;

/** What a strategy may use besides the request: a fetch for its own requests (token endpoints). */
export interface AuthContext {
  /**
   * A fetch with core's policies (https or loopback http only, deadline, no redirects, size cap,
   * typed errors) but no auth and no retries of POST: for token, identity and revocation requests.
   */
  readonly fetch: typeof fetch;
  /** The caller's signal of the call that needs the token, if any. */
  readonly signal: AbortSignal | undefined;
}

export interface AuthStrategy {
  /**
   * Wraps one attempt: add credentials to `request.headers`, call `send`, and return its answer.
   * On a 401 it may change the credentials and call `send` once more (at most two sends).
   */
  hook(request: AuthRequest, send: SendRequest, context: AuthContext): Promise<Response>;
  /** Every secret the strategy knows (keys, passwords, the current token): scrubbed from every error. */
  secrets(): readonly SecretValue[];
  /** Gives up what the strategy holds (revokes a token). Called by the client's `close()`. */
  close?(context: AuthContext): Promise<void>;
}

export interface HeaderAuthOptions {
  /** Default `Authorization`. */
  readonly header?: string;
  /** Put before the credential with a space: default `Bearer`; `null` sends the credential alone. */
  readonly scheme?: string | null;
}

/**
 * A fixed credential in one header: `Authorization: Bearer <token>` by default, or
 * `{ header: "X-Auth-Token", scheme: null }`.
 */
export function headerAuth(credential: string | Secret, options: HeaderAuthOptions = {}): AuthStrategy {
  const value = Secret.from(credential);
  const header = options.header ?? "Authorization";
  const scheme = options.scheme === undefined ? "Bearer" : options.scheme;
  const text = scheme === null ? value.reveal() : `${scheme} ${value.reveal()}`;
  return {
    hook(request, send) {
      request.headers.set(header, text);
      return send(request);
    },
    secrets: () => [value],
  };
}
