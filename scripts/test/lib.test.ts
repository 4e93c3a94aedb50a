import { describe, expect, it } from "vitest";
import { canonicalize } from "../src/lib/canonical.js";
import { ScriptError } from "../src/lib/errors.js";
import { parseOperationsConfig } from "../src/lib/operations-config.js";
import { upgradeTo31 } from "../src/sync/upgrade.js";

describe("upgradeTo31", () => {
  it("turns 3.0 nullable and boolean exclusive bounds into their 3.1 spelling", () => {
    const doc = upgradeTo31({
      openapi: "3.0.3",
      components: { schemas: { n: { type: "integer", nullable: true, minimum: 0, exclusiveMinimum: true } } },
    });
    expect(doc).toEqual({
      openapi: "3.1.0",
      components: { schemas: { n: { type: ["integer", "null"], exclusiveMinimum: 0 } } },
    });
  });

  it("leaves examples alone, even when they look like schema keywords", () => {
    const example = { nullable: true };
    const doc = upgradeTo31({
      openapi: "3.0.0",
      paths: { "/a": { get: { responses: { "200": { example } } } } },
    });
    expect(doc.paths).toEqual({ "/a": { get: { responses: { "200": { example: { nullable: true } } } } } });
  });
});

describe("canonicalize", () => {
  it("orders OpenAPI keys, status codes and component names, but keeps property and example order", () => {
    const doc = canonicalize({
      components: { schemas: { b: {}, a: { properties: { z: { type: "string" }, a: {} }, type: "object" } } },
      paths: {
        "/b": {},
        "/a": { get: { responses: { default: {}, "404": {}, "200": {} }, operationId: "x" } },
      },
      openapi: "3.1.0",
      info: { version: "1", title: "t" },
    });
    expect(JSON.stringify(doc)).toBe(
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: {
          "/a": { get: { operationId: "x", responses: { "200": {}, "404": {}, default: {} } } },
          "/b": {},
        },
        components: {
          schemas: { a: { type: "object", properties: { z: { type: "string" }, a: {} } }, b: {} },
        },
      }),
    );
  });
});

describe("operations.yaml", () => {
  it("reads status codes as strings, whether quoted or not", () => {
    const config = parseOperationsConfig("v", "operations: [a]\nlocalResponses:\n  a: [200, '422']\n", "t");
    expect(config.localResponses).toEqual({ a: ["200", "422"] });
  });

  it("rejects local responses for an operation it does not keep", () => {
    expect(() => parseOperationsConfig("v", "operations: [a]\nlocalResponses:\n  b: ['200']\n", "t")).toThrow(
      ScriptError,
    );
  });
});
