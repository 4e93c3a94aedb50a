import { describe, expect, it } from "vitest";
import {
  parseError,
  ResponseParseError,
  readJsonBody,
  requestIdOf,
  statusIsRetryable,
} from "../src/index.js";

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    expect(await readJsonBody(new Response('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
  });

  it("gives undefined for an empty body", async () => {
    expect(await readJsonBody(new Response(null, { status: 204 }))).toBeUndefined();
    expect(await readJsonBody(new Response("  "))).toBeUndefined();
  });

  it("throws ResponseParseError naming status and content type, never the body", async () => {
    const response = new Response('<html>token=abc password "hunter2-secret"', {
      status: 502,
      headers: { "content-type": "text/html" },
    });
    const error = (await readJsonBody(response).catch((e: unknown) => e)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", status: 502, contentType: "text/html" });
    expect(error.message).toBe("Response body is not valid JSON (status 502, content-type text/html)");
    expect(error.cause).toBeUndefined();
  });
});

describe("parseError", () => {
  it("describes a response without reading its body", () => {
    const response = new Response("not json", { status: 200, headers: { "content-type": "text/plain" } });
    const error = parseError(response, "GET");
    expect(error).toMatchObject({ status: 200, contentType: "text/plain", method: "GET" });
    expect(response.bodyUsed).toBe(false);
  });
});

describe("requestIdOf", () => {
  it("reads the usual request id headers", () => {
    expect(requestIdOf(new Response(null, { headers: { "x-request-id": "a" } }))).toBe("a");
    expect(requestIdOf(new Response(null, { headers: { "x-correlation-id": "b" } }))).toBe("b");
    expect(requestIdOf(new Response(null))).toBeUndefined();
  });
});

describe("statusIsRetryable", () => {
  it("matches isRetryableStatus", () => {
    expect([429, 500, 502, 503, 504].every(statusIsRetryable)).toBe(true);
    expect([200, 400, 401, 404, 409, 422, 501].some(statusIsRetryable)).toBe(false);
  });
});
