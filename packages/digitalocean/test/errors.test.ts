/** DigitalOcean's error answers become typed errors with its id, message and request id. */
import { describe, expect, test } from "vitest";
import {
  ApiError,
  DbUsersError,
  DigitalOceanApiError,
  NetworkError,
  ResponseParseError,
  Secret,
  UnsafeUrlError,
} from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const h = useEmulator();

describe("status mapping", () => {
  test("401: a wrong token is UNAUTHORIZED", async () => {
    const error = await failure(h.client({ token: "dop_v1_wrong" }).listUsers(h.clusters.pg));
    expect(error).toBeInstanceOf(DigitalOceanApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(DbUsersError);
    expect(error).toMatchObject({
      name: "DigitalOceanApiError",
      code: "UNAUTHORIZED",
      status: 401,
      vendor: "DigitalOcean",
      id: "unauthorized",
      apiMessage: "Unable to authenticate you.",
      retryable: false,
      method: "GET",
    });
    expect((error as Error).message).toBe(
      `DigitalOcean API returned 401 for GET ${h.emulator.url}/v2/databases/${h.clusters.pg}/users: Unable to authenticate you. (unauthorized)`,
    );
  });

  test("404: a missing user is NOT_FOUND, with DigitalOcean's request id", async () => {
    const error = await failure(h.client().getUser(h.clusters.pg, "nobody-here"));
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, id: "not_found", retryable: false });
    const sent = h.sent();
    expect((error as DigitalOceanApiError).requestId).toEqual(expect.any(String));
    expect((error as DigitalOceanApiError).body).toMatchObject({
      request_id: (error as DigitalOceanApiError).requestId,
    });
    expect(sent).toHaveLength(1);
  });

  test("404: a cluster that does not exist is NOT_FOUND", async () => {
    const error = await failure(h.client().listUsers("00000000-0000-4000-8000-000000000000"));
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  test("422: a body the server refuses is UNPROCESSABLE_ENTITY", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    // A duplicate name passes every client rule; only the server knows the user exists.
    const error = await failure(h.client().addUser(h.clusters.pg, { name }));
    expect(error).toMatchObject({
      code: "UNPROCESSABLE_ENTITY",
      status: 422,
      id: "unprocessable_entity",
      retryable: false,
    });
    expect((error as DigitalOceanApiError).apiMessage).toContain("already exists");
  });

  test("422: doadmin cannot be deleted", async () => {
    const error = await failure(h.client().deleteUser(h.clusters.pg, "doadmin"));
    expect(error).toMatchObject({ code: "UNPROCESSABLE_ENTITY", status: 422 });
  });

  test("429: RATE_LIMITED, retryable, with the time until the window resets", async () => {
    h.emulator.faults.inject(
      { operationId: "databases_list_users" },
      { type: "status", status: 429, retryAfter: 2 },
    );
    const error = await failure(h.client({ retry: false }).listUsers(h.clusters.pg));
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      id: "too_many_requests",
      retryable: true,
    });
    expect((error as DigitalOceanApiError).retryAfterMs).toBe(2000);
  });

  test("429 on a POST is still retryable: nothing was done", async () => {
    h.emulator.faults.inject({ operationId: "databases_add_user" }, { type: "status", status: 429 });
    const error = await failure(h.client().addUser(h.clusters.pg, { name: h.uniqueName() }));
    expect(error).toMatchObject({ status: 429, retryable: true });
    expect(h.sent()).toHaveLength(1);
  });

  test.each([500, 503] as const)("%i on a GET is SERVER_ERROR and retryable", async (status) => {
    h.emulator.faults.inject({ operationId: "databases_get_user" }, { type: "status", status });
    const error = await failure(h.client({ retry: false }).getUser(h.clusters.pg, "doadmin"));
    expect(error).toMatchObject({ code: "SERVER_ERROR", status, retryable: true });
  });

  test.each([500, 503] as const)(
    "%i on a POST is SERVER_ERROR and not retryable: the user may exist",
    async (status) => {
      h.emulator.faults.inject({ operationId: "databases_add_user" }, { type: "status", status });
      const error = await failure(h.client().addUser(h.clusters.pg, { name: h.uniqueName() }));
      expect(error).toMatchObject({ code: "SERVER_ERROR", status, retryable: false });
    },
  );

  test("a Caching cluster answers 500 (the real server does too) when the engine was not given", async () => {
    const error = await failure(h.client().addUser(h.clusters.redis, { name: "app" }));
    expect(error).toMatchObject({ code: "SERVER_ERROR", status: 500, id: "server_error" });
  });
});

describe("bodies that are not what the spec promises", () => {
  test("malformed JSON on a success is a ResponseParseError with the status", async () => {
    h.emulator.faults.inject({ operationId: "databases_get_user" }, { type: "malformed-json" });
    const error = await failure(h.client().getUser(h.clusters.pg, "doadmin"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", status: 200, method: "GET" });
    expect((error as Error).cause).toBeUndefined();
  });

  test("malformed JSON after the change is still reported, and the change happened", async () => {
    const name = h.uniqueName();
    h.emulator.faults.inject(
      { operationId: "databases_add_user", when: "after" },
      { type: "malformed-json" },
    );
    const error = await failure(h.client().addUser(h.clusters.pg, { name }));
    expect(error).toMatchObject({ name: "ResponseParseError", status: 201, method: "POST" });
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)).toBeDefined();
  });

  test("an error status with a broken body is still a DigitalOceanApiError", async () => {
    h.emulator.faults.inject(
      { operationId: "databases_get_user", when: "after" },
      { type: "malformed-json" },
    );
    const error = await failure(h.client().getUser(h.clusters.pg, "nobody-here"));
    expect(error).toMatchObject({ name: "DigitalOceanApiError", status: 404, code: "NOT_FOUND" });
    expect((error as DigitalOceanApiError).id).toBeUndefined();
  });
});

describe("connection failures", () => {
  test("a reset connection is a NetworkError", async () => {
    h.emulator.faults.inject({ operationId: "databases_list_users" }, { type: "drop" });
    const error = await failure(h.client({ retry: false }).listUsers(h.clusters.pg));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", method: "GET" });
  });
});

describe("client options", () => {
  test("plain http to a host that is not this machine is refused", () => {
    expect(() => h.client({ baseUrl: "http://api.example.com" })).toThrow(UnsafeUrlError);
  });

  test("a base URL with credentials in it is refused", () => {
    expect(() => h.client({ baseUrl: "https://user:pw@api.example.com" })).toThrow(/user info/);
  });

  test.each(["", "  ", 42])("a token of %j is refused with a typed error naming the option", (token) => {
    expect(() => h.client({ token: token as never })).toThrow(
      expect.objectContaining({ option: "token" }) as never,
    );
  });

  test("a Secret is accepted as the token", async () => {
    await expect(h.client({ token: new Secret(h.token) }).listUsers(h.clusters.pg)).resolves.toEqual(
      expect.any(Array),
    );
  });
});
