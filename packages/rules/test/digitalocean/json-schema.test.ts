/** JSON Schema views are exact where they can be (checked with ajv, draft 2020-12, `u` regexes) and never stricter. */

import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  digitaloceanDefinition,
  ENGINES,
  READ_ONLY_USER_PROPERTIES,
  toJSONSchema,
  validateField,
  validateRequest,
} from "../../src/providers/digitalocean/index.js";
import type { BaseContext, JsonSchema, Rule } from "../../src/types.js";
import { fc, test } from "../support/fc.js";
import { userEngine, validAddUser } from "./arbitraries.js";

const ajv = new Ajv2020({ allErrors: false, unicodeRegExp: true });
const compile = (schema: JsonSchema) => ajv.compile(schema as object);
const cache = new Map<string, ReturnType<typeof compile>>();
const requestValidator = (op: "addUser" | "updateUser", engine: string) => {
  const key = `${op} ${engine}`;
  if (!cache.has(key)) cache.set(key, compile(toJSONSchema(op, { engine: engine as never })));
  return cache.get(key)!;
};

const FIELDS = ["userName", "kafkaTopic", "opensearchIndex", "mongoDatabase"] as const;
const CONTEXTS = (["strict", "server"] as const).flatMap((profile) =>
  [undefined, ...ENGINES].map((engine) => ({ profile, engine })),
);
const samples = fc.oneof(
  fc.string({ unit: "binary", maxLength: 70 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 70 }),
  fc.constantFrom(
    "public",
    "Public",
    "NONE",
    "pg_x",
    "PG_x",
    "Pg_",
    "doadmin",
    "do-readonly",
    "a:b",
    "a\u0000",
    "a.b",
    "-a",
    "?",
  ),
  fc.constantFrom(
    "a".repeat(63),
    "a".repeat(64),
    "a".repeat(65),
    "é".repeat(32),
    "a".repeat(33),
    "\uD800",
    "pG_\uD800",
  ),
);

describe("JSON Schema fragments are exact", () => {
  const rules = Object.values(digitaloceanDefinition.fields).flatMap(
    (f) => f.rules as readonly Rule<BaseContext>[],
  );
  const withSchema = rules.filter((r) => r.jsonSchema);

  it("every rule but the byte limits has a fragment", () => {
    expect(rules.filter((r) => !r.jsonSchema).map((r) => r.id)).toEqual([
      "digitalocean.userName.pgMaxBytes",
      "digitalocean.mongoDatabase.maxBytes",
    ]);
  });

  const ctx = { profile: "strict" as const, engine: "pg" as const };
  const compiled = withSchema.map((rule) => {
    const fragment = typeof rule.jsonSchema === "function" ? rule.jsonSchema(ctx) : rule.jsonSchema!;
    return { rule, validate: compile({ type: "string", ...fragment }) };
  });

  test.prop([samples])("each fragment accepts exactly what its check accepts", (value) => {
    for (const { rule, validate } of compiled)
      expect([rule.id, validate(value)]).toEqual([rule.id, rule.check(value, ctx) === undefined]);
  });

  test.prop([samples, fc.constantFrom(...FIELDS), fc.constantFrom(...CONTEXTS)])(
    "field schemas agree with validateField (never stricter; equal when nothing is unexpressed)",
    (value, field, ctx) => {
      const schema = toJSONSchema(field, ctx);
      const schemaOk = compile(schema)(value);
      const rulesOk = validateField(field, value, ctx).length === 0;
      if (rulesOk) expect(schemaOk).toBe(true);
      if (!JSON.stringify(schema).includes("not expressed in JSON Schema")) expect(schemaOk).toBe(rulesOk);
    },
  );

  test.prop([userEngine.chain((e) => fc.tuple(fc.constant(e), validAddUser(e)))])(
    "request schemas accept valid bodies",
    ([e, body]) => {
      expect(requestValidator("addUser", e)(body)).toBe(true);
      expect(requestValidator("updateUser", e)({ settings: body.settings })).toBe(
        validateRequest("updateUser", { settings: body.settings }, { engine: e }).length === 0,
      );
    },
  );

  it("request schemas close the strict objects and mark gated properties false", () => {
    const strictPg = toJSONSchema("addUser", { engine: "pg" }) as {
      properties: Record<string, unknown>;
      additionalProperties?: boolean;
    };
    expect(strictPg.additionalProperties).toBe(false);
    for (const key of ["readonly", "mysql_settings", ...READ_ONLY_USER_PROPERTIES])
      expect(strictPg.properties[key]).toBe(false);
    const serverPg = toJSONSchema("addUser", { engine: "pg", profile: "server" }) as typeof strictPg;
    expect(serverPg.additionalProperties).toBeUndefined();
    expect(serverPg.properties.readonly).toEqual({ type: "boolean", title: "read-only user (deprecated)" });
    expect(toJSONSchema("updateUser", { profile: "server" })).toMatchObject({
      additionalProperties: false,
      required: ["settings"],
    });
    const update = compile(toJSONSchema("updateUser", { engine: "mongodb" }));
    expect(update({ settings: { mongo_user_settings: {} } })).toBe(false);
    expect(update({ settings: { pg_allow_replication: true } })).toBe(false);
    expect(update({ settings: {} })).toBe(true);
  });

  it("snapshots every field and request schema", () => {
    for (const ctx of CONTEXTS) {
      for (const name of [...FIELDS, "addUser", "updateUser", "resetUserAuth"] as const)
        expect(toJSONSchema(name, ctx)).toMatchSnapshot(`${name} ${ctx.profile} ${ctx.engine ?? "any"}`);
    }
  });
});
