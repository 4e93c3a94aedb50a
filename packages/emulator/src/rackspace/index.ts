/**
 * The Rackspace vendor module: Rackspace Identity v2.0 and Keystone v3 (`/v2.0`, `/v3`, `/`) in
 * front of Trove v1.0 (`/v1.0/{tenantId}/…`), with accounts, instances, users, databases and root.
 */
import type { Reply } from "../http.js";
import type { IncomingCall, VendorInstance, VendorModule, VendorRoute } from "../vendor.js";
import { fault, overLimit } from "./faults.js";
import { discovery, keystoneTokens, rackspaceTokens } from "./identity.js";
import { checkRackspaceSection, type RackspaceOptions } from "./options.js";
import { type AccountRecord, buildAccounts, RackspaceState } from "./state.js";
import { TokenStore } from "./tokens.js";
import { TroveRouter } from "./trove.js";
import { WriteQueue } from "./writes.js";

const DAY_SECONDS = 86_400;

/** Paths this vendor answers: Trove and the two identity APIs. */
function owns(path: string): boolean {
  return /^\/(?:v1\.0\/|v2\.0(?:\/|$)|v3(?:\/|$))/.test(path);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Faults are answered as Rackspace would: a 429 becomes its 413 rate limit. */
function faultReply(status: 429 | 500 | 503, retryAfter: number): Reply {
  if (status === 429) return overLimit(retryAfter);
  return fault(
    status,
    status === 500
      ? "The server has either erred or is incapable of performing the requested operation."
      : "The service is unavailable.",
  );
}

interface Live {
  accounts: AccountRecord[];
  options: RackspaceOptions | undefined;
  tokens: TokenStore;
  writes: WriteQueue;
  router: TroveRouter;
}

export const rackspace: VendorModule<"rackspace", RackspaceOptions, RackspaceState> = {
  name: "rackspace",
  create(options, context): VendorInstance<RackspaceState> {
    if (options !== undefined) checkRackspaceSection(options, "invalid-option");
    const build = (next: RackspaceOptions | undefined): Live => {
      const accounts = buildAccounts(next);
      const tokens = new TokenStore(next?.tokenTtlSeconds ?? DAY_SECONDS);
      const writes = new WriteQueue(next?.writes);
      const router = new TroveRouter({
        accounts: () => live.accounts,
        tokens,
        writes,
        validation: next?.validation ?? "api",
        rateLimit: context.rateLimit,
      });
      return { accounts, options: next, tokens, writes, router };
    };
    let live = build(options);
    const initial = structuredClone(options);
    const replace = (next: RackspaceOptions | undefined) => {
      const fresh = build(next);
      live.writes.clear();
      live = fresh;
    };
    const state = new RackspaceState({
      accounts: () => live.accounts,
      tokensIssued: () => live.tokens.issued,
      expireTokens: () => live.tokens.expireAll(),
      pendingWrites: () => live.writes.pending,
      applyWrites: () => live.writes.applyAll(),
      requests: () => context.requests(),
    });

    const route = (call: IncomingCall): VendorRoute => {
      const token = call.headers["x-auth-token"];
      const request = {
        method: call.method,
        path: call.path,
        query: call.query,
        token: Array.isArray(token) ? token[0] : token,
        body: call.body,
        origin: call.origin,
      };
      const trove = call.path.startsWith("/v1.0/");
      const matched = trove ? live.router.match(call.method, call.path) : undefined;
      const identity = { accounts: live.accounts, tokens: live.tokens, origin: call.origin };
      return {
        operationId: typeof matched === "object" ? matched.operation.operationId : undefined,
        authenticated: trove && live.router.authenticate(request) !== undefined,
        faultReply,
        commonHeaders: () => ({}),
        handle: () => {
          if (trove) return live.router.handle(request);
          if (call.method === "POST" && call.path === "/v2.0/tokens")
            return rackspaceTokens(identity, parse(call.body));
          if (call.method === "POST" && call.path === "/v3/auth/tokens")
            return keystoneTokens(identity, parse(call.body));
          if (call.method === "GET" && /^\/(?:v2\.0|v3)\/?$/.test(call.path))
            return discovery(identity, call.path);
          return fault(404, "The resource could not be found.");
        },
      };
    };

    return {
      state,
      owns,
      route,
      snapshot: () => ({ ...live.options, accounts: state.snapshotAccounts() }),
      load(section) {
        checkRackspaceSection(section, "invalid-state");
        replace(section as RackspaceOptions | undefined);
      },
      reset: () => replace(structuredClone(initial)),
    };
  },
};
