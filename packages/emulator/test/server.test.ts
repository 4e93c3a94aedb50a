/** The server itself: where it listens, how it closes, what it logs, and how it is set up. */
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { DEFAULT_DIGITALOCEAN_TOKEN, EmulatorError, startEmulator } from "../src/index.js";
import { checkedFetch, TOKEN, useEmulator } from "./helpers/digitalocean.js";

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("listening", () => {
  it("binds to 127.0.0.1 on a random free port by default", async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.port).toBeGreaterThan(0);
      expect(await canConnect("127.0.0.1", emulator.port)).toBe(true);
    } finally {
      await emulator.close();
    }
  });

  it("is not reachable on ::1 or on this machine's other addresses", async () => {
    const emulator = await startEmulator();
    try {
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i !== undefined && !i.internal)
        .map((i) => i!.address);
      for (const host of ["::1", ...others]) expect(await canConnect(host, emulator.port), host).toBe(false);
    } finally {
      await emulator.close();
    }
  });

  it("listens on the port asked for, and reports a port in use", async () => {
    const first = await startEmulator();
    try {
      const error = await startEmulator({ port: first.port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmulatorError);
      expect(error).toMatchObject({ code: "listen-failed" });
    } finally {
      await first.close();
    }
  });

  it.each([
    [{ port: -1 }, /port/],
    [{ port: 70000 }, /port/],
    [{ seed: 1.5 }, /seed/],
    [{ digitalocean: { clusters: [{ engine: "oracle" }] } }, /engine must be one of/],
    [{ digitalocean: { clusters: [{ engine: "pg", id: "nope" }] } }, /must be a UUID/],
    [{ digitalocean: { token: "" } }, /token/],
    [{ digitalocean: { token: "two words" } }, /token/],
  ])("refuses bad options %j", async (options, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input, as JavaScript callers could send.
    await expect(startEmulator(options as any)).rejects.toThrow(message);
  });
});

describe("close()", () => {
  it("resolves while a keep-alive connection is open and idle", async () => {
    const emulator = await startEmulator({ digitalocean: { token: TOKEN } });
    const agent = new Agent({ keepAlive: true });
    try {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest(
          `${emulator.url}/v2/nothing-here`,
          { agent, headers: { authorization: `Bearer ${TOKEN}` } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode));
          },
        );
        req.on("error", reject);
        req.end();
      });
      expect(status).toBe(404);
      expect(Object.keys(agent.freeSockets)).toHaveLength(1);
      await emulator.close();
      expect(await canConnect("127.0.0.1", emulator.port)).toBe(false);
    } finally {
      agent.destroy();
    }
  });

  it("resolves after fetch left a pooled connection open", async () => {
    const emulator = await startEmulator({ digitalocean: { token: TOKEN } });
    expect((await checkedFetch(emulator.url, "/v2/x")).status).toBe(401);
    await emulator.close();
  });

  it("ends a request stuck in an injected latency instead of waiting for it", async () => {
    const emulator = await startEmulator({ digitalocean: { token: TOKEN } });
    emulator.faults.inject({}, { type: "latency", ms: 60_000 });
    const pending = fetch(`${emulator.url}/v2/x`).catch((e: unknown) => e);
    while (emulator.state.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const started = performance.now();
    await emulator.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it("can be called twice", async () => {
    const emulator = await startEmulator();
    await Promise.all([emulator.close(), emulator.close()]);
    await emulator.close();
  });
});

describe("the request log", () => {
  const ctx = useEmulator();

  it("records method, raw path, query, headers with the credential redacted, and the parsed body", async () => {
    await ctx.api.request("POST", `/v2/databases/${ctx.ids.pg}/users?dry=1`, {
      body: { name: "a b" },
      headers: { cookie: "session=abc", "x-trace": "t1" },
    });
    const [entry] = ctx.emulator.state.digitalocean.requests;
    expect(entry).toMatchObject({
      vendor: "digitalocean",
      operationId: "databases_add_user",
      method: "POST",
      path: `/v2/databases/${ctx.ids.pg}/users`,
      query: "dry=1",
      body: { name: "a b" },
      status: 201,
      fault: undefined,
    });
    expect(entry!.headers.authorization).toBe("Bearer [REDACTED]");
    expect(entry!.headers.cookie).toBe("[REDACTED]");
    expect(entry!.headers["x-trace"]).toBe("t1");
    expect(JSON.stringify(ctx.emulator.state.requests)).not.toContain(TOKEN);
  });

  it("is empty when the emulator received nothing", () => {
    expect(ctx.emulator.state.requests).toEqual([]);
    expect(ctx.emulator.state.digitalocean.requests).toEqual([]);
  });

  it("keeps a non-JSON body as text", async () => {
    await ctx.api.request("POST", `/v2/databases/${ctx.ids.pg}/users`, { body: "not json" });
    expect(ctx.emulator.state.requests[0]!.body).toBe("not json");
  });

  it("can be cleared", async () => {
    const emulator = await startEmulator();
    try {
      await checkedFetch(emulator.url, "/v2/x");
      expect(emulator.state.requests).toHaveLength(1);
      emulator.state.clearRequests();
      expect(emulator.state.requests).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("hands out copies", async () => {
    await ctx.api.list(ctx.ids.pg);
    const [entry] = ctx.emulator.state.requests;
    (entry!.headers as Record<string, string>).authorization = "changed";
    expect(ctx.emulator.state.requests[0]!.headers.authorization).toBe("Bearer [REDACTED]");
  });

  it("records requests no vendor serves, with no vendor", async () => {
    const res = await ctx.api.request("GET", "/");
    expect(res.status).toBe(404);
    expect(ctx.emulator.state.requests[0]).toMatchObject({
      vendor: undefined,
      operationId: undefined,
      path: "/",
    });
    expect(ctx.emulator.state.digitalocean.requests).toEqual([]);
  });
});

describe("defaults", () => {
  it("accepts DEFAULT_DIGITALOCEAN_TOKEN when no token is configured", async () => {
    const emulator = await startEmulator({ digitalocean: { clusters: [{ engine: "pg" }] } });
    try {
      const [cluster] = emulator.state.digitalocean.listClusters();
      const path = `/v2/databases/${cluster!.id}/users`;
      const res = await checkedFetch(emulator.url, path, {
        headers: { authorization: `Bearer ${DEFAULT_DIGITALOCEAN_TOKEN}` },
      });
      expect(res.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
