/**
 * The CLI's `node:http` transport (src/cli/node-fetch.ts) against the emulator. Node keeps sockets
 * alive between requests, and a server may close an idle one just as the next request goes out on
 * it. The emulator's `drop` fault resets the connection without reading the request, which is what
 * the client sees in that race, and it does so on the request the test chooses.
 */
import { type Emulator, startEmulator } from "@dbusers/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { nodeFetch } from "../src/cli/node-fetch.js";

const account = { username: "dbadmin", apiKey: "0123456789abcdef0123456789abcdef", tenantId: "827364" };
const instance = "7f4d2c1e-5b3a-4c8d-9e0f-1a2b3c4d5e6f";
const identity = JSON.stringify({
  auth: { "RAX-KSKEY:apiKeyCredentials": { username: account.username, apiKey: account.apiKey } },
});

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimit: false,
    rackspace: { accounts: [{ ...account, instances: [{ id: instance, region: "ORD" }] }] },
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.state.clearRequests();
});

const tokenPost = () =>
  nodeFetch(`${emulator.url}/v2.0/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: identity,
  });

const tokenRequests = () =>
  emulator.state.requests
    .filter((r) => r.method === "POST" && r.path === "/v2.0/tokens")
    .map((r) => r.fault ?? r.status);

describe("nodeFetch on a kept-alive connection", () => {
  test("sends a token POST again, on a new connection, when the reused socket is reset before any answer", async () => {
    // The first answer leaves its socket in Node's pool of idle keep-alive sockets.
    expect((await tokenPost()).status).toBe(200);
    emulator.faults.inject({ method: "POST", path: "/v2.0/tokens", times: 1 }, { type: "drop" });
    const response = await tokenPost();
    expect(response.status).toBe(200);
    expect(((await response.json()) as { access: { token: { id: string } } }).access.token.id).toBeTruthy();
    expect(tokenRequests()).toEqual([200, "drop", 200]);
  });

  test("does not send again when a new connection is reset: that is the client's retry policy to judge", async () => {
    // Another emulator: no idle socket to it exists yet, so the request opens a new connection.
    const other = await startEmulator({ rateLimit: false, rackspace: { accounts: [{ ...account }] } });
    try {
      other.faults.inject({ method: "POST", path: "/v2.0/tokens", times: 1 }, { type: "drop" });
      const failed = nodeFetch(`${other.url}/v2.0/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: identity,
      });
      await expect(failed).rejects.toThrow(TypeError);
      await expect(failed).rejects.toHaveProperty("cause.code", "ECONNRESET");
      expect(other.state.requests.map((r) => r.fault ?? r.status)).toEqual(["drop"]);
    } finally {
      await other.close();
    }
  });
});
