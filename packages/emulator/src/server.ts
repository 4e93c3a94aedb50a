/**
 * `startEmulator`: one node:http server on 127.0.0.1 that hands each request to the vendor owning
 * its path, with faults applied before and after the vendor answers and every request logged.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type AtlasOptions, createAtlas } from "./atlas/index.js";
import type { AtlasState } from "./atlas/state.js";
import { createDigitalOcean, type DigitalOceanOptions } from "./digitalocean/index.js";
import type { DigitalOceanState } from "./digitalocean/state.js";
import { EmulatorError } from "./errors.js";
import { type Fault, type FaultMatch, Faults, type FaultTarget, type InjectedFault } from "./faults.js";
import { BodyTooLargeError, type Reply, readBody, replyText, sendReply } from "./http.js";
import { randomSeed } from "./random.js";
import type { RateLimitOptions } from "./rate-limit.js";
import { parseLoggedBody, type RecordedRequest, RequestLog, redactHeaders } from "./request-log.js";
import type { IncomingCall, Vendor, VendorRoute } from "./vendor.js";

export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  readonly digitalocean?: DigitalOceanOptions;
  readonly atlas?: AtlasOptions;
  /** Overrides every vendor's limits (DigitalOcean: 250/minute, 5,000/hour); `false` never answers 429. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Seeds the PRNG behind fault `probability`; random when left out (see `faults.seed`). */
  readonly seed?: number;
}

export interface EmulatorState {
  readonly digitalocean: DigitalOceanState;
  readonly atlas: AtlasState;
  /** Every request received, for any vendor or none, oldest first; credentials redacted. */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
}

export interface EmulatorFaults {
  /** The seed in use; pass it as `seed` to replay which requests a probability picked. */
  readonly seed: number;
  inject(match: FaultMatch, fault: Fault): InjectedFault;
  clear(): void;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly state: EmulatorState;
  readonly faults: EmulatorFaults;
  /** Stops listening and closes every connection, idle keep-alive ones included. Safe to call twice. */
  close(): Promise<void>;
}

/** Answers paths no vendor serves. */
function unknownRoute(): VendorRoute {
  const body = (id: string, message: string) => ({ id, message });
  return {
    operationId: undefined,
    handle: () => ({
      status: 404,
      headers: {},
      body: body("not_found", "No emulated API serves this path."),
    }),
    faultReply: (status, retryAfter) => {
      const headers: Record<string, string> = status === 429 ? { "retry-after": String(retryAfter) } : {};
      return { status, headers, body: body("fault", `injected ${status}`) };
    },
    commonHeaders: () => ({}),
  };
}

interface Exchange {
  readonly res: ServerResponse;
  readonly route: VendorRoute;
  readonly entry: { status: number | undefined; fault: string | undefined };
}

function answer(exchange: Exchange, reply: Reply, text?: string): void {
  exchange.entry.status = reply.status;
  sendReply(exchange.res, reply, text);
}

