/** Examples for every user-name constraint in the vendor notes, boundaries included. */
import { describe, expect, it } from "vitest";
import {
  type DigitalOceanContextInput,
  type ENGINES,
  USER_MANAGEMENT_ENGINES,
  validateField,
} from "../../src/providers/digitalocean/index.js";

const rules = (value: unknown, ctx?: DigitalOceanContextInput) =>
  validateField("userName", value, ctx).map((v) => v.rule);
const only = (value: unknown, ctx: DigitalOceanContextInput) => {
  const out = validateField("userName", value, ctx);
  expect(out).toHaveLength(1);
  return out[0]!;
};
const server = (engine?: (typeof ENGINES)[number]) => ({ profile: "server", engine }) as const;
const strict = (engine?: (typeof ENGINES)[number]) => ({ profile: "strict", engine }) as const;
const P = "digitalocean.userName";

describe("userName: everywhere", () => {
  it("accepts the names seen accepted by real servers", () => {
    for (const e of USER_MANAGEMENT_ENGINES)
      for (const name of ["app-01", "tf-acc-test-abcdefghij", "tf-acc-test-abcdefghij-up", "example-user"])
        expect(rules(name, strict(e))).toEqual([]);
    expect(rules("foobar-test-user-terraform-abcdefghij", strict("pg"))).toEqual([]);
    expect(rules("ranked-campaign-o-r-g-p", strict("mysql"))).toEqual([]);
    for (const name of ["foo", "bar", "baz", "one", "two", "user", "example"])
      expect(rules(name, strict("mongodb"))).toEqual([]);
  });

  it("is required: empty fails with notEmpty on every engine and profile", () => {
    for (const engine of [undefined, ...USER_MANAGEMENT_ENGINES])
      for (const profile of ["strict", "server"] as const)
        expect(rules("", { profile, engine })).toEqual([`${P}.notEmpty`]);
    expect(only("", server())).toEqual({
      path: "userName",
      rule: `${P}.notEmpty`,
      message: 'user name is empty; DigitalOcean requires a name (server: "user_name field required")',
      params: { min: 1, actual: 0 },
    });
    expect(rules("a", server())).toEqual([]);
  });

  it("refuses non-strings with the type rule", () => {
    expect(validateField("userName", 5)).toEqual([
      {
        path: "userName",
        rule: "digitalocean.userName.type",
        message: "user name must be a string, but got a number",
        params: { expected: "string", actual: "a number" },
      },
    ]);
  });

  it("doadmin is the built-in admin on every engine, even when the engine is unknown (exact case)", () => {
    for (const engine of [undefined, ...USER_MANAGEMENT_ENGINES]) {
      expect(rules("doadmin", server(engine))).toEqual([`${P}.builtIn`]);
      expect(rules("doadmin", strict(engine))).toEqual([`${P}.builtIn`]);
    }
    expect(only("doadmin", server())).toEqual({
      path: "userName",
      rule: `${P}.builtIn`,
      message:
        'user name "doadmin" is DigitalOcean\'s built-in admin user; it exists already and cannot be created',
      params: { value: "doadmin", reserved: ["doadmin"] },
    });
    for (const near of ["DoAdmin", "doadmin2", "doadmi", "xdoadmin"])
      expect(rules(near, strict("mysql"))).toEqual([]);
  });

  it("do-readonly is built in on MongoDB only, and skipped when the engine is unknown", () => {
    expect(only("do-readonly", server("mongodb"))).toEqual({
      path: "userName",
      rule: `${P}.mongodbBuiltIn`,
      message:
        'user name "do-readonly" is a built-in user of DigitalOcean MongoDB clusters; it cannot be created',
      params: { value: "do-readonly", reserved: ["do-readonly"] },
    });
    for (const engine of [undefined, "pg", "mysql", "kafka", "opensearch"] as const)
      expect(rules("do-readonly", strict(engine))).toEqual([]);
    expect(rules("do-readOnly", strict("mongodb"))).toEqual([]);
  });
});

