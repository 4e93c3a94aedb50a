import { describe, expect, it } from "vitest";
import { diffOperations } from "../../src/diff/operations.js";
import { asObject } from "../../src/lib/json.js";
import { at, baseSpec, changesAfter, OPERATIONS, summarize } from "./base-spec.js";

const user = (doc: Record<string, unknown>) => at(doc, "components", "schemas", "user");
const userProps = (doc: Record<string, unknown>) => at(doc, "components", "schemas", "user", "properties");
const permission = (doc: Record<string, unknown>) =>
  at(doc, "components", "schemas", "user_settings", "properties", "acl", "items", "properties", "permission");

const BODY = "request body application/json";
const CREATED = "response 201 application/json";
const LISTED = "response 200 application/json";

describe("specs:diff on schemas", () => {
  it("finds nothing when the specs are equal", () => {
    expect(diffOperations(baseSpec(), baseSpec(), OPERATIONS)).toEqual([]);
  });

  it("a new required request field is breaking; the same field in responses is not", () => {
    const changes = changesAfter((doc) => {
      userProps(doc).engine = { type: "string" };
      user(doc).required = ["name", "engine"];
    });
    expect(summarize(changes, "field-added")).toEqual([
      `users_add|breaking|${BODY} › engine`,
      `users_add|non-breaking|${CREATED} › user.engine`,
      `users_list|non-breaking|${LISTED} › users[].engine`,
    ]);
  });

  it("a new optional request field is non-breaking", () => {
    const changes = changesAfter((doc) => {
      userProps(doc).comment = { type: "string" };
    });
    expect(summarize(changes, "field-added")).toContain(`users_add|non-breaking|${BODY} › comment`);
  });

  it("a removed field breaks both the requests that send it and the clients that read it", () => {
    const changes = changesAfter((doc) => {
      delete userProps(doc).name;
      user(doc).required = [];
    });
    expect(summarize(changes, "field-removed")).toEqual([
      `users_add|breaking|${BODY} › name`,
      `users_add|breaking|${CREATED} › user.name`,
      `users_list|breaking|${LISTED} › users[].name`,
    ]);
  });

  it("an enum value added is potentially breaking in a response, fine in a request", () => {
    const changes = changesAfter((doc) => {
      asObject(permission(doc)).enum = ["consume", "produce", "admin"];
    });
    expect(summarize(changes, "enum-value-added")).toEqual([
      `users_add|non-breaking|${BODY} › settings.acl[].permission`,
      `users_add|potentially-breaking|${CREATED} › user.settings.acl[].permission`,
      `users_list|potentially-breaking|${LISTED} › users[].settings.acl[].permission`,
    ]);
    expect(changes[0]?.after).toBe("admin");
  });

  it("an enum value removed breaks requests that send it", () => {
    const changes = changesAfter((doc) => {
      permission(doc).enum = ["consume"];
    });
    expect(summarize(changes, "enum-value-removed")[0]).toBe(
      `users_add|breaking|${BODY} › settings.acl[].permission`,
    );
    expect(changes[0]?.before).toBe("produce");
  });

  it("a read-only field's enum only matters in responses", () => {
    const changes = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "role").enum = ["primary", "normal", "owner"];
    });
    expect(summarize(changes)).toEqual([
      `users_add|potentially-breaking|${CREATED} › user.role`,
      `users_list|potentially-breaking|${LISTED} › users[].role`,
    ]);
  });

  it("a lower maxLength breaks requests but not responses; a higher one is the reverse", () => {
    const lower = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "name").maxLength = 32;
    });
    expect(lower.map((change) => [change.direction, change.severity])).toEqual([
      ["request", "breaking"],
      ["response", "non-breaking"],
      ["response", "non-breaking"],
    ]);
    expect(lower[0]).toMatchObject({ kind: "constraint-changed", before: 63, after: 32 });
    const higher = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "name").maxLength = 100;
    });
    expect(higher.map((change) => change.severity)).toEqual([
      "non-breaking",
      "potentially-breaking",
      "potentially-breaking",
    ]);
  });

  it.each([
    ["pattern", "^[a-z]+$"],
    ["format", "hostname"],
    ["minLength", 3],
  ])("a new %s on a request field is breaking", (keyword, value) => {
    const changes = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "name")[keyword] = value;
    });
    expect(changes[0]).toMatchObject({
      kind: "constraint-changed",
      direction: "request",
      severity: "breaking",
      after: value,
    });
    expect(changes[0]?.reason).toContain(`${keyword} added`);
  });

  it("a field turned read-only can no longer be sent: breaking", () => {
    const changes = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "name").readOnly = true;
    });
    expect(summarize(changes, "read-only-changed")).toEqual([`users_add|breaking|${BODY} › name`]);
  });

  it("a field turned write-only is no longer returned: breaking", () => {
    const changes = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "name").writeOnly = true;
    });
    expect(summarize(changes, "write-only-changed")).toEqual([
      `users_add|breaking|${CREATED} › user.name`,
      `users_list|breaking|${LISTED} › users[].name`,
    ]);
  });

  it("a response field that is no longer required may be absent: breaking", () => {
    const changes = changesAfter((doc) => {
      user(doc).required = [];
    });
    expect(summarize(changes, "field-required-changed")).toEqual([
      `users_add|non-breaking|${BODY} › name`,
      `users_add|breaking|${CREATED} › user.name`,
      `users_list|breaking|${LISTED} › users[].name`,
    ]);
  });

  it("a response that may now be null is potentially breaking", () => {
    const changes = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "name").type = ["string", "null"];
    });
    expect(summarize(changes, "type-changed")).toEqual([
      `users_add|non-breaking|${BODY} › name`,
      `users_add|potentially-breaking|${CREATED} › user.name`,
      `users_list|potentially-breaking|${LISTED} › users[].name`,
    ]);
  });

  it("a type replaced by another is breaking both ways", () => {
    const changes = changesAfter((doc) => {
      at(doc, "components", "schemas", "user", "properties", "name").type = "integer";
    });
    expect(new Set(changes.map((change) => change.severity))).toEqual(new Set(["breaking"]));
  });

  it("ends on recursive schemas, reporting a change once where the cycle starts", () => {
    const recursive = (doc: Record<string, unknown>) => {
      userProps(doc).parent = { $ref: "#/components/schemas/user" };
    };
    const old = baseSpec();
    recursive(old);
    const next = baseSpec();
    recursive(next);
    at(next, "components", "schemas", "user", "properties", "name").maxLength = 10;
    const changes = diffOperations(old, next, ["users_add"]);
    expect(summarize(changes).filter((line) => line.includes(BODY))).toEqual([
      `users_add|breaking|${BODY} › name`,
    ]);
  });
});
