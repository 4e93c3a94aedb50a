import { inspect } from "node:util";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  AbortedError,
  ApiError,
  DbUsersError,
  InvalidPathParameterError,
  NetworkError,
  REDACTED,
  ResponseParseError,
  TimeoutError,
  UnsafeUrlError,
  ValidationError,
} from "../src/index.js";

/** Everything a log line could be made of. */
function render(error: Error): string {
  const causes: string[] = [];
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    causes.push(cause.message, String(cause.stack));
  }
  return [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true, customInspect: false }),
    ...causes,
  ].join("\n");
}

/** Holds when `secret` shows up in the rendering only if it was already there without it. */
function expectNoLeak(build: (secret: string) => Error, secret: string): void {
  const baseline = render(build("PLACEHOLDER-0000"));
  fc.pre(!baseline.includes(secret));
  expect(render(build(secret))).not.toContain(secret);
}

const anySecret = fc.string({ minLength: 8 });
const tokenLike = fc.stringMatching(/^[A-Za-z0-9._~+/-]{8,64}$/);

describe("no error ever prints a secret", () => {
  test.prop([anySecret])("ApiError, with the secret registered", (secret) => {
    expectNoLeak(
      (value) =>
        new ApiError({
          status: 401,
          vendor: "DigitalOcean",
          method: "GET",
          url: `https://api.example.com/v2/users/x?note=${encodeURIComponent(value)}`,
          body: { id: "unauthorized", message: `bad credentials: ${value}`, list: [value] },
          detail: `token ${value} was refused`,
          requestId: "req-1",
          cause: new Error(`upstream said ${value}`),
          secrets: [value],
        }),
      secret,
    );
  });

  test.prop([anySecret])("ApiError, with the secret under secret keys only", (secret) => {
    expectNoLeak(
      (value) =>
        new ApiError({
          status: 400,
          vendor: "MongoDB Atlas",
          method: "POST",
          url: "https://cloud.mongodb.com/api/atlas/v2/groups/g/databaseUsers",
          body: {
            password: value,
            nested: { apiKey: value, access_cert: [value] },
            headers: { Authorization: value },
          },
        }),
      secret,
    );
  });

  test.prop([tokenLike])("ApiError, with a Bearer token or PEM block in free text", (secret) => {
    expectNoLeak(
      (value) =>
        new ApiError({
          status: 500,
          vendor: "Rackspace",
          method: "GET",
          url: "https://dfw.databases.api.rackspacecloud.com/v1.0/1/instances",
          body: `echo: Authorization: Bearer ${value} and -----BEGIN PRIVATE KEY-----\n${value}\n-----END PRIVATE KEY-----`,
          detail: `Bearer ${value}`,
        }),
      secret,
    );
  });

  test.prop([anySecret])("ValidationError, with the secret in params of a password field", (secret) => {
    expectNoLeak(
      (value) =>
        new ValidationError(
          [
            {
              path: "password",
              rule: "do.password.chars",
              message: "Password has a character DigitalOcean refuses",
              params: { char: value.slice(0, 3), sample: value },
            },
            {
              path: "name",
              rule: "do.userName.length",
              message: `Name ${value} is too long`,
              params: { max: 63 },
            },
          ],
          { secrets: [value] },
        ),
      secret,
    );
  });

  test.prop([anySecret])("NetworkError, through its whole cause chain", (secret) => {
    expectNoLeak(
      (value) =>
        new NetworkError({
          method: "DELETE",
          url: `https://api.example.com/v2/x?api_key=${encodeURIComponent(value)}`,
          cause: new TypeError("fetch failed", {
            cause: Object.assign(new Error(`connect ECONNRESET ${value}`), {
              code: "ECONNRESET",
              password: value,
            }),
          }),
          secrets: [value],
        }),
      secret,
    );
  });

  test.prop([anySecret])("TimeoutError, AbortedError and ResponseParseError", (secret) => {
    const url = (value: string) => `https://api.example.com/x?token=${encodeURIComponent(value)}`;
    expectNoLeak((value) => new TimeoutError({ timeoutMs: 5, method: "GET", url: url(value) }), secret);
    expectNoLeak(
      (value) => new AbortedError({ url: url(value), cause: { reason: "stop", secret: value } }),
      secret,
    );
    expectNoLeak(
      (value) => new ResponseParseError({ status: 200, url: url(value), secrets: [value] }),
      secret,
    );
  });
});

