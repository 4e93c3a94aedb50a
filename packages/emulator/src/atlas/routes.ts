/**
 * Atlas's router: `/api/oauth/{token,revoke}` and everything under `/api/atlas/v2`. A request goes
 * through auth (Digest or a service-account bearer token; 401 with a fresh Digest challenge), the
 * rate limit of that credential, the spec's routes, the resource version (406), the project (404),
 * the user (404), the body (400/415) and only then the state.
 */

import { atlasAuthTypeOf } from "@dbusers/rules/atlas";
import { spec } from "../generated/atlas-spec.js";
import type { Reply } from "../http.js";
import { RateLimiter, type RateLimitOptions } from "../rate-limit.js";
import { type OpenApiDocument, type RouteMatch, SpecValidator } from "../spec-validator.js";
import type { IncomingCall, VendorRoute } from "../vendor.js";
import type { DigestVerifier } from "./digest.js";
import {
  atlasError,
  groupNotFound,
  resourceNotFound,
  serverError,
  serviceUnavailable,
  tooManyRequests,
} from "./errors.js";
import { handlers } from "./handlers.js";
import type { ServiceAccounts } from "./oauth.js";
import { type AtlasState, type GroupRecord, groupRecords } from "./state.js";
import { userKey } from "./users.js";
import { checkUserBody, negotiate, parseBody } from "./validate.js";

/** MongoDB's own CI project saw `RateLimit-Limit: 10000` (atlas.md §9); the window is the emulator's. */
export const ATLAS_RATE_LIMIT = { perMinute: 1000, perHour: 10_000 } as const;

let validator: SpecValidator | undefined;
function specValidator(): SpecValidator {
  validator ??= new SpecValidator(spec as unknown as OpenApiDocument, "urn:dbusers:atlas");
  return validator;
}

const OAUTH_IDS: Readonly<Record<string, string>> = {
  "/api/oauth/token": "oauthToken",
  "/api/oauth/revoke": "oauthRevoke",
};

export interface AtlasRouterOptions {
  readonly state: AtlasState;
  readonly digest: DigestVerifier;
  readonly accounts: ServiceAccounts;
  readonly rateLimit: RateLimitOptions | false | undefined;
}

export class AtlasRouter {
  readonly #groups: Map<string, GroupRecord>;
  readonly #digest: DigestVerifier;
  readonly #accounts: ServiceAccounts;
  readonly #limiter: RateLimiter;
  readonly #spec = specValidator();

  constructor(options: AtlasRouterOptions) {
    this.#groups = groupRecords(options.state);
    this.#digest = options.digest;
    this.#accounts = options.accounts;
    this.#limiter = new RateLimiter(ATLAS_RATE_LIMIT, options.rateLimit);
  }

  owns(path: string): boolean {
    return path.startsWith("/api/atlas/v2/") || path === "/api/atlas/v2" || path in OAUTH_IDS;
  }

  /** Forgets every count (after the state is replaced or reset). */
  forgetRateLimits(): void {
    this.#limiter.clear();
  }

  route(call: IncomingCall): VendorRoute {
    if (call.path in OAUTH_IDS) return this.#oauthRoute(call);
    const match = this.#spec.match(call.method, call.path);
    // Who is calling is known only after auth; faults answer before it, with the unauthenticated view.
    let principal = "";
    const headers = () => {
      const snapshot = this.#limiter.peek(principal);
      return { "ratelimit-limit": String(snapshot.limit), "ratelimit-remaining": String(snapshot.remaining) };
    };
    return {
      operationId: match.kind === "operation" ? match.operation.operationId : undefined,
      authenticated: this.#authenticate(call, false) !== undefined,
      commonHeaders: headers,
      faultReply: (status, retryAfter) =>
        withHeaders(
          status === 429
            ? tooManyRequests(retryAfter)
            : status === 500
              ? serverError()
              : serviceUnavailable(),
          headers(),
        ),
      handle: () => {
        const who = this.#authenticate(call, true);
        if (who === undefined) return this.#challenge();
        principal = who;
        const decision = this.#limiter.consume(who);
        if (!decision.allowed) return withHeaders(tooManyRequests(decision.retryAfter), headers());
        return withHeaders(this.#answer(call, match), headers());
      },
    };
  }

  #oauthRoute(call: IncomingCall): VendorRoute {
    const reply = (): Reply => {
      if (call.method !== "POST") {
        return {
          status: 405,
          headers: { allow: "POST", "content-type": "application/json" },
          body: { error: "invalid_request" },
        };
      }
      return call.path === "/api/oauth/token" ? this.#accounts.token(call) : this.#accounts.revoke(call);
    };
    return {
      operationId: OAUTH_IDS[call.path],
      // The form bodies hold a client secret or a token: never kept in the request log.
      authenticated: false,
      commonHeaders: () => ({}),
      faultReply: (status, retryAfter) =>
        status === 429 ? tooManyRequests(retryAfter) : status === 500 ? serverError() : serviceUnavailable(),
      handle: reply,
    };
  }

