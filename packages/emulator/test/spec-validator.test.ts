/** Routing and request validation from an OpenAPI document, and the response checker the other tests rely on. */
import { describe, expect, it } from "vitest";
import { spec } from "../src/generated/digitalocean-spec.js";
import { type OpenApiDocument, SpecValidator } from "../src/spec-validator.js";
import { checker } from "./helpers/digitalocean.js";

const validator = new SpecValidator(spec as unknown as OpenApiDocument, "urn:test:digitalocean");
const cluster = "3b1f9d2e-6c4a-4e8b-9f0d-2a7c5e1b8d43";

describe("SpecValidator.match", () => {
  it("finds the operation and decodes each parameter exactly once", () => {
    const match = validator.match("get", `/v2/databases/${cluster}/users/a%252Fb%2Fc`);
    expect(match).toMatchObject({
      kind: "operation",
      operation: { operationId: "databases_get_user" },
      params: { database_cluster_uuid: cluster, username: "a%2Fb/c" },
    });
  });

  it("tells a wrong method from an unknown path", () => {
    expect(validator.match("PATCH", `/v2/databases/${cluster}/users`)).toEqual({
      kind: "method-not-allowed",
      allowed: ["GET", "POST"],
    });
    expect(validator.match("GET", `/v2/databases/${cluster}/pools`)).toEqual({ kind: "none" });
    expect(validator.match("GET", `/v2/databases//users`)).toEqual({ kind: "none" });
  });

  it("reports a parameter that is not valid percent-encoding", () => {
    expect(validator.match("GET", `/v2/databases/${cluster}/users/%E0%A4`)).toEqual({
      kind: "bad-encoding",
      param: "username",
    });
  });
});

describe("SpecValidator bodies", () => {
  const addUser = validator.operation("databases_add_user");

  it("resolves $refs inside the request schema", () => {
    expect(validator.validateBody(addUser, { name: "x", mysql_settings: {} })).toEqual([
      {
        path: "mysql_settings.auth_plugin",
        rule: "openapi.required",
        message: "mysql_settings.auth_plugin is required",
      },
    ]);
  });

  it("reports a body that is not an object at `body`", () => {
    expect(validator.validateBody(addUser, [1])).toContainEqual({
      path: "body",
      rule: "openapi.type",
      message: "body must be of type object",
    });
  });

  it("knows which operations take a body", () => {
    expect(validator.requestBody(addUser)).toEqual({ accepted: true, required: true });
    expect(validator.requestBody(validator.operation("databases_list_users"))).toEqual({
      accepted: false,
      required: false,
    });
  });

  it("throws for an operationId the spec does not have", () => {
    expect(() => validator.operation("nope")).toThrow(/no operation nope/);
  });
});

describe("the response checker catches drift", () => {
  const headers = (extra: Record<string, string> = {}) =>
    new Headers({
      "content-type": "application/json",
      "ratelimit-limit": "5000",
      "ratelimit-remaining": "1",
      "ratelimit-reset": "1767225600",
      ...extra,
    });
  const path = `/v2/databases/${cluster}/users/app`;
  const good = JSON.stringify({ user: { name: "app", role: "normal", password: "p" } });

  it("accepts a conforming answer", () => {
    expect(checker.problems("GET", path, { status: 200, headers: headers(), text: good })).toEqual([]);
  });

  it.each([
    ["a success status the operation does not document", 201, headers(), good, /no such status/],
    ["a user body under an error status (default)", 418, headers(), good, /breaks the schema/],
    [
      "a missing rate-limit header",
      200,
      new Headers({ "content-type": "application/json" }),
      good,
      /header ratelimit-limit is missing/,
    ],
    [
      "a header that is not an integer",
      200,
      headers({ "ratelimit-reset": "soon" }),
      good,
      /ratelimit-reset=soon/,
    ],
    ["a wrong content-type", 200, headers({ "content-type": "text/plain" }), good, /not JSON/],
    ["a body that is not JSON", 200, headers(), "{", /not valid JSON/],
    [
      "a wrong enum value",
      200,
      headers(),
      JSON.stringify({ user: { name: "a", role: "admin" } }),
      /breaks the schema/,
    ],
    [
      "an undocumented property",
      200,
      headers(),
      JSON.stringify({ user: { name: "a", colour: "red" } }),
      /breaks the schema/,
    ],
    ["an error body without id", 404, headers(), JSON.stringify({ message: "x" }), /breaks the schema/],
  ])("rejects %s", (_, status, h, text, problem) => {
    expect(checker.problems("GET", path, { status, headers: h, text }).join("\n")).toMatch(problem);
  });

  it("rejects a body on a 204", () => {
    expect(checker.problems("DELETE", path, { status: 204, headers: headers(), text: "{}" }).join()).toMatch(
      /declares no body/,
    );
  });

  it("rejects a success on a path the spec does not have", () => {
    expect(checker.problems("GET", "/v2/other", { status: 200, headers: headers(), text: "{}" })).toEqual([
      "200 on a path the spec does not have",
    ]);
  });
});
