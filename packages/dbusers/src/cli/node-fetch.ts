/**
 * A small `fetch` over `node:http`/`node:https`, passed to the vendor clients as their `fetch`
 * option. On Node 20 the first request through the global `fetch` sets up undici's connection
 * machinery, which costs a short-lived CLI process more than everything else it does; a plain
 * `node:http` request does not. Requests and responses are still the platform's `Request` and
 * `Response`, so the clients see exactly what the global `fetch` would give them. Redirects are
 * returned, not followed: the vendors' APIs do not redirect.
 */
import type { IncomingMessage } from "node:http";

type Send = typeof import("node:http").request;

const senders = new Map<string, Send>();

/**
 * `node:https` (and TLS with it) is loaded only for an `https:` URL (the emulator is plain `http:`
 * on loopback), synchronously, when the first request of that protocol is sent.
 */
function senderFor(protocol: string): Send {
  let send = senders.get(protocol);
  if (send === undefined) {
    send =
      protocol === "https:"
        ? (process.getBuiltinModule("node:https").request as Send)
        : process.getBuiltinModule("node:http").request;
    senders.set(protocol, send);
  }
  return send;
}

/** Failures read like the platform's: `TypeError: fetch failed` with the socket error as `cause`. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

function responseHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

interface Outgoing {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly signal: AbortSignal | null | undefined;
}

/** A body the vendor clients send (JSON text or bytes) as bytes; `undefined` for any other kind. */
function plainBody(body: RequestInit["body"]): Buffer | null | undefined {
  if (body === undefined || body === null) return null;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return undefined;
}

function headerRecord(headers: RequestInit["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * What to send. The clients call `fetch(url, { method, headers, body, signal })` with a JSON body,
 * which needs no `Request`; anything else goes through one, as the platform's fetch would take it.
 */
async function outgoing(input: string | URL | Request, init: RequestInit | undefined): Promise<Outgoing> {
  const body = plainBody(init?.body);
  // `typeof` first: even an `instanceof Request` loads the platform's Request (see lean-web.ts).
  if ((typeof input === "string" || input instanceof URL) && body !== undefined) {
    return {
      url: String(input),
      method: (init?.method ?? "GET").toUpperCase(),
      headers: headerRecord(init?.headers),
      body: body ?? undefined,
      signal: init?.signal,
    };
  }
  const request = new Request(input, init);
  return {
    url: request.url,
    method: request.method,
    headers: headerRecord(request.headers),
    body: request.body === null ? undefined : Buffer.from(await request.arrayBuffer()),
    signal: init?.signal ?? request.signal,
  };
}

/**
 * Errors of a connection the server closed: a kept-alive socket the server timed out as the next
 * request went out on it. Node's global agent keeps sockets alive and times an idle one out only
 * when the server's `Keep-Alive: timeout` says so, the same moment the server closes it.
 */
const CLOSED_UNDER_US = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

interface Exchange {
  readonly send: Send;
  readonly url: URL;
  readonly href: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly signal: AbortSignal | null | undefined;
}

/**
 * One request and its buffered answer. A request that fails before any answer on a *reused*
 * socket was sent into a connection the server had already closed, so it never reached the server:
 * it goes again once, on a connection of its own (`agent: false`), whatever its method (a token
 * POST too). A failure on a fresh connection, or after an answer began, is the caller's to judge
 * (the clients retry what is safe to retry).
 */
function exchange(x: Exchange, fresh = false): Promise<Response> {
  const { send, url, href, method, headers, body, signal } = x;
  return new Promise<Response>((resolve, reject) => {
    let answered = false;
    const options = { method, headers, ...(signal ? { signal } : {}), ...(fresh ? { agent: false } : {}) };
    const sent = send(url, options, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => reject(signal?.aborted ? signal.reason : fetchFailed(error)));
      res.on("end", () => {
        const status = res.statusCode ?? 502;
        const response = new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
          status,
          statusText: res.statusMessage ?? "",
          headers: responseHeaders(res),
        });
        Object.defineProperty(response, "url", { value: href });
        resolve(response);
      });
    });
    sent.on("error", (error: NodeJS.ErrnoException) => {
      if (signal?.aborted) return reject(signal.reason);
      const closedIdle = !fresh && !answered && sent.reusedSocket && CLOSED_UNDER_US.has(error.code ?? "");
      if (closedIdle) resolve(exchange(x, true));
      else reject(fetchFailed(error));
    });
    sent.end(body);
  });
}

export const nodeFetch: typeof fetch = async (input, init) => {
  const { url: href, method, headers, body, signal } = await outgoing(input, init);
  signal?.throwIfAborted();
  const url = new URL(href);
  const send = senderFor(url.protocol);
  if (body !== undefined) headers["content-length"] = String(body.length);
  return exchange({ send, url, href, method, headers, body, signal });
};