describe("userName: Caching and Valkey", () => {
  it("refuses every name: no user management (the server answers 500)", () => {
    for (const engine of ["redis", "valkey"] as const)
      for (const profile of ["strict", "server"] as const) {
        expect(rules("newrelic", { profile, engine })).toEqual([`${P}.engineUnsupported`]);
        expect(rules("", { profile, engine })).toEqual([`${P}.engineUnsupported`, `${P}.notEmpty`]);
      }
    expect(only("newrelic", server("redis"))).toEqual({
      path: "userName",
      rule: `${P}.engineUnsupported`,
      message:
        "user name cannot be used: Caching (redis) clusters have no user management on DigitalOcean (the real server answers 500, see terraform-provider-digitalocean#876)",
      params: { engine: "redis" },
    });
    expect(only("x", server("valkey")).message).toBe(
      "user name cannot be used: Valkey clusters have no user management on DigitalOcean (the real server answers 500, see terraform-provider-digitalocean#876)",
    );
  });
});

describe("userName: PostgreSQL", () => {
  it("allows 63 bytes of UTF-8 and refuses 64 (NAMEDATALEN - 1; PostgreSQL would truncate)", () => {
    for (const profile of ["strict", "server"] as const) {
      expect(rules("a".repeat(63), { profile, engine: "pg" })).toEqual([]);
      expect(rules("a".repeat(64), { profile, engine: "pg" })).toEqual([`${P}.pgMaxBytes`]);
    }
    expect(only("a".repeat(64), server("pg"))).toEqual({
      path: "userName",
      rule: `${P}.pgMaxBytes`,
      message: "user name is 64 bytes in UTF-8; PostgreSQL allows at most 63 and would silently truncate it",
      params: { max: 63, actual: 64 },
    });
    // bytes, not characters: 31 × é (2 bytes) + 1 = 63; 32 × é = 64; emoji are 4 bytes; a lone surrogate 3.
    expect(rules(`${"é".repeat(31)}a`, server("pg"))).toEqual([]);
    expect(only("é".repeat(32), server("pg")).params).toEqual({ max: 63, actual: 64 });
    expect(rules(`${"😀".repeat(15)}abc`, server("pg"))).toEqual([]);
    expect(only(`${"😀".repeat(15)}abcd`, server("pg")).params).toEqual({ max: 63, actual: 64 });
    expect(rules(`${"a".repeat(60)}\uD800`, server("pg"))).toEqual([]);
    expect(rules(`${"a".repeat(61)}\uD800`, server("pg"))).toEqual([`${P}.pgMaxBytes`]);
    expect(rules("a".repeat(64), server("mongodb"))).toEqual([]);
    expect(rules("a".repeat(64), server())).toEqual([]);
  });

  it("refuses public and none exactly (server); other cases only in strict", () => {
    for (const name of ["public", "none"]) {
      expect(rules(name, server("pg"))).toEqual([`${P}.pgReserved`]);
      expect(rules(name, strict("pg"))).toEqual([`${P}.pgReserved`]);
      for (const e of ["mysql", "mongodb", "kafka", "opensearch", undefined] as const)
        expect(rules(name, strict(e))).toEqual([]);
    }
    expect(only("none", server("pg")).message).toBe(
      'user name "none" is a reserved PostgreSQL role name (reserved: public, none)',
    );
    for (const name of ["Public", "PUBLIC", "None", "nOnE"]) {
      expect(rules(name, server("pg"))).toEqual([]);
      expect(rules(name, strict("pg"))).toEqual([`${P}.pgReservedAnyCase`]);
    }
    expect(only("PUBLIC", strict("pg"))).toEqual({
      path: "userName",
      rule: `${P}.pgReservedAnyCase`,
      message:
        'user name "PUBLIC" is the reserved PostgreSQL role name "public" in another case; DigitalOcean may fold case, so it is refused',
      params: { value: "PUBLIC", reserved: ["public", "none"] },
    });
    for (const near of ["publics", "xpublic", "publi", "non", "nones", "pUbLiC1", "current_user", "user"])
      expect(rules(near, strict("pg"))).toEqual([]);
    // Only ASCII letters fold: the Kelvin sign or a dotted I is not a case of k or i.
    expect(rules("publİc", server("pg"))).toEqual([]);
  });

  it("refuses the pg_ prefix (server: exact; strict: any case)", () => {
    for (const name of ["pg_", "pg_monitor", "pg_abc"]) {
      expect(rules(name, server("pg"))).toEqual([`${P}.pgPrefix`]);
      expect(rules(name, strict("pg"))).toEqual([`${P}.pgPrefix`]);
    }
    expect(only("pg_x", server("pg")).message).toBe(
      'user name starts with "pg_", which PostgreSQL reserves for its own roles',
    );
    for (const name of ["PG_x", "Pg_x", "pG_"]) {
      expect(rules(name, server("pg"))).toEqual([]);
      expect(rules(name, strict("pg"))).toEqual([`${P}.pgPrefixAnyCase`]);
    }
    expect(only("Pg_abc", strict("pg"))).toEqual({
      path: "userName",
      rule: `${P}.pgPrefixAnyCase`,
      message:
        'user name starts with "Pg_", the reserved PostgreSQL prefix "pg_" in another case; DigitalOcean may fold case, so it is refused',
      params: { prefix: "Pg_" },
    });
    for (const name of ["pg", "pgx", "pg-x", "xpg_", "p_g", "PG"])
      expect(rules(name, strict("pg"))).toEqual([]);
    for (const e of ["mysql", "mongodb", undefined] as const) expect(rules("pg_x", strict(e))).toEqual([]);
  });

  it("refuses NUL", () => {
    expect(only("a\u0000b", server("pg"))).toEqual({
      path: "userName",
      rule: `${P}.pgNul`,
      message: "user name contains a NUL character (U+0000) at position 2; PostgreSQL does not allow it",
      params: { index: 1 },
    });
    expect(rules("a\u0000b", strict("pg"))).toEqual([`${P}.pgNul`, `${P}.pattern`]);
    expect(rules("a\u0000b", server("mysql"))).toEqual([]);
  });
});

