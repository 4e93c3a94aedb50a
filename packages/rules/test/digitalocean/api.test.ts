/** The public API around the rules: describeRules, passwords, suggestions, exports. */

import { describe, expect, it } from "vitest";
import { NoValidNameError, RulesError } from "../../src/engine/errors.js";
import {
  type AddUserRequest,
  describeRules,
  digitalocean,
  digitaloceanDefinition,
  digitaloceanDocs,
  ENGINES,
  generatePassword,
  KAFKA_ACL_PERMISSIONS,
  MONGO_USER_ROLES,
  MYSQL_AUTH_PLUGINS,
  OPENSEARCH_ACL_PERMISSIONS,
  READ_ONLY_USER_PROPERTIES,
  type ResetUserAuthRequest,
  suggestName,
  type UpdateUserRequest,
  USER_ROLES,
  validateRequest,
} from "../../src/providers/digitalocean/index.js";
import { fc, test } from "../support/fc.js";
import { context } from "./arbitraries.js";

const FIELDS = ["userName", "kafkaTopic", "opensearchIndex", "mongoDatabase"] as const;
const CONTEXTS = (["strict", "server"] as const).flatMap((profile) =>
  [undefined, ...ENGINES].map((engine) => ({ profile, engine })),
);
describe("describeRules", () => {
  it("every rule has an id, a one-line description and a source", () => {
    for (const [name, spec] of Object.entries(digitaloceanDefinition.fields)) {
      for (const rule of spec.rules) {
        expect(rule.id).toMatch(new RegExp(`^digitalocean\\.${name}\\.[A-Za-z]+$`));
        expect(digitaloceanDocs.rules[rule.id]!.description).toMatch(/^\S.*\.$/);
        expect(digitaloceanDocs.rules[rule.id]!.description).not.toContain("\n");
        expect(digitaloceanDocs.rules[rule.id]!.source.length).toBeGreaterThan(20);
      }
    }
  });

  it("says where no limit is documented, and which rules an unknown engine skips", () => {
    const notes = (ctx: object) =>
      describeRules("userName", ctx)
        .filter((l) => l.id === "note")
        .map((l) => l.description);
    expect(notes({})[0]).toMatch(/^DigitalOcean publishes no length, character or reserved-name rule/);
    expect(notes({})[1]).toMatch(/^No engine given: engine-specific rules .* are skipped/);
    expect(notes({ engine: "kafka" })[1]).toMatch(
      /^Kafka: no user-name length or character limit is documented/,
    );
    expect(notes({ engine: "mongodb" })[1]).toBe(
      "MongoDB documents no user-name length limit; only NUL is refused.",
    );
    expect(notes({ engine: "opensearch" })[1]).toMatch(/^OpenSearch documents no user-name length limit/);
    expect(notes({ engine: "mysql" })[1]).toMatch(/^MySQL's own accounts/);
    expect(notes({ engine: "pg" })).toHaveLength(1);
    expect(
      describeRules("kafkaTopic")
        .filter((l) => l.id === "note")
        .map((l) => l.description),
    ).toHaveLength(2);
  });

  it("lists the rules of the context only, tagging strict ones", () => {
    const ids = (ctx: object) =>
      describeRules("userName", ctx)
        .filter((l) => l.id !== "note")
        .map((l) => l.id.split(".")[2]);
    expect(ids({ engine: "pg" })).toEqual([
      "notEmpty",
      "builtIn",
      "pgMaxBytes",
      "pgReserved",
      "pgReservedAnyCase",
      "pgPrefix",
      "pgPrefixAnyCase",
      "pgNul",
      "maxLength",
      "pattern",
    ]);
    expect(ids({ engine: "pg", profile: "server" })).toEqual([
      "notEmpty",
      "builtIn",
      "pgMaxBytes",
      "pgReserved",
      "pgPrefix",
      "pgNul",
    ]);
    expect(ids({ engine: "valkey", profile: "server" })).toEqual([
      "engineUnsupported",
      "notEmpty",
      "builtIn",
    ]);
    expect(ids({ engine: "mongodb", profile: "server" })).toEqual([
      "notEmpty",
      "builtIn",
      "mongodbBuiltIn",
      "mongodbNul",
    ]);
    expect(ids({ engine: "mysql", profile: "server" })).toEqual(["notEmpty", "builtIn", "mysqlMaxLength"]);
    expect(ids({ engine: "opensearch", profile: "server" })).toEqual([
      "notEmpty",
      "builtIn",
      "opensearchColon",
    ]);
    expect(ids({ engine: "kafka", profile: "server" })).toEqual(["notEmpty", "builtIn"]);
    const pattern = describeRules("userName").find((l) => l.id === "digitalocean.userName.pattern")!;
    expect(pattern.profile).toBe("strict");
    expect(pattern.source).toMatch(/^inferred, not documented/);
    expect(pattern.line).toContain("[strict]");
  });

  it("snapshots every description line", () => {
    for (const ctx of CONTEXTS)
      for (const field of FIELDS)
        expect(describeRules(field, ctx).map((l) => l.line)).toMatchSnapshot(
          `${field} ${ctx.profile} ${ctx.engine ?? "any"}`,
        );
  });
});

describe("passwords", () => {
  it("DigitalOcean generates them: generatePassword throws RulesError NOT_APPLICABLE", () => {
    expect(digitaloceanDefinition).not.toHaveProperty("password");
    let caught: unknown;
    try {
      generatePassword({ length: 20 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RulesError);
    expect(caught).toMatchObject({
      code: "NOT_APPLICABLE",
      message: "DigitalOcean generates passwords itself; there is nothing to generate client-side",
    });
    expect(() => digitalocean.generatePassword()).toThrow(RulesError);
  });
});

describe("suggestName(userName)", () => {
  it("folds to lowercase ASCII, replaces the rest with -, trims and truncates per engine", () => {
    expect(suggestName("userName", "Élodie Dupont")).toBe("elodie-dupont");
    expect(suggestName("userName", "  --Hello, World!--  ")).toBe("hello-world");
    expect(suggestName("userName", "snake_case.Name!")).toBe("snake_case-name");
    expect(suggestName("userName", "x".repeat(100), { engine: "pg" })).toBe("x".repeat(63));
    expect(suggestName("userName", "x".repeat(100), { engine: "mysql" })).toBe("x".repeat(32));
    expect(suggestName("userName", "x".repeat(100), { engine: "kafka" })).toBe("x".repeat(64));
    expect(suggestName("userName", "x".repeat(100))).toBe("x".repeat(64));
    expect(suggestName("userName", `${"a".repeat(31)} b`, { engine: "mysql" })).toBe("a".repeat(31));
  });

  it("avoids doadmin, public, none, do-readonly by a suffix and pg_ by pg-", () => {
    expect(suggestName("userName", "DoAdmin!", { engine: "kafka" })).toBe("doadmin-user");
    expect(suggestName("userName", "doadmin")).toBe("doadmin-user");
    expect(suggestName("userName", "PUBLIC", { engine: "pg" })).toBe("public-user");
    expect(suggestName("userName", "public", { engine: "pg" })).toBe("public-user");
    expect(suggestName("userName", "None", { engine: "pg" })).toBe("none-user");
    expect(suggestName("userName", "do-readonly", { engine: "mongodb" })).toBe("do-readonly-user");
    expect(suggestName("userName", "PG_Monitor", { engine: "pg" })).toBe("pg-monitor");
    expect(suggestName("userName", "pg_", { engine: "pg" })).toBe("pg");
    // outside pg and MongoDB these names are fine once folded
    expect(suggestName("userName", "PUBLIC!", { engine: "mysql" })).toBe("public");
    expect(suggestName("userName", "Do-ReadOnly!", { engine: "kafka" })).toBe("do-readonly");
    expect(suggestName("userName", "PG_x!", { engine: "mysql" })).toBe("pg_x");
  });

  it("returns valid input unchanged, per profile", () => {
    expect(suggestName("userName", "Already.Valid?", { engine: "kafka" })).toBe("Already.Valid?");
    expect(suggestName("userName", "Ünïcode name", { engine: "kafka", profile: "server" })).toBe(
      "Ünïcode name",
    );
  });

  it("throws NoValidNameError when nothing is left, or on Caching and Valkey", () => {
    for (const [raw, ctx] of [
      ["", {}],
      ["日本語", {}],
      ["---", { engine: "pg" }],
      ["app", { engine: "redis" }],
      ["app", { engine: "valkey" }],
    ] as const) {
      expect(() => suggestName("userName", raw, ctx)).toThrow(NoValidNameError);
    }
    expect(() => suggestName("userName", 42)).toThrow(NoValidNameError);
    expect(() => suggestName("kafkaTopic", "")).toThrow(NoValidNameError);
  });

  test.prop([fc.string({ maxLength: 40 }), context])(
    "suggestions contain only a-z 0-9 _ - unless the input was valid",
    (raw, ctx) => {
      try {
        const out = suggestName("userName", raw, ctx);
        if (out !== raw) expect(out).toMatch(/^[a-z0-9_][a-z0-9_-]*$/);
      } catch (e) {
        expect(e).toBeInstanceOf(NoValidNameError);
      }
    },
  );
});

describe("exports", () => {
  it("exposes the enums as const arrays and the bound API", () => {
    expect(MYSQL_AUTH_PLUGINS).toEqual(["mysql_native_password", "caching_sha2_password"]);
    expect(OPENSEARCH_ACL_PERMISSIONS).toEqual(["deny", "admin", "read", "readwrite", "write"]);
    expect(KAFKA_ACL_PERMISSIONS).toEqual(["admin", "consume", "produce", "produceconsume"]);
    expect(MONGO_USER_ROLES).toEqual(["readOnly", "readWrite", "dbAdmin"]);
    expect(USER_ROLES).toEqual(["primary", "normal"]);
    expect(READ_ONLY_USER_PROPERTIES).toEqual(["role", "password", "access_cert", "access_key"]);
    expect(digitalocean.id).toBe("digitalocean");
    expect(digitalocean.vendor).toBe("DigitalOcean");
    expect(digitalocean.fieldNames).toEqual(["userName", "kafkaTopic", "opensearchIndex", "mongoDatabase"]);
    expect(digitalocean.operationNames).toEqual(["addUser", "updateUser", "resetUserAuth"]);
  });

  it("types the request bodies, without the read-only properties", () => {
    const add: AddUserRequest = {
      name: "app-03",
      settings: {
        acl: [{ topic: "t", permission: "produceconsume" }],
        mongo_user_settings: { role: "readOnly" },
      },
      mysql_settings: { auth_plugin: "caching_sha2_password" },
      readonly: false,
    };
    // @ts-expect-error password is read-only: DigitalOcean generates it
    const withPassword: AddUserRequest = { name: "a", password: "x" };
    // @ts-expect-error not a Kafka permission
    const badAcl: AddUserRequest = { name: "a", settings: { acl: [{ topic: "t", permission: "read" }] } };
    const update: UpdateUserRequest = { settings: { pg_allow_replication: true } };
    const reset: ResetUserAuthRequest = {};
    expect(validateRequest("addUser", add, { profile: "server" })).toEqual([]);
    expect(validateRequest("addUser", withPassword).map((v) => v.rule)).toEqual([
      "digitalocean.addUser.readOnly",
    ]);
    expect(validateRequest("addUser", badAcl).map((v) => v.rule)).toEqual([
      "digitalocean.settings.acl.permission.enum",
    ]);
    expect(validateRequest("updateUser", update)).toEqual([]);
    expect(validateRequest("resetUserAuth", reset)).toEqual([]);
  });
});
