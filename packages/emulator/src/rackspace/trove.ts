/**
 * The Trove v1.0 router for `/v1.0/{tenantId}/…`. A request goes through Trove's path decoding
 * (the whole path once, then the `{user}` segment again), the routes of specs/rackspace, the token
 * (which must belong to the tenant), Rackspace's rate limit for its class (413 + Retry-After), the
 * instance (404, then 422 unless ACTIVE for user and database work), the body (JSON, then the
 * spec's schema: 400), and only then the handler. Every answer is checked against the spec.
 */
import { spec } from "../generated/rackspace-spec.js";
import type { Reply } from "../http.js";
import { RateLimiter, type RateLimitOptions } from "../rate-limit.js";
import { type OpenApiDocument, type SpecOperation, SpecValidator } from "../spec-validator.js";
import type { Handler, TroveCall } from "./call.js";
import { otherHandlers } from "./databases.js";
import { badRequest, fault, notFound, overLimit, unauthorized } from "./faults.js";
import { pythonUnquote, userFromSegment } from "./paths.js";
import type { AccountRecord } from "./state.js";
import type { TokenStore } from "./tokens.js";
import { userHandlers } from "./users.js";
import type { WriteQueue } from "./writes.js";

let validator: SpecValidator | undefined;
/** One compiled copy of the spec per process. */
export function rackspaceSpec(): SpecValidator {
  validator ??= new SpecValidator(spec as unknown as OpenApiDocument, "urn:dbusers:rackspace");
  return validator;
}

const HANDLERS: Readonly<Record<string, Handler>> = { ...userHandlers, ...otherHandlers };

/** Rackspace's limits per minute by kind of request (docs/vendors/rackspace.md §3). */
export const RACKSPACE_RATE_LIMITS = {
  databaseWrites: 20,
  userWrites: 50,
  reads: 100,
  rootEnable: 20,
} as const;
type LimitClass = keyof typeof RACKSPACE_RATE_LIMITS;

function limitClass(operation: SpecOperation): LimitClass {
  if (operation.method === "GET") return "reads";
  if (operation.operationId === "enableRoot") return "rootEnable";
  if (operation.operationId === "createDatabases" || operation.operationId === "deleteDatabase")
    return "databaseWrites";
  return "userWrites";
}

const NEEDS_ACTIVE =
  /^(?:create|change|update|delete|list|get|grant|revoke)(?:Users?|Passwords|UserAccess|Databases?)$/;

export interface TroveRouterOptions {
  readonly accounts: () => readonly AccountRecord[];
  readonly tokens: TokenStore;
  readonly writes: WriteQueue;
  readonly validation: "api" | "guest";
  readonly rateLimit: RateLimitOptions | false | undefined;
}

export interface TroveRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly token: string | undefined;
  readonly body: string;
  readonly origin: string;
}

type Matched = { operation: SpecOperation; raw: Record<string, string> };

export class TroveRouter {
  readonly #options: TroveRouterOptions;
  readonly #spec = rackspaceSpec();
  readonly #limiters: Record<LimitClass, RateLimiter>;

