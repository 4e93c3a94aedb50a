/** DNS rebinding: a foreign `Host:` is refused; loopback names on the emulator's own ports are served. */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { isCrossSite, isOwnHost } from "../src/host.js";
import { startEmulator } from "../src/index.js";

function get(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, setHost: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the Host header", () => {
  it("is refused with 403 for a foreign name, and the request is neither routed nor logged", async () => {
    const emulator = await startEmulator();
    try {
      for (const host of [`evil.example:${emulator.port}`, "evil.example", `127.0.0.2:${emulator.port}`]) {
        expect(await get(emulator.port, "/v2/databases", { host }), host).toBe(403);
        expect(await get(emulator.port, "/_emulator/state", { host }), host).toBe(403);
      }
      expect(await get(emulator.port, "/v2/databases", { host: `localhost:${emulator.port + 1}` })).toBe(403);
      expect(emulator.state.requests).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("is served for loopback names on the emulator's own port", async () => {
    const emulator = await startEmulator();
    try {
      for (const host of [
        `127.0.0.1:${emulator.port}`,
        `localhost:${emulator.port}`,
        `LocalHost:${emulator.port}`,
        `[::1]:${emulator.port}`,
        "localhost",
      ]) {
        expect(await get(emulator.port, "/v2/databases", { host }), host).toBe(401);
      }
    } finally {
      await emulator.close();
    }
  });

  it.each([
    ["127.0.0.1:80", [80], true],
    ["localhost", [4010], true],
    ["[::1]:4010", [4010], true],
    [undefined, [4010], true],
    ["localhost:4011", [4010], false],
    ["localhost.evil.example:4010", [4010], false],
    ["127.0.0.1.nip.io:4010", [4010], false],
    ["", [4010], false],
  ] as const)("isOwnHost(%j, %j) is %s", (host, ports, expected) => {
    expect(isOwnHost(host, ports)).toBe(expected);
  });

  it.each([
    [{}, false],
    [{ origin: "http://localhost:4010" }, false],
    [{ origin: "http://evil.example" }, true],
    [{ origin: "null" }, true],
    [{ "sec-fetch-site": "cross-site" }, true],
    [{ "sec-fetch-site": "same-origin" }, false],
  ])("isCrossSite(%j) is %s", (headers, expected) => {
    expect(isCrossSite(headers, [4010])).toBe(expected);
  });
});
