/**
 * Every schema `toJSONSchema` can return — every provider, field, operation and context — compiles
 * in ajv's draft 2020-12 validator with its defaults and with `strict: true` (strict types, tuples
 * and required), carries `$schema`, and names what it cannot express in a `$comment`.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_DIALECT, unexpressedRules } from "../../src/index.js";
import { cases } from "./contexts.js";

const validators = {
  defaults: () => new Ajv2020(),
  "strict: true": () => new Ajv2020({ strict: true }),
};

describe.each(cases())("$label", ({ api, context }) => {
  const targets = [...api.fieldNames, ...api.operationNames];
  it.each(Object.entries(validators))("every schema compiles in ajv with %s", (_name, make) => {
    const ajv = make();
    for (const target of targets) {
      const schema = api.toJSONSchema(target, context);
      expect(schema.$schema, target).toBe(JSON_SCHEMA_DIALECT);
      expect(() => ajv.compile(schema), target).not.toThrow();
    }
  });
});

describe("the $comment annotation", () => {
  it("lists the rules a schema cannot express, and nothing for other comments", () => {
    expect(unexpressedRules({ $comment: "free text" })).toEqual([]);
    expect(unexpressedRules({})).toEqual([]);
    const [strict] = cases().filter((c) => c.provider === "atlas" && c.context.profile === "strict");
    const schema = strict!.api.toJSONSchema("username", strict!.context);
    expect(unexpressedRules(schema)).toContain("atlas.username.maxUtf16Units");
  });
});