  constructor(options: TroveRouterOptions) {
    this.#options = options;
    const limiter = (perMinute: number) =>
      new RateLimiter({ perMinute, perHour: perMinute * 60 }, options.rateLimit);
    this.#limiters = {
      databaseWrites: limiter(RACKSPACE_RATE_LIMITS.databaseWrites),
      userWrites: limiter(RACKSPACE_RATE_LIMITS.userWrites),
      reads: limiter(RACKSPACE_RATE_LIMITS.reads),
      rootEnable: limiter(RACKSPACE_RATE_LIMITS.rootEnable),
    };
  }

  /** The operation a path and method name, after Trove's first decode of the whole path. */
  match(method: string, path: string): Matched | "method" | undefined {
    // `/v1.0/{tenant}/instances/…`: the web server decodes once, then routes split on `/`.
    const parts = pythonUnquote(path).split("/").slice(3);
    let methodMismatch = false;
    for (const operation of this.#spec.operations) {
      const segments = operation.segments.slice(1);
      if (segments.length !== parts.length) continue;
      const raw: Record<string, string> = {};
      const fits = segments.every((segment, i) => {
        const part = parts[i]!;
        if (segment.param === undefined) return segment.literal === part;
        raw[segment.param] = part;
        return part !== "";
      });
      if (!fits) continue;
      if (operation.method === method) return { operation, raw };
      methodMismatch = true;
    }
    return methodMismatch ? "method" : undefined;
  }

  /** The account whose live token this is, when it is for the tenant in the path. */
  authenticate(request: TroveRequest): AccountRecord | undefined {
    const tenantId = request.path.split("/")[2];
    const token = this.#options.tokens.find(request.token);
    if (!token || token.tenantId !== tenantId) return undefined;
    return this.#options.accounts().find((a) => a.tenantId === tenantId);
  }

  handle(request: TroveRequest): Reply {
    const account = this.authenticate(request);
    if (!account) return unauthorized();
    const matched = this.match(request.method, request.path);
    if (matched === undefined) return notFound("The resource could not be found.");
    if (matched === "method") return fault(405, "The method is not allowed for the requested URL.");
    const { operation, raw } = matched;
    const decision = this.#limiters[limitClass(operation)].consume(account.tenantId);
    if (!decision.allowed) return overLimit(decision.retryAfter);
    const reply = this.#operate(request, account, matched);
    this.#checkReply(operation, reply);
    void raw;
    return reply;
  }

  #operate(request: TroveRequest, account: AccountRecord, { operation, raw }: Matched): Reply {
    const instance = raw.instanceId === undefined ? undefined : account.instances.get(raw.instanceId);
    if (raw.instanceId !== undefined && !instance) {
      return notFound(`Instance ${raw.instanceId} could not be found.`);
    }
    if (instance && instance.status !== "ACTIVE" && NEEDS_ACTIVE.test(operation.operationId)) {
      return fault(422, `Instance ${instance.id} is not ready, status: ${instance.status}.`);
    }
    const body = this.#body(operation, request.body);
    if ("status" in body) return body;
    const base = `${request.origin}${request.path.split("/").slice(0, 3).join("/")}`;
    const call: TroveCall = {
      account,
      instance,
      user: raw.user === undefined ? undefined : userFromSegment(raw.user),
      database: raw.database,
      body: body.value,
      query: new URLSearchParams(request.query),
      pageUrl: `${base}${operation.template.replace("{instanceId}", raw.instanceId ?? "")}`,
      validation: this.#options.validation,
      writes: this.#options.writes,
    };
    return HANDLERS[operation.operationId]!(call);
  }

  #body(operation: SpecOperation, text: string): { value: unknown } | Reply {
    const { accepted, required } = this.#spec.requestBody(operation);
    if (text.trim() === "") {
      return required ? badRequest("Request body is required.") : { value: undefined };
    }
    if (!accepted) return { value: undefined };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return badRequest("Malformed request body: it is not JSON.");
    }
    const issues = this.#spec.validateBody(operation, value);
    if (issues.length > 0) return badRequest(`Validation error: ${issues.map((i) => i.message).join("; ")}`);
    return { value };
  }

  /** The emulator answers only what specs/rackspace allows; anything else is a bug here. */
  #checkReply(operation: SpecOperation, reply: Reply): void {
    const responses = `${operation.pointer}/responses`;
    const found =
      this.#spec.resolve(`${responses}/${reply.status}`) ?? this.#spec.resolve(`${responses}/default`);
    if (!found)
      throw new Error(
        `${operation.operationId} answered ${reply.status}, which specs/rackspace does not list`,
      );
    const hasContent = typeof found.node.content === "object" && found.node.content !== null;
    if (!hasContent) {
      if (reply.body !== undefined)
        throw new Error(`${operation.operationId} ${reply.status} must have no body`);
      return;
    }
    const validate = this.#spec.validator(`${found.pointer}/content/application~1json/schema`);
    if (!validate(reply.body)) {
      throw new Error(
        `${operation.operationId} ${reply.status} does not match specs/rackspace: ${JSON.stringify(validate.errors)}`,
      );
    }
  }
}