  /**
   * `digest:<public key>` or `oauth:<client id>`, or undefined when neither scheme checks out.
   * `consume: false` judges without using up the Digest nonce (for the request log).
   */
  #authenticate(call: IncomingCall, consume: boolean): string | undefined {
    const header = call.headers.authorization ?? "";
    const bearer = /^bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (bearer !== undefined) {
      const client = this.#accounts.clientOf(bearer);
      return client === undefined ? undefined : `oauth:${client}`;
    }
    if (!/^digest\s/i.test(header)) return undefined;
    // The `uri` a client signs is the request target exactly as sent: path and query (atlas.md §6.1).
    const target = call.query === "" ? call.path : `${call.path}?${call.query}`;
    const key = this.#digest.verify(header, call.method, target, consume);
    return key === undefined ? undefined : `digest:${key}`;
  }

  /** The 401 Atlas sends: a fresh Digest challenge and a pretty-printed body (atlas.md §4, §6.1). */
  #challenge(): Reply {
    const reply = atlasError(401, "UNEXPECTED_ERROR", "You are not authorized for this resource.", {
      headers: { "www-authenticate": this.#digest.challenge() },
    });
    const { parameters: _unused, ...body } = reply.body as Record<string, unknown>;
    return { ...reply, body };
  }

  #answer(call: IncomingCall, match: RouteMatch): Reply {
    if (match.kind === "none") return resourceNotFound(call.path);
    if (match.kind === "method-not-allowed") {
      return atlasError(405, "METHOD_NOT_ALLOWED", `${call.method} is not allowed on ${call.path}.`, {
        headers: { allow: match.allowed.join(", ") },
      });
    }
    if (match.kind === "bad-encoding") {
      return atlasError(
        400,
        "INVALID_PATH_PARAMETER",
        `The ${match.param} path segment is not valid percent-encoding.`,
      );
    }
    const refused = negotiate(call.headers.accept);
    if (refused) return refused;
    const { operation, params } = match;
    const groupId = params.groupId!;
    if (!/^[a-f0-9]{24}$/.test(groupId)) {
      return atlasError(400, "INVALID_GROUP_ID", `An invalid group ID ${groupId} was specified.`, {
        parameters: [groupId],
      });
    }
    const group = this.#groups.get(groupId);
    if (!group) return groupNotFound(groupId);

    let body: unknown;
    if (operation.method === "POST" || operation.method === "PATCH") {
      const parsed = parseBody(call);
      if (!parsed.ok) return parsed.reply;
      body = parsed.body;
      const current =
        params.username === undefined
          ? undefined
          : group.users.get(userKey(params.databaseName!, params.username));
      // A PATCH of a missing user is a 404 before its body is judged.
      if (operation.method === "PATCH" && current === undefined)
        return handlers[operation.operationId]!(this.#call(call, group, params, body));
      const invalid = checkUserBody(this.#spec, operation, body, current && atlasAuthTypeOf(current));
      if (invalid) return invalid;
      const bodyGroup = (body as { groupId?: unknown }).groupId;
      if (bodyGroup !== undefined && bodyGroup !== groupId) {
        return atlasError(
          400,
          "INVALID_ATTRIBUTE",
          "The groupId in the body differs from the one in the path.",
          {
            parameters: ["groupId"],
            fields: [{ field: "groupId", description: "must equal the groupId of the path" }],
          },
        );
      }
    }
    return handlers[operation.operationId]!(this.#call(call, group, params, body));
  }

  #call(call: IncomingCall, group: GroupRecord, params: Record<string, string>, body: unknown) {
    return {
      method: call.method,
      group,
      databaseName: params.databaseName,
      username: params.username,
      query: new URLSearchParams(call.query),
      body,
      origin: call.origin,
    };
  }
}

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return {
    status: reply.status,
    headers: { ...headers, ...reply.headers },
    ...(reply.body === undefined ? {} : { body: reply.body }),
  };
}
