import { describe, expect, it } from "vitest";
import { acme } from "./fixture-provider.js";

const ids = (v: { rule: string }[]) => v.map((x) => x.rule);

describe("validateField", () => {
  it("accepts a valid value with no violations", () => {
    expect(acme.validateField("name", "alice")).toEqual([]);
  });

  it("names the field, the limit and the vendor", () => {
    const [v] = acme.validateField("name", "abcdefghi");
    expect(v).toMatchObject({ path: "name", rule: "acme.name.maxLength", params: { max: 8, actual: 9 } });
    expect(v!.message).toBe("name is 9 characters; Acme allows at most 8");
  });

  it("applies strict-only rules in strict and not in server", () => {
    expect(ids(acme.validateField("name", "abcdefg"))).toEqual(["acme.name.strictMaxLength"]);
    expect(acme.validateField("name", "abcdefg", { profile: "server" })).toEqual([]);
  });

  it("applies context-gated rules only in their context", () => {
    expect(acme.validateField("name", "abcde")).toEqual([]);
    expect(ids(acme.validateField("name", "abcde", { flavour: "fancy" }))).toEqual(["acme.name.fancyMax"]);
  });

  it("reports a non-string as a type violation and runs no other rule", () => {
    expect(acme.validateField("name", 42)).toEqual([
      {
        path: "name",
        rule: "acme.name.type",
        message: "name must be a string, but got a number",
        params: { expected: "string", actual: "a number" },
      },
    ]);
    expect(ids(acme.validateField("name", null))).toEqual(["acme.name.type"]);
  });

  it("reports every broken rule, in order", () => {
    expect(ids(acme.validateField("name", "root/;root"))).toEqual([
      "acme.name.maxLength",
      "acme.name.strictMaxLength",
      "acme.name.forbiddenChars",
    ]);
  });

  it("shows the offending character for names but never for secrets", () => {
    const [n] = acme.validateField("name", "a/b");
    expect(n!.message).toContain('"/" at position 2');
    const [s] = acme.validateField("secret", "hunter/2");
    expect(s!.message).not.toContain("/ at");
    expect(s!.params).not.toHaveProperty("char");
    expect(s!.params).not.toHaveProperty("index");
    expect(JSON.stringify(s)).not.toContain("hunter");
  });

  it("returns a violation, not a throw, for an unknown field or a bad context", () => {
    expect(ids(acme.validateField("nope" as "name", "x"))).toEqual(["acme.field.unknown"]);
    expect(ids(acme.validateField("name", "x", { profile: "lenient" as "server" }))).toEqual([
      "acme.context.profile",
    ]);
  });
});

describe("validateRequest", () => {
  it("accepts a valid request", () => {
    expect(acme.validateRequest("createMembers", { members: [{ name: "ann", colour: "red" }] })).toEqual([]);
  });

  it("reports paths like members[1].name", () => {
    const v = acme.validateRequest("createMembers", { members: [{ name: "ann" }, { name: "a/b" }] });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ path: "members[1].name", rule: "acme.name.forbiddenChars" });
  });

  it("reports missing required fields and wrong types", () => {
    expect(acme.validateRequest("createMembers", {})).toMatchObject([
      { path: "members", rule: "acme.request.required", message: "members is required by Acme" },
    ]);
    expect(acme.validateRequest("createMembers", { members: {} })).toMatchObject([
      { path: "members", rule: "acme.request.type", message: "members must be an array, but got an object" },
    ]);
    expect(acme.validateRequest("createMembers", [])).toMatchObject([
      { path: "", rule: "acme.request.type" },
    ]);
  });

  it("rejects unknown keys always, or only in strict, as the shape says", () => {
    expect(ids(acme.validateRequest("createMembers", { members: [{ name: "a" }], extra: 1 }))).toEqual([
      "acme.request.unknownKey",
    ]);
    const legacy = { members: [{ name: "a", database: "x" }] };
    expect(acme.validateRequest("createMembers", legacy)[0]).toMatchObject({
      path: "members[0].database",
      rule: "acme.request.unknownKey",
    });
    expect(acme.validateRequest("createMembers", legacy, { profile: "server" })).toEqual([]);
  });

  it("checks enums, min items (strict only) and duplicates", () => {
    expect(
      acme.validateRequest("createMembers", { members: [{ name: "a", colour: "green" }] })[0],
    ).toMatchObject({
      path: "members[0].colour",
      rule: "acme.colour.enum",
      params: { allowed: ["red", "blue"] },
    });
    expect(ids(acme.validateRequest("createMembers", { members: [] }))).toEqual(["acme.members.minItems"]);
    expect(acme.validateRequest("createMembers", { members: [] }, { profile: "server" })).toEqual([]);
    expect(
      acme.validateRequest("createMembers", { members: [{ name: "a" }, { name: "a" }] })[0],
    ).toMatchObject({
      path: "members[1]",
      rule: "acme.members.duplicate",
      params: { firstIndex: 0 },
    });
  });

  it("gates properties by context and derives context from siblings", () => {
    expect(
      ids(
        acme.validateRequest(
          "createMembers",
          { members: [{ name: "a", fancy: true }] },
          { flavour: "plain" },
        ),
      ),
    ).toEqual(["acme.fancy.flavour"]);
    expect(ids(acme.validateRequest("createMembers", { members: [{ name: "abcde", fancy: true }] }))).toEqual(
      ["acme.name.fancyMax"],
    );
    expect(acme.validateRequest("createMembers", { members: [{ name: "abcde", fancy: false }] })).toEqual([]);
  });

  it("runs object checks", () => {
    expect(ids(acme.validateRequest("patch", {}))).toEqual(["acme.patch.empty"]);
    expect(acme.validateRequest("patch", { name: "a", secret: "abcd" })).toMatchObject([
      { path: "secret", rule: "acme.patch.notBoth" },
    ]);
  });

  it("turns throwing getters and hostile proxies into violations", () => {
    const body = {
      members: [
        {
          get name(): string {
            throw new Error("boom");
          },
        },
      ],
    };
    expect(ids(acme.validateRequest("createMembers", body))).toEqual([
      "acme.request.unreadable",
      "acme.request.required",
    ]);
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    expect(ids(acme.validateRequest("createMembers", hostile))).toEqual(["acme.request.unreadable"]);
  });
});