describe("userName: MySQL", () => {
  it("allows 32 characters and refuses 33 (MySQL 8, error 1470)", () => {
    expect(rules("0".repeat(32), strict("mysql"))).toEqual([]);
    expect(only("012345678901234567890123456789012", strict("mysql"))).toEqual({
      path: "userName",
      rule: `${P}.mysqlMaxLength`,
      message: "user name is 33 characters; MySQL allows at most 32",
      params: { max: 32, actual: 33 },
    });
    // characters are code points: 32 emoji pass (server), 33 do not
    expect(rules("😀".repeat(32), server("mysql"))).toEqual([]);
    expect(only("😀".repeat(33), server("mysql")).params).toEqual({ max: 32, actual: 33 });
    expect(rules("a".repeat(33), server("pg"))).toEqual([]);
  });
});

describe("userName: MongoDB, OpenSearch, Kafka", () => {
  it("MongoDB refuses NUL only", () => {
    expect(only("\u0000", server("mongodb"))).toEqual({
      path: "userName",
      rule: `${P}.mongodbNul`,
      message: "user name contains a NUL character (U+0000) at position 1; MongoDB does not allow it",
      params: { index: 0 },
    });
    expect(rules("any thing: é/\\$", server("mongodb"))).toEqual([]);
    expect(rules("x".repeat(10_000), server("mongodb"))).toEqual([]);
  });

  it("OpenSearch refuses ':' only", () => {
    expect(only("aaaa:bbb", server("opensearch"))).toEqual({
      path: "userName",
      rule: `${P}.opensearchColon`,
      message:
        'user name contains ":" at position 5; OpenSearch does not allow it (it separates name and password in HTTP basic auth)',
      params: { char: ":", index: 4 },
    });
    expect(rules(":", server("opensearch"))).toEqual([`${P}.opensearchColon`]);
    expect(rules("aaaa", server("opensearch"))).toEqual([]);
    expect(rules("a b\u0000", server("opensearch"))).toEqual([]);
    expect(rules("a:b", server("kafka"))).toEqual([]);
  });

  it("Kafka has no documented limit: anything non-empty passes the server profile", () => {
    for (const name of ["a:b", "a\u0000", "😀".repeat(100), "x".repeat(5000), " "])
      expect(rules(name, server("kafka"))).toEqual([]);
  });
});

