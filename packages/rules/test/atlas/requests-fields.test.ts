import { describe, expect, it } from "vitest";
import { validateRequest } from "../../src/providers/atlas/index.js";
import { NOW } from "./helpers.js";
import { check, SEED, strictFail } from "./request-cases.js";

describe("atlas createUser: scopes, labels and other fields", () => {
  it("scopes: pattern, duplicates (same name with two types is fine)", () => {
    const scopes = [
      { name: "c1", type: "CLUSTER" },
      { name: "c1", type: "DATA_LAKE" },
      { name: "c1", type: "CLUSTER" },
      { name: "-bad", type: "STREAM" },
      { name: "c2" },
    ];
    expect(check("createUser", { ...SEED.scram, scopes })).toEqual({
      strict: [
        ["scopes[2]", "atlas.createUser.duplicateScope"],
        ["scopes[3].name", "atlas.scopeName.pattern"],
        ["scopes[4].type", "atlas.request.required"],
      ],
      server: [
        ["scopes[3].name", "atlas.scopeName.pattern"],
        ["scopes[4].type", "atlas.request.required"],
      ],
    });
    const duplicate = validateRequest("createUser", { ...SEED.scram, scopes }).find(
      (v) => v.rule === "atlas.createUser.duplicateScope",
    );
    // The scope's identity, type then name, as a JSON array.
    expect(duplicate?.params).toEqual({ firstIndex: 0, key: '["CLUSTER","c1"]' });
  });

  it("labels: key and value 1..255, both present in strict", () => {
    const labels = [{ key: "team", value: "payments" }, { key: "", value: "v" }, { key: "k" }, {}];
    expect(check("createUser", { ...SEED.scram, labels })).toEqual({
      strict: [
        ["labels[1].key", "atlas.labelKey.minLength"],
        ["labels[2].value", "atlas.createUser.labelIncomplete"],
        ["labels[3].key", "atlas.createUser.labelIncomplete"],
        ["labels[3].value", "atlas.createUser.labelIncomplete"],
      ],
      server: [["labels[1].key", "atlas.labelKey.minLength"]],
    });
    expect(validateRequest("createUser", { ...SEED.scram, labels: [{ key: "k" }] })[0]!.message).toBe(
      "labels[0].value is missing; a MongoDB Atlas label needs both key and value",
    );
  });

  it("unknown keys and readOnly links: refused in strict, ignored on the server", () => {
    const body = {
      ...SEED.scram,
      links: [{ href: "https://cloud.mongodb.com/api/atlas", rel: "self" }],
      extra: 1,
    };
    expect(check("createUser", body)).toEqual(
      strictFail(["links", "atlas.request.unknownKey"], ["extra", "atlas.request.unknownKey"]),
    );
  });

  it("description, deleteAfterDate and groupId inside the body", () => {
    const body = {
      ...SEED.scram,
      description: "d".repeat(101),
      deleteAfterDate: "2026-08-18T00:00:00Z",
      groupId: "ABC",
    };
    expect(check("createUser", body, { now: NOW })).toEqual({
      strict: [
        ["deleteAfterDate", "atlas.deleteAfterDate.withinOneWeek"],
        ["description", "atlas.description.maxLength"],
        ["description", "atlas.description.maxUtf16Units"],
        ["groupId", "atlas.groupId.objectId"],
        ["groupId", "atlas.groupId.lowercase"],
      ],
      server: [
        ["deleteAfterDate", "atlas.deleteAfterDate.withinOneWeek"],
        ["description", "atlas.description.maxLength"],
        ["groupId", "atlas.groupId.objectId"],
      ],
    });
  });

  it("non-object bodies", () => {
    for (const body of [null, [], "x", 1, undefined]) {
      expect(validateRequest("createUser", body).map((v) => [v.path, v.rule])).toEqual([
        ["", "atlas.request.type"],
      ]);
    }
    expect(validateRequest("nope" as never, {}).map((v) => v.rule)).toEqual(["atlas.operation.unknown"]);
  });
});
