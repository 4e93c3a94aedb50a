import type { StandardSchemaV1 as Published } from "@standard-schema/spec";
import { describe, expect, expectTypeOf, it } from "vitest";
import { NoValidNameError, RulesError, UnknownRuleTargetError } from "../../src/engine/errors.js";
import { formatPath } from "../../src/engine/violation.js";
import type { StandardSchemaV1 } from "../../src/standard-schema-types.js";
import { fc, test } from "../support/fc.js";
import { acme } from "./fixture-provider.js";

describe("formatPath", () => {
  it("writes dots, indexes and quoted odd keys", () => {
    expect(formatPath(["users", 1, "databases", 0, "name"])).toBe("users[1].databases[0].name");
    expect(formatPath(["labels", "a b"])).toBe('labels["a b"]');
    expect(formatPath([])).toBe("");
  });
});

describe("Standard Schema", () => {
  const schema = acme.standardSchema("createMembers");
  it("is assignable to the published interface", () => {
    expectTypeOf(schema).toExtend<Published<unknown, unknown>>();
    expectTypeOf<StandardSchemaV1.Result<string>>().toExtend<Published.Result<string>>();
    expectTypeOf(schema).toExtend<StandardSchemaV1<unknown, { members: { name: string }[] }>>();
  });
  it("returns the value when valid and issues with paths when not", () => {
    const ok = { members: [{ name: "ann" }] };
    expect(schema["~standard"].validate(ok)).toEqual({ value: ok });
    expect(schema["~standard"].version).toBe(1);
    expect(schema["~standard"].vendor).toBe("@dbusers/rules");
    const bad = schema["~standard"].validate({ members: [{ name: "ann" }, { name: "a/b", 'x"y': 1 }] });
    expect(bad).toMatchObject({
      issues: [
        { path: ["members", 1, "name"], message: expect.stringContaining("/") },
        { path: ["members", 1, 'x"y'] },
      ],
    });
  });
  it("validates single fields too", () => {
    expect(acme.standardSchemaForField("name")["~standard"].validate("a;")).toMatchObject({
      issues: [{ path: ["name"] }],
    });
  });
});

describe("toJSONSchema", () => {
  it("lists rules JSON Schema cannot say", () => {
    const schema = acme.toJSONSchema("createMembers") as Record<string, unknown>;
    expect(schema).toMatchObject({ type: "object", required: ["members"], additionalProperties: false });
    const members = (schema.properties as Record<string, Record<string, unknown>>).members!;
    expect(members).toMatchObject({
      type: "array",
      minItems: 1,
      $comment: "Rules not expressed in JSON Schema (checked by @dbusers/rules): acme.members.duplicate",
    });
    expect(acme.toJSONSchema("createMembers", { profile: "server" })).not.toHaveProperty(
      "properties.members.minItems",
    );
  });
  it("forbids a gated property where its context rules it out", () => {
    const schema = acme.toJSONSchema("createMembers", { flavour: "plain" }) as {
      properties: { members: { items: { properties: Record<string, unknown> } } };
    };
    expect(schema.properties.members.items.properties.fancy).toBe(false);
  });
  it("marks secrets writeOnly and throws a typed error for unknown shapes", () => {
    expect(acme.toJSONSchema("secret")).toMatchObject({ type: "string", writeOnly: true });
    expect(() => acme.toJSONSchema("nope" as "name")).toThrow(UnknownRuleTargetError);
  });
});

describe("describeRules", () => {
  it("gives one line per active rule with its source, plus notes", () => {
    const lines = acme.describeRules("name");
    expect(lines.map((l) => l.id)).toEqual([
      "acme.name.minLength",
      "acme.name.maxLength",
      "acme.name.strictMaxLength",
      "acme.name.forbiddenChars",
      "acme.name.reserved",
      "note",
    ]);
    expect(lines[2]!.line).toBe("The acme.name.strictMaxLength rule. [strict] (source: test)");
    expect(acme.describeRules("name", { profile: "server" }).map((l) => l.id)).not.toContain(
      "acme.name.strictMaxLength",
    );
  });
});

describe("suggestName", () => {
  it("returns valid input unchanged and fixes the rest", () => {
    expect(acme.suggestName("name", "bob")).toBe("bob");
    expect(acme.suggestName("name", "Bob/Smith")).toBe("obmith");
    expect(acme.suggestName("name", "ROOT!root")).toBe("root1".slice(0, 6));
  });
  it("throws a typed error when nothing valid is left", () => {
    expect(() => acme.suggestName("name", "///")).toThrow(NoValidNameError);
    expect(() => acme.suggestName("name", 7)).toThrow(NoValidNameError);
    expect(() => acme.suggestName("secret", "x")).toThrow(UnknownRuleTargetError);
  });
  test.prop([fc.string()])("output validates and is a fixed point", (raw) => {
    let out: string;
    try {
      out = acme.suggestName("name", raw);
    } catch (e) {
      expect(e).toBeInstanceOf(NoValidNameError);
      return;
    }
    expect(acme.validateField("name", out)).toEqual([]);
    expect(acme.suggestName("name", out)).toBe(out);
  });
});

describe("generatePassword", () => {
  test.prop([fc.integer({ min: 4, max: 40 })])(
    "is valid, of the asked length, with every class",
    (length) => {
      const pw = acme.generatePassword({ length });
      expect([...pw]).toHaveLength(length);
      expect(acme.validateField("secret", pw)).toEqual([]);
      for (const re of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(pw).toMatch(re);
    },
  );
  it("uses the default length and refuses lengths outside the policy", () => {
    expect(acme.generatePassword()).toHaveLength(12);
    expect(() => acme.generatePassword({ length: 3 })).toThrow(RulesError);
    expect(() => acme.generatePassword({ length: 41 })).toThrow(/from 4 to 40/);
    expect(() => acme.generatePassword({ length: 5.5 })).toThrow(RulesError);
  });
  it("draws from the injected randomness", () => {
    const zeros = (n: number) => new Uint8Array(n);
    expect(acme.generatePassword({ length: 4, randomBytes: zeros })).toMatch(/^[aX0!]{4}$/);
  });
});
