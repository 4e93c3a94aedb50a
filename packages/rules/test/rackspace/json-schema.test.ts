import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { UNEXPRESSED } from "../../src/engine/json-schema.js";
import {
  type RackspaceField,
  rackspace,
  toJSONSchema,
  validateField,
} from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";
import { nearHost, nearName, PROFILES, validHost } from "./arbitraries.js";
import { SERVER } from "./helpers.js";

const FIELDS = rackspace.fieldNames as readonly RackspaceField[];
const ajv = new Ajv2020({ strict: false, allErrors: false });
const compiled = new Map(
  PROFILES.flatMap((ctx) =>
    FIELDS.map((f) => [`${f}/${ctx.profile}`, ajv.compile(toJSONSchema(f, ctx))] as const),
  ),
);

describe("field JSON Schemas are exact (ajv 2020-12, u flag)", () => {
  it("express every field rule", () => {
    for (const ctx of PROFILES)
      for (const f of FIELDS) expect(toJSONSchema(f, ctx)).not.toHaveProperty(UNEXPRESSED);
    expect(toJSONSchema("password")).toMatchObject({ writeOnly: true });
  });
  const value = fc.oneof(
    nearName,
    nearHost,
    validHost.server,
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.constantFrom(
      "ROOT",
      "root",
      "Os_Admin",
      "MySQL",
      "sys",
      "utf8",
      "utf8mb3",
      "utf8_bin",
      "utf8mb4_0900_ai_ci",
    ),
  );
  test.prop([fc.constantFrom(...FIELDS), value, fc.constantFrom(...PROFILES)])(
    "ajv agrees with validateField",
    (field, v, ctx) => {
      const schema = compiled.get(`${field}/${ctx.profile}`)!;
      expect(schema(v)).toBe(validateField(field, v, ctx).length === 0);
    },
  );
});

describe("request JSON Schemas", () => {
  it("closes objects in strict and leaves them open on the server", () => {
    const strict = toJSONSchema("createUsers") as {
      properties: { users: { items: Record<string, unknown> } };
    };
    const server = toJSONSchema("createUsers", SERVER) as typeof strict;
    expect(strict.properties.users.items.additionalProperties).toBe(false);
    expect(server.properties.users.items).not.toHaveProperty("additionalProperties");
    expect(toJSONSchema("modifyUser", SERVER)).toMatchObject({
      properties: { user: { allOf: [{ minProperties: 1 }] } },
    });
  });
  it("lists duplicates and the charset pair as unexpressed", () => {
    const json = JSON.stringify(toJSONSchema("createDatabases", SERVER));
    expect(json).toContain("rackspace.createDatabases.duplicateName");
    expect(json).toContain("rackspace.createDatabases.collationCharset");
  });
});
