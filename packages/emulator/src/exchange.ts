/**
 * One vendor request from arrival to answer: logged, faults applied before the vendor sees it and
 * after it answered, then sent. Shared by every vendor; the vendor supplies only its `VendorRoute`.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { Faults, FaultTarget } from "./faults.js";
import { MAX_BODY_BYTES, type Reply, replyText, sendReply } from "./http.js";
import type { RequestLog } from "./request-log.js";
import { redactHeaders } from "./request-log.js";
import type { VendorInstance, VendorRoute } from "./vendor.js";
import type { VendorName } from "./vendors.js";

export interface Arrival {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly bodyTooLarge: boolean;
  readonly origin: string;
  readonly receivedAt: number;
}

/** Answers paths no vendor serves. */
function unknownRoute(): VendorRoute {
  const body = (id: string, message: string) => ({ id, message });
  return {
    operationId: undefined,
    authenticated: false,
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

export class Exchanges {
  readonly #faults: Faults;
  readonly #log: RequestLog;
  readonly #sleeps = new Set<() => void>();
  #closed = false;

  constructor(faults: Faults, log: RequestLog) {
    this.#faults = faults;
    this.#log = log;
  }

  async run(
    res: ServerResponse,
    vendor: VendorName | undefined,
    instance: VendorInstance<unknown> | undefined,
    arrival: Arrival,
  ): Promise<void> {
    const { method, path, query, headers, body, bodyTooLarge, origin, receivedAt } = arrival;
    const requestId = randomUUID();
    const route =
      instance?.route({ method, path, query, headers, body, bodyTooLarge, requestId, origin }) ??
      unknownRoute();
    const entry = this.#log.add(
      {
        vendor,
        operationId: route.operationId,
        method,
        path,
        query,
        headers: redactHeaders(headers),
        requestId,
        receivedAt,
      },
      body,
      route.authenticated,
    );
    if (bodyTooLarge) {
      entry.bodyOmitted = "too-large";
      entry.bodySize = MAX_BODY_BYTES;
    }
    const target: FaultTarget = { vendor, method, path, operationId: route.operationId };
    const exchange: Exchange = { res, route, entry };
    if (await this.#faulted("before", target, exchange, undefined)) return;
    const reply = await route.handle();
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
    for (const fault of this.#faults.take(when, target)) {
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

  /** Wakes every request waiting in an injected latency, so it ends instead of holding `close`. */
  closeAll(): void {
    this.#closed = true;
    for (const wake of [...this.#sleeps]) wake();
  }

  /** A 500 for a bug in the emulator itself; the message names no request data. */
  fail(res: ServerResponse, error: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const message = error instanceof Error ? error.message : String(error);
    sendReply(res, {
      status: 500,
      headers: {},
      body: { id: "server_error", message: `emulator failure: ${message}` },
    });
  }
}
