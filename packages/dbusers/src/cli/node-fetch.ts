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

const senders = new Map<string, Promise<Send>>();

/** `node:https` is imported only for an `https:` URL (the emulator is plain `http:` on loopback). */
function senderFor(protocol: string): Promise<Send> {
  let loading = senders.get(protocol);
  if (loading === undefined) {
    loading =
      protocol === "https:"
        ? import("node:https").then((m) => m.request as Send)
        : import("node:http").then((m) => m.request);
    senders.set(protocol, loading);
  }
  return loading;
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

export const nodeFetch: typeof fetch = async (input, init) => {
  const request =
    input instanceof Request && init?.headers === undefined && init?.body === undefined
      ? input
      : new Request(input, init);
  const signal = init?.signal ?? request.signal;
  signal?.throwIfAborted();
  const url = new URL(request.url);
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  const send = await senderFor(url.protocol);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== undefined) headers["content-length"] = String(body.length);

  return new Promise<Response>((resolve, reject) => {
    const outgoing = send(url, { method: request.method, headers, ...(signal ? { signal } : {}) }, (res) => {
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
        Object.defineProperty(response, "url", { value: request.url });
        resolve(response);
      });
    });
    outgoing.on("error", (error) => reject(signal?.aborted ? signal.reason : fetchFailed(error)));
    outgoing.end(body);
  });
};
