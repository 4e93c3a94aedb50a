/** A real `node:http` server on 127.0.0.1 for transport tests: scripted answers, recorded requests. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Answers request number `index` (0-based). Doing nothing leaves the request hanging. */
export type Answer = (res: ServerResponse, seen: SeenRequest, req: IncomingMessage) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly seen: SeenRequest[];
  /** Resolves when the server has received `count` requests in total. */
  received(count: number): Promise<void>;
}

const open: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/**
 * Starts a server that answers its n-th request with `answers[n]` (the last answer repeats).
 * It is closed after the current test.
 */
export async function startServer(...answers: Answer[]): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      const answer = answers[Math.min(seen.length, answers.length - 1)];
      seen.push(request);
      for (const waiter of waiters) if (seen.length >= waiter.count) waiter.resolve();
      answer?.(res, request, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  open.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    received: (count) =>
      new Promise<void>((resolve) => {
        if (seen.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
  };
}

/** Answers with a status, optional headers and a JSON (or text) body. */
export function reply(status: number, body: unknown = {}, headers: Record<string, string> = {}): Answer {
  return (res) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(text);
  };
}

/** Closes the connection without an answer: fetch sees `other side closed` / `ECONNRESET`. */
export const resetConnection: Answer = (_res, _seen, req) => {
  req.socket.destroy();
};

/** Never answers. */
export const hang: Answer = () => undefined;

/** Sends headers and part of the body, then closes the connection. */
export const breakMidBody: Answer = (res, _seen, req) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
  res.write('{"partial":', () => req.socket.destroy());
};

/** Sends headers and part of the body, then stalls. */
export const stallMidBody: Answer = (res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
  res.write('{"partial":');
};

/** An injected sleep that records the delays it was asked for and returns at once. */
export function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}