/** A strict prefix of a JSON object's text is never valid JSON. */
function cutOff(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

class EmulatorServer {
  readonly faults: Faults;
  readonly log = new RequestLog();
  readonly vendors: readonly Vendor[];
  readonly digitalocean: DigitalOceanState;
  readonly atlas: AtlasState;
  readonly server: Server;
  readonly #sleeps = new Set<() => void>();
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(options: EmulatorOptions) {
    this.faults = new Faults(options.seed ?? randomSeed());
    const digitalocean = createDigitalOcean(options.digitalocean, this.log, options.rateLimit);
    this.digitalocean = digitalocean.state;
    const atlas = createAtlas(options.atlas, options.rateLimit);
    this.atlas = atlas.state;
    this.vendors = [digitalocean.router, atlas.router];
    this.server = createServer((req, res) => {
      this.#onRequest(req, res).catch((error: unknown) => this.#fail(res, error));
    });
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = queryAt < 0 ? "" : url.slice(queryAt + 1);
    let body = "";
    let bodyTooLarge = false;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      bodyTooLarge = true;
    }
    const method = (req.method ?? "GET").toUpperCase();
    const requestId = randomUUID();
    const call: IncomingCall = { method, path, query, headers: req.headers, body, bodyTooLarge, requestId };
    const vendor = this.vendors.find((v) => v.owns(path));
    const route = vendor?.route(call) ?? unknownRoute();
    const entry = this.log.add({
      vendor: vendor?.name,
      operationId: route.operationId,
      method,
      path,
      query,
      headers: redactHeaders(req.headers),
      body: parseLoggedBody(body),
      requestId,
      receivedAt,
    });
    const target: FaultTarget = { vendor: vendor?.name, method, path, operationId: route.operationId };
    const exchange: Exchange = { res, route, entry };
    if (await this.#faulted("before", target, exchange, undefined)) return;
    const reply = route.handle();
    if (await this.#faulted("after", target, exchange, reply)) return;
    answer(exchange, reply);
  }

  /** Applies the faults due now; true when one of them ended the request. */
  async #faulted(
    when: "before" | "after",
    target: FaultTarget,
    exchange: Exchange,
    reply?: Reply,
  ): Promise<boolean> {
    const { res, route, entry } = exchange;
    for (const fault of this.faults.take(when, target)) {
      if (fault.type === "latency") {
        await this.#sleep(fault.ms);
        if (!this.#closed) continue;
        res.destroy();
        return true;
      }
      entry.fault = fault.type;
      if (fault.type === "drop") {
        // A TCP reset, so the client sees ECONNRESET rather than a clean end of stream.
        if (res.socket) res.socket.resetAndDestroy();
        else res.destroy();
      } else if (fault.type === "status") {
        answer(exchange, route.faultReply(fault.status, fault.status === 429 ? (fault.retryAfter ?? 1) : 1));
      } else {
        const base = reply ?? {
          status: 200,
          headers: route.commonHeaders(),
          body: { emulator: "malformed-json" },
        };
        // A 204 cannot carry a body, so the damaged answer becomes a 200.
        answer(
          exchange,
          { ...base, status: base.status === 204 ? 200 : base.status },
          cutOff(replyText(base) ?? "{}"),
        );
      }
      return true;
    }
    return false;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#sleeps.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#sleeps.add(done);
    });
  }

  #fail(res: ServerResponse, error: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const message = error instanceof Error ? error.message : String(error);
    sendReply(res, {
      status: 500,
      headers: {},
      body: { id: "server_error", message: `emulator failure: ${message}` },
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        reject(new EmulatorError("listen-failed", `cannot listen on 127.0.0.1:${port}: ${error.message}`));
      };
      this.server.once("error", onError);
      // 127.0.0.1 only: the emulator accepts any request from anyone who can reach it.
      this.server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
        this.server.off("error", onError);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    this.#closing ??= new Promise((resolve) => {
      this.#closed = true;
      for (const wake of [...this.#sleeps]) wake();
      this.server.close(() => resolve());
      // Idle keep-alive sockets would hold `close` open for up to keepAliveTimeout; in-flight ones too.
      this.server.closeAllConnections();
    });
    return this.#closing;
  }
}

function checkOptions(options: EmulatorOptions): void {
  const { port, seed } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new EmulatorError("invalid-option", `port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new EmulatorError(
      "invalid-option",
      `seed must be an integer from 0 to 4294967295, got ${String(seed)}`,
    );
  }
}

/** Starts an emulator on 127.0.0.1; resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  checkOptions(options);
  const emulator = new EmulatorServer(options);
  const port = await emulator.listen(options.port ?? 0);
  const { log, faults } = emulator;
  const state: EmulatorState = {
    digitalocean: emulator.digitalocean,
    atlas: emulator.atlas,
    get requests() {
      return log.list();
    },
    clearRequests: () => log.clear(),
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    faults: {
      seed: faults.seed,
      inject: (match, fault) => faults.inject(match, fault),
      clear: () => faults.clear(),
    },
    close: () => emulator.close(),
  };
}