describe("shape of the errors", () => {
  it("gives every class a name, a stable code and the base class", () => {
    const errors: Array<[DbUsersError, string, string]> = [
      [new ValidationError([]), "ValidationError", "VALIDATION_FAILED"],
      [new ApiError({ status: 404, vendor: "V", method: "GET", url: "https://x" }), "ApiError", "API_ERROR"],
      [new TimeoutError({ timeoutMs: 1 }), "TimeoutError", "TIMEOUT"],
      [new AbortedError(), "AbortedError", "ABORTED"],
      [new NetworkError(), "NetworkError", "NETWORK_ERROR"],
      [new UnsafeUrlError({ url: "http://x", rule: "https-required" }), "UnsafeUrlError", "UNSAFE_URL"],
      [
        new InvalidPathParameterError({ parameter: "id", rule: "empty" }),
        "InvalidPathParameterError",
        "INVALID_PATH_PARAMETER",
      ],
      [new ResponseParseError({ status: 200 }), "ResponseParseError", "INVALID_RESPONSE"],
    ];
    for (const [error, name, code] of errors) {
      expect(error).toBeInstanceOf(DbUsersError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(String(error.stack).startsWith(`${name}: `)).toBe(true);
    }
  });

  it("lists the violations in a ValidationError's message", () => {
    const error = new ValidationError([
      { path: "name", rule: "r1", message: "Name is too long (max 63)" },
      { path: "password", rule: "r2", message: "Password needs a digit", params: { min: 1 } },
    ]);
    expect(error.message).toBe("Validation failed: Name is too long (max 63); Password needs a digit");
    expect(error.violations).toHaveLength(2);
    expect(error.violations[1]?.params).toEqual({ min: 1 });
  });

  it("fills an ApiError from its init, and defaults retryable from the status", () => {
    const error = new ApiError({
      status: 503,
      vendor: "DigitalOcean",
      method: "GET",
      url: "https://api.digitalocean.com/v2/databases?token=abc",
      body: { id: "service_unavailable", message: "try later" },
      vendorCode: "service_unavailable",
      requestId: "r-1",
      detail: "try later",
    });
    expect(error).toMatchObject({
      status: 503,
      retryable: true,
      vendorCode: "service_unavailable",
      requestId: "r-1",
    });
    expect(error.url).toBe(`https://api.digitalocean.com/v2/databases?token=${REDACTED}`);
    expect(error.message).toBe(`DigitalOcean API returned 503 for GET ${error.url}: try later`);
    expect(
      new ApiError({ status: 404, vendor: "V", method: "GET", url: "https://x", code: "NOT_FOUND" }),
    ).toMatchObject({
      code: "NOT_FOUND",
      retryable: false,
    });
  });

  it("serializes to plain data without undefined fields", () => {
    const json = new ApiError({ status: 404, vendor: "V", method: "GET", url: "https://x/y" }).toJSON();
    expect(json).toEqual({
      name: "ApiError",
      code: "API_ERROR",
      message: "V API returned 404 for GET https://x/y",
      status: 404,
      vendor: "V",
      retryable: false,
      method: "GET",
      url: "https://x/y",
    });
  });

  it("keeps the codes of the cause chain in a copy, not the original", () => {
    const original = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" });
    const error = new NetworkError({ cause: new TypeError("fetch failed", { cause: original }) });
    expect(error.message).toBe("Network error: fetch failed (ECONNRESET: read ECONNRESET)");
    const inner = (error.cause as Error).cause as Error & { code?: string; syscall?: string };
    expect(inner).not.toBe(original);
    expect(inner).toMatchObject({ message: "read ECONNRESET", code: "ECONNRESET", syscall: "read" });
    expect(error.toJSON().cause).toMatchObject({ name: "TypeError", message: "fetch failed" });
  });

  it("prints its fields in util.inspect", () => {
    const printed = inspect(new TimeoutError({ timeoutMs: 250, method: "GET", url: "https://x/y" }));
    expect(printed).toContain("TimeoutError: Request timed out after 250 ms (GET https://x/y)");
    expect(printed).toContain("timeoutMs: 250");
    expect(printed).toContain("code: 'TIMEOUT'");
  });
});
