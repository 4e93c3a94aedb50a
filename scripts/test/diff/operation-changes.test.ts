import { describe, expect, it } from "vitest";
import { diffOperations } from "../../src/diff/operations.js";
import { asObject } from "../../src/lib/json.js";
import { at, baseSpec, changesAfter, OPERATIONS, summarize } from "./base-spec.js";

const addUser = (doc: Record<string, unknown>) => at(doc, "paths", "/clusters/{id}/users", "post");
const responses = (doc: Record<string, unknown>) =>
  at(doc, "paths", "/clusters/{id}/users", "post", "responses");

describe("specs:diff on operations", () => {
  it("an operation that appears is non-breaking; one that disappears is breaking", () => {
    const withoutList = baseSpec();
    delete at(withoutList, "paths", "/clusters/{id}/users").get;
    const added = diffOperations(withoutList, baseSpec(), OPERATIONS);
    expect(summarize(added)).toEqual(["users_list|non-breaking|operation"]);
    const removed = changesAfter((doc) => {
      delete at(doc, "paths", "/clusters/{id}/users").get;
    });
    expect(summarize(removed)).toEqual(["users_list|breaking|operation"]);
  });

  it("an operation that moves to another path is breaking, and names both places", () => {
    const changes = changesAfter((doc) => {
      const paths = at(doc, "paths");
      paths["/v2/clusters/{id}/users"] = paths["/clusters/{id}/users"];
      delete paths["/clusters/{id}/users"];
    });
    expect(changes.filter((change) => change.kind === "operation-moved")[0]).toMatchObject({
      severity: "breaking",
      before: "POST /clusters/{id}/users",
      after: "POST /v2/clusters/{id}/users",
    });
  });

  it("a new required parameter is breaking, a new optional one is not", () => {
    const changes = changesAfter((doc) => {
      const parameters = addUser(doc).parameters as unknown[];
      parameters.push({ name: "region", in: "query", required: true, schema: { type: "string" } });
      parameters.push({ name: "dry_run", in: "query", schema: { type: "boolean" } });
    });
    expect(summarize(changes)).toEqual([
      "users_add|breaking|parameter query region",
      "users_add|non-breaking|parameter query dry_run",
    ]);
  });

  it("a removed parameter is breaking, and a parameter's schema is compared as a request", () => {
    const changes = changesAfter((doc) => {
      addUser(doc).parameters = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
      at(doc, "paths", "/clusters/{id}/users", "get").parameters = [];
    });
    expect(summarize(changes)).toEqual([
      "users_add|non-breaking|parameter path id",
      "users_list|breaking|parameter path id",
    ]);
    expect(changes[0]?.reason).toContain("format removed");
  });

  it("a success status that disappears is breaking; a new one may need handling", () => {
    const changes = changesAfter((doc) => {
      const codes = responses(doc);
      codes["200"] = codes["201"];
      delete codes["201"];
    });
    expect(summarize(changes)).toEqual([
      "users_add|potentially-breaking|response 200",
      "users_add|breaking|response 201",
    ]);
  });

  it("a new error status is non-breaking where `default` already covered it", () => {
    const changes = changesAfter((doc) => {
      responses(doc)["422"] = { $ref: "#/components/responses/error" };
    });
    expect(summarize(changes)).toEqual(["users_add|non-breaking|response 422"]);
    expect(changes[0]?.reason).toContain("default");
  });

  it("a response header that disappears is breaking; a new one is not", () => {
    const changes = changesAfter((doc) => {
      at(doc, "components", "responses", "user").headers = {
        "ratelimit-reset": { schema: { type: "integer" } },
      };
    });
    expect(summarize(changes)).toEqual([
      "users_add|non-breaking|response 201 header ratelimit-reset",
      "users_add|breaking|response 201 header ratelimit-limit",
    ]);
  });

  it("a body that becomes optional is fine; a media type that disappears is breaking", () => {
    const changes = changesAfter((doc) => {
      const body = asObject(addUser(doc).requestBody);
      body.required = false;
      body.content = { "application/x-www-form-urlencoded": asObject(body.content)["application/json"] };
    });
    expect(summarize(changes)).toEqual([
      "users_add|non-breaking|request body",
      "users_add|non-breaking|request body application/x-www-form-urlencoded",
      "users_add|breaking|request body application/json",
    ]);
  });

  it("a new scope requirement is potentially breaking", () => {
    const changes = changesAfter((doc) => {
      addUser(doc).security = [{ bearer: ["users:write", "users:admin"] }];
    });
    expect(changes).toMatchObject([
      { kind: "security-changed", severity: "potentially-breaking", after: "bearer:users:admin" },
    ]);
  });

  it("a deprecated operation is reported, as non-breaking", () => {
    const changes = changesAfter((doc) => {
      addUser(doc).deprecated = true;
    });
    expect(summarize(changes, "operation-deprecated")).toEqual(["users_add|non-breaking|operation"]);
  });
});
