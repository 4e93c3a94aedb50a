/**
 * DigitalOcean's router: everything under /v2. A request goes through the rate limit, bearer auth,
 * the spec's routes and path parameters, the cluster (404), its engine (500 on Caching/Valkey), the
 * user (404), the body (400/415/422) and only then the state. Every answer carries `ratelimit-*`.
 */
import { supportsUserManagement } from "@dbusers/rules/digitalocean";
import { spec } from "../generated/digitalocean-spec.js";
import type { Reply } from "../http.js";
import { RateLimiter, type RateLimitOptions, type RateLimitSnapshot } from "../rate-limit.js";
import { type OpenApiDocument, type RouteMatch, SpecValidator } from "../spec-validator.js";
import type { IncomingCall, VendorRoute } from "../vendor.js";
import {
  badRequest,
  type ErrorReply,
  methodNotAllowed,
  notFound,
  serverError,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  unprocessable,
} from "./errors.js";
import { handlers } from "./handlers.js";
import { type ClusterRecord, clusterRecords, type DigitalOceanState } from "./state.js";
import { checkBody, parseBody } from "./validate.js";

/** DigitalOcean's published limits: 250 requests a minute, 5,000 an hour. */
export const DIGITALOCEAN_RATE_LIMIT = { perMinute: 250, perHour: 5000 } as const;

let validator: SpecValidator | undefined;
/** One compiled copy of the spec per process: compiling it is the slowest part of starting up. */
function specValidator(): SpecValidator {
  validator ??= new SpecValidator(spec as unknown as OpenApiDocument, "urn:dbusers:digitalocean");
  return validator;
}

function rateHeaders(snapshot: RateLimitSnapshot): Record<string, string> {
  return {
    "ratelimit-limit": String(snapshot.limit),
    "ratelimit-remaining": String(snapshot.remaining),
    "ratelimit-reset": String(snapshot.reset),
  };
}

function withHeaders(reply: Reply | ErrorReply, headers: Record<string, string>): Reply {
  return { status: reply.status, headers: { ...headers, ...reply.headers }, body: reply.body };
}

/** `Authorization: Bearer <token>`, scheme in any case (RFC 9110 §11.1), token compared exactly. */
function authorized(call: IncomingCall, token: string): boolean {
  const match = /^bearer +(\S+) *$/i.exec(call.headers.authorization ?? "");
  return match?.[1] === token;
}

export interface DigitalOceanRouterOptions {
  /** The token in force (a state file or `PUT /_emulator/state` may change it). */
  readonly token: () => string;
  readonly state: DigitalOceanState;
  readonly rateLimit: RateLimitOptions | false | undefined;
}

export class DigitalOceanRouter {
  readonly #token: () => string;
  readonly #clusters: Map<string, ClusterRecord>;
  readonly #limiter: RateLimiter;
  readonly #spec = specValidator();

  constructor(options: DigitalOceanRouterOptions) {
    this.#token = options.token;
    this.#clusters = clusterRecords(options.state);
    this.#limiter = new RateLimiter(DIGITALOCEAN_RATE_LIMIT, options.rateLimit);
  }

  owns(path: string): boolean {
    return path === "/v2" || path.startsWith("/v2/");
  }

  /** Forgets every count (after the state is replaced or reset). */
  forgetRateLimits(): void {
    this.#limiter.clear();
  }

  route(call: IncomingCall): VendorRoute {
    const match = this.#spec.match(call.method, call.path);
    const authenticated = authorized(call, this.#token());
    // Limits are per token, as DigitalOcean's are. Only the one accepted token is ever counted, so
    // requests with made-up credentials cannot grow the limiter (they get a 401 first).
    const key = authenticated ? "token" : "anonymous";
    return {
      operationId: match.kind === "operation" ? match.operation.operationId : undefined,
      authenticated,
      commonHeaders: () => rateHeaders(this.#limiter.peek(key)),
      faultReply: (status, retryAfter) => {
        const headers = rateHeaders(this.#limiter.peek(key));
        if (status === 429) return withHeaders(tooManyRequests(retryAfter), headers);
        return withHeaders(
          status === 500 ? serverError(call.requestId) : serviceUnavailable(call.requestId),
          headers,
        );
      },
      handle: () => {
        // `peek` of a key never counted shows a full budget and stores nothing.
        if (!authenticated) return withHeaders(unauthorized(), rateHeaders(this.#limiter.peek(key)));
        const decision = this.#limiter.consume(key);
        const headers = rateHeaders(decision.snapshot);
        if (!decision.allowed) return withHeaders(tooManyRequests(decision.retryAfter), headers);
        return withHeaders(this.#answer(call, match), headers);
      },
    };
  }

  #answer(call: IncomingCall, match: RouteMatch): Reply | ErrorReply {
    if (match.kind === "none") return notFound(call.requestId);
    if (match.kind === "method-not-allowed") {
      return methodNotAllowed(call.requestId, call.method, match.allowed);
    }
    if (match.kind === "bad-encoding") {
      return badRequest(call.requestId, `the ${match.param} path segment is not valid percent-encoding`);
    }
    const { operation, params } = match;
    const paramIssues = this.#spec.validatePathParams(operation, params);
    if (paramIssues.length > 0) return unprocessable(call.requestId, paramIssues);

    const cluster = this.#clusters.get(params.database_cluster_uuid!.toLowerCase());
    if (!cluster) return notFound(call.requestId);
    if (!supportsUserManagement(cluster.engine)) return serverError(call.requestId);
    const user = params.username === undefined ? undefined : cluster.users.get(params.username);
    if (params.username !== undefined && !user) return notFound(call.requestId);

    const parsed = parseBody(this.#spec, operation, call);
    if (!parsed.ok) return parsed.reply;
    const refused = checkBody(this.#spec, operation, parsed.body, cluster.engine, call.requestId);
    if (refused) return refused;

    const handler = handlers[operation.operationId];
    if (!handler) return notFound(call.requestId);
    return handler({ cluster, user, body: parsed.body, requestId: call.requestId });
  }
}
