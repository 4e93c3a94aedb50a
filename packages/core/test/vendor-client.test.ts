/** The template: openapi-fetch's typed calls on core's transport, results by documented status, typed errors. */
import { describe, expect, test } from "vitest";
import {
  ApiError,
  createVendorClient,
  DbUsersError,
  headerAuth,
  InvalidOptionError,
  InvalidPathParameterError,
  ResponseParseError,
  UnsafeUrlError,
} from "../src/index.js";
import type { paths } from "./fixtures/vendor-api.js";
import { reply, startServer } from "./helpers/http-server.js";

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );

function client(origin: string, extra: Partial<Parameters<typeof createVendorClient>[0]> = {}) {
  return createVendorClient<paths>({
    vendor: "Example",
    baseUrl: origin,
    auth: headerAuth("tok-123456"),
    retry: false,
    ...extra,
  });
}

describe("typed calls", () => {
  test("build the request from the path template and read the documented status", async () => {
    const server = await startServer(reply(200, { user: { name: "a b" } }));
    const api = client(server.origin);
    const user = await api.result(api.GET("/users/{name}", { params: { path: { name: "a b" } } }), [200]);
    expect(user).toEqual({ user: { name: "a b" } });
    expect(server.seen[0]).toMatchObject({ method: "GET", url: "/users/a%20b" });
    expect(server.seen[0]?.headers.authorization).toBe("Bearer tok-123456");
  });

  test.each([
    [201, { user: { name: "x" } }],
    [202, undefined],
  ])("a create answered %i is accepted when the operation documents it", async (status, body) => {
    const server = await startServer((res) => {
      res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
      res.end(body === undefined ? "" : JSON.stringify(body));
    });
    const api = client(server.origin);
    const data = await api.result(
      api.POST("/users", { body: { name: "x", password: "pw-secret-1" } }),
      [201, 202],
    );
    expect(data).toEqual(body);
    expect(JSON.parse(server.seen[0]?.body ?? "")).toEqual({ name: "x", password: "pw-secret-1" });
  });

  test("an empty 204 is accepted where documented", async () => {
    const server = await startServer((res) => res.writeHead(204).end());
    const api = client(server.origin);
    await expect(
      api.result(api.DELETE("/users/{name}", { params: { path: { name: "x" } } }), [202, 204]),
    ).resolves.toBeUndefined();
  });

  test("a success the operation does not document is a ResponseParseError", async () => {
    const server = await startServer(reply(200, {}));
    const api = client(server.origin);
    const error = await failure(
      api.result(api.DELETE("/users/{name}", { params: { path: { name: "x" } } }), [204]),
    );
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).toContain("where the API documents 204");
  });

  test("an error status becomes the vendor's error, with method and url", async () => {
    const server = await startServer(reply(404, { message: "no such user" }, { "x-request-id": "r-1" }));
    const api = client(server.origin);
    const error = await failure(
      api.result(api.GET("/users/{name}", { params: { path: { name: "x" } } }), [200]),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      requestId: "r-1",
      body: { message: "no such user" },
    });
  });

  test("toError is the vendor's own error class", async () => {
    class ExampleError extends ApiError {}
    const server = await startServer(reply(422, { message: "bad" }));
    const api = client(server.origin, {
      toError: (response, body, call) =>
        new ExampleError({
          status: response.status,
          vendor: "Example",
          method: call.method,
          url: call.url,
          body,
        }),
    });
    await expect(api.result(api.POST("/users", { body: { name: "x" } }), [201])).rejects.toBeInstanceOf(
      ExampleError,
    );
  });

  test("a success body that is not JSON is a ResponseParseError that does not quote it", async () => {
    const server = await startServer((res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<p>pw-xyz</p>"),
    );
    const api = client(server.origin);
    const error = await failure(api.GET("/users/{name}", { params: { path: { name: "x" } } }));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(JSON.stringify(error)).not.toContain("pw-xyz");
  });
});

describe("what is refused before sending", () => {
  test("path parameters that are not non-empty strings, or are dot segments", async () => {
    const server = await startServer(reply(200, {}));
    const api = client(server.origin);
    for (const name of ["", "..", "%2e", [".."], { toString: () => ".." }, 1, null]) {
      const error = await failure(api.GET("/users/{name}", { params: { path: { name: name as string } } }));
      expect(error).toBeInstanceOf(InvalidPathParameterError);
      expect(error).toMatchObject({ parameter: "name" });
    }
    expect(server.seen).toEqual([]);
  });

  test.each([
    "https://api.example.com/v1?x=1",
    "https://api.example.com/v1#",
    "https://api.example.com/v1/users/victim#",
  ])("a base URL with a query or fragment: %s", (baseUrl) => {
    expect(() => client(baseUrl)).toThrow(UnsafeUrlError);
    try {
      client(baseUrl);
    } catch (error) {
      expect(error).toMatchObject({ rule: "query-or-fragment" });
    }
  });

  test("a signal that is null or not an AbortSignal names the option", async () => {
    const server = await startServer(reply(200, {}));
    const api = client(server.origin);
    for (const signal of [null, {}, "x"]) {
      const error = await failure(
        api.GET("/users/{name}", { params: { path: { name: "x" } }, signal: signal as AbortSignal }),
      );
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ option: "signal" });
    }
    expect(server.seen).toEqual([]);
  });

  test("a body JSON cannot carry names the field: BigInt, cycle, revoked Proxy", async () => {
    const server = await startServer(reply(201, {}));
    const api = client(server.origin);
    const cycle: Record<string, unknown> = { name: "x" };
    cycle.self = cycle;
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const cases: Array<[unknown, string]> = [
      [{ name: "x", size: 10n }, "body.size"],
      [cycle, "body.self"],
      [{ name: "x", settings: proxy }, "body.settings"],
    ];
    for (const [body, option] of cases) {
      const error = await failure(api.POST("/users", { body: body as { name: string } }));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ option, rule: "not-json" });
    }
    expect(server.seen).toEqual([]);
  });

  test("options out of range", () => {
    expect(() => client("https://api.example.com", { timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => client("https://api.example.com", { maxResponseBytes: 0 })).toThrow(/maxResponseBytes/);
  });

  test("every failure is a DbUsersError", async () => {
    const api = client("http://127.0.0.1:9");
    await expect(api.GET("/users/{name}", { params: { path: { name: "x" } } })).rejects.toBeInstanceOf(
      DbUsersError,
    );
  });
});

describe("base URL resolved on first use", () => {
  test("is asked once for concurrent calls, then used for every call", async () => {
    const server = await startServer(reply(200, { user: { name: "x" } }));
    let asked = 0;
    const api = createVendorClient<paths>({
      vendor: "Example",
      retry: false,
      resolveBaseUrl: async () => {
        asked += 1;
        return `${server.origin}/v1.0/tenant`;
      },
    });
    expect(api.baseUrl).toBeUndefined();
    await Promise.all([1, 2, 3].map(() => api.GET("/users/{name}", { params: { path: { name: "x" } } })));
    expect(asked).toBe(1);
    expect(api.baseUrl).toBe(`${server.origin}/v1.0/tenant`);
    expect(server.seen.map((r) => r.url)).toEqual(Array(3).fill("/v1.0/tenant/users/x"));
  });

  test("a resolved URL goes through the same policy", async () => {
    const api = createVendorClient<paths>({
      vendor: "Example",
      resolveBaseUrl: async () => "http://db.example.com/v1.0/t",
    });
    await expect(api.GET("/users/{name}", { params: { path: { name: "x" } } })).rejects.toMatchObject({
      name: "UnsafeUrlError",
      rule: "https-required",
    });
  });
});