describe("userName: strict (Aiven's inferred pattern, at most 64)", () => {
  it("allows 64 characters and refuses 65; the server profile has no such limit", () => {
    for (const e of ["kafka", "mongodb", "opensearch", undefined] as const) {
      expect(rules("a".repeat(64), strict(e))).toEqual([]);
      expect(rules("a".repeat(65), strict(e))).toEqual([`${P}.maxLength`]);
      expect(rules("a".repeat(65), server(e))).toEqual([]);
    }
    expect(only("a".repeat(65), strict("kafka"))).toEqual({
      path: "userName",
      rule: `${P}.maxLength`,
      message:
        "user name is 65 characters; strict allows at most 64 (the limit of Aiven, which runs DigitalOcean's databases)",
      params: { max: 64, actual: 65 },
    });
  });

  it("the engine limits still bind inside the pattern: 64 on pg and 33 on MySQL fail by the engine rule", () => {
    expect(rules("a".repeat(64), strict("pg"))).toEqual([`${P}.pgMaxBytes`]);
    expect(rules("a".repeat(65), strict("pg"))).toEqual([`${P}.pgMaxBytes`, `${P}.maxLength`]);
    expect(rules("a".repeat(33), strict("mysql"))).toEqual([`${P}.mysqlMaxLength`]);
  });

  it("first character A-Z a-z 0-9 _ ?, then also * . -", () => {
    for (const ok of ["a", "Z", "0", "_", "?", "a-", "a.", "a*", "a?", "_x.y-z*", "A1", "?*"])
      expect(rules(ok, strict("kafka"))).toEqual([]);
    for (const first of ["-", ".", "*"]) {
      expect(rules(`${first}a`, strict("kafka"))).toEqual([`${P}.pattern`]);
      expect(rules(`${first}a`, server("kafka"))).toEqual([]);
    }
    expect(only("-abc", strict("kafka"))).toEqual({
      path: "userName",
      rule: `${P}.pattern`,
      message:
        'user name starts with "-"; strict requires a first character in A-Z a-z 0-9 _ ? (Aiven\'s service-user pattern)',
      params: { char: "-", index: 0 },
    });
    expect(only("ab cd", strict("kafka"))).toEqual({
      path: "userName",
      rule: `${P}.pattern`,
      message:
        'user name contains " " at position 3; strict allows only A-Z a-z 0-9 _ ? * . - (Aiven\'s service-user pattern)',
      params: { char: " ", index: 2 },
    });
    expect(only("a😀", strict("kafka")).params).toEqual({ char: "😀", index: 1 });
    // the offender is the first character outside the class, whatever precedes it
    expect(only("a?*.-_Z9 x", strict("kafka")).params).toEqual({ char: " ", index: 8 });
    expect(only("?a b", strict("kafka")).params).toEqual({ char: " ", index: 2 });
    expect(only("_a/b", strict("kafka")).params).toEqual({ char: "/", index: 2 });
    expect(only("-a b", strict("kafka")).params).toEqual({ char: "-", index: 0 });
    expect(only(".", strict("kafka")).params).toEqual({ char: ".", index: 0 });
    expect(only("😀a", strict("kafka")).params).toEqual({ char: "😀", index: 0 });
    expect(only("é", strict("kafka")).params).toEqual({ char: "é", index: 0 });
    expect(only("a\uD800", strict("kafka")).params).toEqual({ char: "\uD800", index: 1 });
    expect(rules("a@b", server("kafka"))).toEqual([]);
  });

  it("strict on an unknown engine: pattern and 64 only; engine rules are skipped", () => {
    for (const name of ["public", "pg_x", "do-readonly", "a".repeat(63)])
      expect(rules(name, strict())).toEqual([]);
  });
});
