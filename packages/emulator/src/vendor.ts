/**
 * The plug-in contract between the HTTP server and one vendor's API. A vendor is a folder
 * `src/<vendor>/` whose index exports a `VendorModule`; `src/vendors.ts` registers it. The server
 * owns the socket, the Host check, faults, the request log and the control API; the vendor owns its
 * routes (any path prefix), its state, its auth and its rate limits. See CONTRIBUTING.md.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "./http.js";
import type { RateLimitOptions } from "./rate-limit.js";
import type { RecordedRequest } from "./request-log.js";

/** A request as a vendor router sees it: the raw path (still percent-encoded) and the whole body. */
export interface IncomingCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body went past the size limit and was not read. */
  readonly bodyTooLarge: boolean;
  readonly requestId: string;
  /**
   * The origin the client reached, e.g. `https://localhost:4011`: scheme of the listener, host as the
   * client wrote it (already checked to be a loopback name and one of the emulator's own ports). Use
   * it for URLs a vendor hands out (a service catalog, a `next` link), so they work over either listener.
   */
  readonly origin: string;
}

/** One request routed to a vendor, not yet answered. */
export interface VendorRoute {
  /** The spec's operationId, when the method and path are one of the vendor's operations. */
  readonly operationId: string | undefined;
  /**
   * Whether the request carries a credential the vendor accepts, judged without side effects (a
   * Digest nonce is not used up by this check). Only then is its body kept in the request log.
   */
  readonly authenticated: boolean;
  /** Computes the answer, changing state only when the request is valid. Auth, then rate limit. */
  handle(): Reply | Promise<Reply>;
  /** The vendor's own answer for an injected status (its error body and headers). */
  faultReply(status: 429 | 500 | 503, retryAfter: number): Reply;
  /** Headers every answer carries (rate limit), computed without counting a request. */
  commonHeaders(): Record<string, string>;
}

/** What the server lends every vendor when it is created. */
export interface VendorContext {
  /**
   * The emulator-wide rate-limit override (`false`: never answer 429). A vendor passes it to its
   * own `RateLimiter` together with its documented defaults.
   */
  readonly rateLimit: RateLimitOptions | false | undefined;
  /** The request log's entries for this vendor, oldest first (for a `requests` getter on its state). */
  requests(): RecordedRequest[];
}

/** One vendor, created from its section of the options (or of a state file). */
export interface VendorInstance<State> {
  /** The typed handle tests use as `emulator.state.<vendor>`. */
  readonly state: State;
  /** Whether a raw path belongs to this vendor's API (any prefix: `/v2/…`, `/api/atlas/v2/…`, `/v2.0/tokens`). */
  owns(path: string): boolean;
  route(call: IncomingCall): VendorRoute;
  /**
   * The whole state as plain JSON, in the shape of the vendor's options section (so that
   * `load(snapshot())` gives the same state back). It may hold the vendor's secrets: it is served
   * only on the loopback control API and never printed.
   */
  snapshot(): unknown;
  /**
   * Replaces the whole state with a section (parsed JSON or YAML of unknown shape). All or nothing:
   * on a bad section it throws `EmulatorError` (code `invalid-state`) naming the field, and keeps
   * the state it had.
   */
  load(section: unknown): void;
  /** Back to the state it was created with; rate-limit counters and issued tokens are forgotten. */
  reset(): void;
}

/** A vendor's entry in `src/vendors.ts`. `Options` is its section of `startEmulator` options. */
export interface VendorModule<Name extends string, Options, State> {
  /** The options key, the state key, the state-file key and `RecordedRequest.vendor`. */
  readonly name: Name;
  /** Builds the vendor from its section (`undefined` when none was given); throws `EmulatorError` on bad options. */
  create(options: Options | undefined, context: VendorContext): VendorInstance<State>;
}

/** Any registered module, for code that iterates the registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds modules of different option and state types.
export type AnyVendorModule = VendorModule<string, any, unknown>;

export type OptionsOf<M> = M extends VendorModule<string, infer Options, infer _State> ? Options : never;
export type StateOf<M> = M extends VendorModule<string, infer _Options, infer State> ? State : never;
