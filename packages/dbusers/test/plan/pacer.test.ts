import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPacer } from "../../src/plan/pacer.js";

// A server that answers 429 (or Rackspace's 413 over-limit) for the first `limited` requests.
let limited = 0;
let status = 429;
let url = "";
const seen: string[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    seen.push(body);
    if (limited > 0) {
      limited--;
      res.writeHead(status, { "retry-after": "2" }).end("{}");
      return;
    }
    res.writeHead(201, { "ratelimit-remaining": "10" }).end("{}");
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function clock() {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    options: {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    },
  };
}

describe("the pacer", () => {
  it.each([429, 413])("waits as Retry-After asks on %i and sends the same request again", async (code) => {
    limited = 2;
    status = code;
    seen.length = 0;
    const { waits, options } = clock();
    const pacer = createPacer(options);
    const response = await pacer.wrap(fetch)(url, { method: "POST", body: '{"name":"a"}' });
    expect(response.status).toBe(201);
    expect(waits).toEqual([2000, 2000]);
    expect(seen).toEqual(['{"name":"a"}', '{"name":"a"}', '{"name":"a"}']);
    expect(pacer.stats).toMatchObject({ sent: 3, limited: 2 });
  });

  it("gives the answer back after maxWaits", async () => {
    limited = 5;
    status = 429;
    const { options } = clock();
    const response = await createPacer({ ...options, maxWaits: 1 }).wrap(fetch)(url);
    expect(response.status).toBe(429);
    limited = 0;
  });
});
