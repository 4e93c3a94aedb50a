/** The control API on /_emulator/: state, reset, faults and requests over HTTP, for any language. */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";

let emulator: Emulator;
const cluster = randomUUID();
beforeEach(async () => {
  emulator = await startEmulator({
    digitalocean: { token: "t", clusters: [{ id: cluster, engine: "pg", users: ["seeded"] }] },
  });
});
afterEach(() => emulator.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${emulator.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON fields.
  return { status: res.status, body: (text === "" ? undefined : JSON.parse(text)) as any };
}

const users = (path = `/v2/databases/${cluster}/users`, init: RequestInit = {}) =>
  fetch(`${emulator.url}${path}`, { ...init, headers: { authorization: "Bearer t", ...init.headers } });

describe("GET /_emulator", () => {
  it("describes the emulator: its URLs, vendors and fault seed", async () => {
    const res = await call("GET", "");
    expect(res.body).toEqual({
      url: emulator.url,
      httpsUrl: null,
      caCertPath: null,
      vendors: ["digitalocean", "atlas"],
      faultSeed: emulator.faults.seed,
    });
  });
});

describe("/_emulator/state", () => {
  it("GET returns every vendor's state in the shape PUT and state files take", async () => {
    const res = await call("GET", "/state");
    expect(res.status).toBe(200);
    expect(res.body.digitalocean.token).toBe("t");
    expect(res.body.digitalocean.clusters).toEqual([
      expect.objectContaining({
        id: cluster,
        engine: "pg",
        users: [expect.objectContaining({ name: "doadmin" }), expect.objectContaining({ name: "seeded" })],
      }),
    ]);
  });

  it("PUT replaces the state, and a snapshot loads back to the same state", async () => {
    const id = randomUUID();
    const put = await call("PUT", "/state", {
      digitalocean: {
        token: "t2",
        clusters: [
          {
            id,
            engine: "kafka",
            users: [
              { name: "app", password: "fixed-pw", settings: { acl: [{ topic: "t", permission: "admin" }] } },
            ],
          },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(emulator.state.digitalocean.listClusters()).toEqual([{ id, engine: "kafka" }]);
    expect(emulator.state.digitalocean.getUser(id, "app")?.password).toBe("fixed-pw");
    expect(
      (await users(`/v2/databases/${id}/users`, { headers: { authorization: "Bearer t2" } })).status,
    ).toBe(200);
    const snapshot = (await call("GET", "/state")).body;
    await call("PUT", "/state", { digitalocean: { clusters: [] } });
    expect(emulator.state.digitalocean.listClusters()).toEqual([]);
    await call("PUT", "/state", snapshot);
    expect((await call("GET", "/state")).body).toEqual(snapshot);
  });

  it("PUT refuses a bad state with a 400 naming the field, and keeps the old state", async () => {
    const before = (await call("GET", "/state")).body;
    const res = await call("PUT", "/state", { digitalocean: { clusters: [{ engine: "oracle" }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid-state");
    expect(res.body.error.message).toMatch(/^digitalocean\.clusters\[0\]\.engine must be one of/);
    expect((await call("GET", "/state")).body).toEqual(before);
  });

  it("PUT refuses an unknown vendor, a body that is not JSON, and a non-JSON content type", async () => {
    expect((await call("PUT", "/state", { nimbus: {} })).body.error.message).toMatch(
      /unknown vendor "nimbus"/,
    );
    expect((await call("PUT", "/state", "{")).status).toBe(400);
    const plain = await fetch(`${emulator.url}/_emulator/state`, {
      method: "PUT",
      body: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect(plain.status).toBe(400);
  });
});

describe("POST /_emulator/reset", () => {
  it("returns to the starting state and clears requests and faults", async () => {
    await users(undefined, {
      method: "POST",
      body: JSON.stringify({ name: "later" }),
      headers: { "content-type": "application/json" },
    });
    await call("POST", "/faults", { match: { method: "DELETE" }, fault: { type: "status", status: 503 } });
    expect(emulator.state.digitalocean.getUser(cluster, "later")).toBeDefined();
    const seededPassword = emulator.state.digitalocean.getUser(cluster, "seeded")!.password;
    expect((await call("POST", "/reset")).status).toBe(204);
    expect(emulator.state.digitalocean.getUser(cluster, "later")).toBeUndefined();
    expect(emulator.state.digitalocean.getUser(cluster, "seeded")!.password).toBe(seededPassword);
    expect(emulator.state.requests).toEqual([]);
    expect((await call("GET", "/faults")).body).toEqual({ faults: [] });
  });
});

describe("/_emulator/faults", () => {
  it("POST injects a fault (a path regexp too), GET lists it, DELETE removes it", async () => {
    const added = await call("POST", "/faults", {
      match: { path: { regexp: "/users$" }, method: "GET", times: 1 },
      fault: { type: "status", status: 503 },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      match: { path: { regexp: /\/users$/.source } },
      fired: 0,
      remaining: 1,
    });
    expect((await users()).status).toBe(503);
    expect((await users()).status).toBe(200);
    expect((await call("GET", "/faults")).body.faults).toEqual([]);
    const again = await call("POST", "/faults", { match: {}, fault: { type: "latency", ms: 1 } });
    expect((await call("GET", "/faults")).body.faults).toEqual([
      expect.objectContaining({ id: again.body.id, remaining: null }),
    ]);
    expect((await call("DELETE", `/faults/${again.body.id}`)).status).toBe(204);
    expect((await call("DELETE", `/faults/${again.body.id}`)).status).toBe(404);
  });

  it("never applies a fault to the control API itself", async () => {
    await call("POST", "/faults", { match: {}, fault: { type: "drop" } });
    expect((await call("GET", "/state")).status).toBe(200);
    expect((await call("DELETE", "/faults")).status).toBe(204);
  });

  it("refuses a misspelt fault with a 400 that says what is known", async () => {
    const res = await call("POST", "/faults", { match: { operationID: "x" }, fault: { type: "drop" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "invalid-fault",
      message: expect.stringContaining("operationID"),
    });
  });
});

describe("/_emulator/requests", () => {
  it("GET lists the vendor requests (not control calls), filtered by vendor; DELETE clears them", async () => {
    await users();
    await call("GET", "/state");
    const all = (await call("GET", "/requests")).body.requests;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      vendor: "digitalocean",
      operationId: "databases_list_users",
      status: 200,
    });
    expect(all[0].headers.authorization).toBe("Bearer [REDACTED]");
    expect((await call("GET", "/requests?vendor=digitalocean")).body.requests).toHaveLength(1);
    expect((await call("DELETE", "/requests")).status).toBe(204);
    expect((await call("GET", "/requests")).body.requests).toEqual([]);
  });
});

describe("cross-site requests", () => {
  it("are refused when a browser marks them (Origin or Sec-Fetch-Site)", async () => {
    expect((await call("POST", "/reset", undefined, { origin: "http://evil.example" })).status).toBe(403);
    expect((await call("GET", "/state", undefined, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(emulator.state.digitalocean.listClusters()).toHaveLength(1);
  });
});

describe("unknown control paths and methods", () => {
  it("answer 404 and 405 with the allowed methods", async () => {
    expect((await call("GET", "/nothing")).status).toBe(404);
    const res = await fetch(`${emulator.url}/_emulator/reset`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});
