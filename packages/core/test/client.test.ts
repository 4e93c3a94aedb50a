import { describe, expect, it } from "vitest";
import {
  ApiError,
  createBaseClient,
  createTransport,
  InvalidPathParameterError,
  REDACTED,
  ResponseParseError,
  requestIdOf,
  UnsafeUrlError,
  unwrap,
} from "../src/index.js";
import type { paths } from "./fixtures/users-api.js";
import { recordingSleep, reply, startServer } from "./helpers/http-server.js";

const CLUSTER = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30";

function clientFor(origin: string) {
  return createBaseClient<paths>({
    baseUrl: origin,
    transport: createTransport({ sleep: recordingSleep().sleep, random: () => 0 }),
  });
}

/** What a vendor's mapError looks like. */
function toApiError(method: string) {
  return (response: Response, error: unknown) =>
    new ApiError({
      status: response.status,
      vendor: "DigitalOcean",
      method,
      url: response.url,
      body: error,
      vendorCode: (error as { id?: string } | undefined)?.id,
      requestId: requestIdOf(response),
    });
}

describe("createBaseClient", () => {
  it("sends typed requests through the transport (retrying a GET)", async () => {
    const user = { user: { name: "app", role: "normal" } };
    const server = await startServer(reply(503), reply(200, user));
    const client = clientFor(server.origin);
    const result = await client.GET("/v2/databases/{database_cluster_uuid}/users/{username}", {
      params: { path: { database_cluster_uuid: CLUSTER, username: "app user" } },
    });
    expect(unwrap(result, toApiError("GET"))).toEqual(user);
    expect(server.seen.map((seen) => seen.url)).toEqual([
      `/v2/databases/${CLUSTER}/users/app%20user`,
      `/v2/databases/${CLUSTER}/users/app%20user`,
    ]);
  });

  it("refuses a dot-segment path parameter before anything is sent", async () => {
    const server = await startServer(reply(204));
    const client = clientFor(server.origin);
    for (const username of ["..", ".", "%2E%2E", "%2e", ""]) {
      const call = client.DELETE("/v2/databases/{database_cluster_uuid}/users/{username}", {
        params: { path: { database_cluster_uuid: CLUSTER, username } },
      });
      await expect(call, username).rejects.toBeInstanceOf(InvalidPathParameterError);
    }
    expect(server.seen).toHaveLength(0);
  });

  it("throws ResponseParseError for malformed JSON, without quoting the body", async () => {
    const server = await startServer(reply(200, '{"user":{"name":"app","password":"hunter2-from-server"'));
    const client = clientFor(server.origin);
    const error = await client
      .GET("/v2/databases/{database_cluster_uuid}/users/{username}", {
        params: { path: { database_cluster_uuid: CLUSTER, username: "app" } },
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.status).toBe(200);
    expect(JSON.stringify(error)).not.toContain("hunter2");
    expect(error.stack).not.toContain("hunter2");
  });

  it("refuses an unsafe base URL", () => {
    expect(() =>
      createBaseClient<paths>({ baseUrl: "http://api.digitalocean.com", transport: fetch }),
    ).toThrow(UnsafeUrlError);
  });
});

describe("unwrap", () => {
  it("throws what mapError returns, with the vendor body redacted", async () => {
    const server = await startServer(
      reply(
        422,
        { id: "unprocessable_entity", message: "bad", password: "p4ssw0rd!" },
        { "x-request-id": "req-42" },
      ),
    );
    const client = clientFor(server.origin);
    const result = await client.POST("/v2/databases/{database_cluster_uuid}/users", {
      params: { path: { database_cluster_uuid: CLUSTER } },
      body: { name: "app", password: "p4ssw0rd!" },
    });
    const error = (() => {
      try {
        unwrap(result, toApiError("POST"));
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      vendorCode: "unprocessable_entity",
      requestId: "req-42",
      retryable: false,
    });
    expect(error?.body).toEqual({ id: "unprocessable_entity", message: "bad", password: REDACTED });
    expect(server.seen).toHaveLength(1);
  });

  it("returns undefined data for a 204, and passes an undefined error for an empty error body", async () => {
    const server = await startServer(reply(204), (res) =>
      res.writeHead(404, { "content-length": "0" }).end(),
    );
    const client = clientFor(server.origin);
    const options = { params: { path: { database_cluster_uuid: CLUSTER, username: "app" } } };
    const ok = await client.DELETE("/v2/databases/{database_cluster_uuid}/users/{username}", options);
    expect(unwrap(ok, toApiError("DELETE"))).toBeUndefined();
    const missing = await client.DELETE("/v2/databases/{database_cluster_uuid}/users/{username}", options);
    let seenError: unknown = "not called";
    expect(() =>
      unwrap(missing, (response, error) => {
        seenError = error;
        return toApiError("DELETE")(response, error);
      }),
    ).toThrow(ApiError);
    expect(seenError).toBeUndefined();
  });
});
