import { describe, expect, it } from "vitest";
import { validateField } from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";
import { alnumChar, otherCase, validDatabaseName } from "./arbitraries.js";
import { broken, expectBroken, expectStrictOnly, expectValid, SERVER } from "./helpers.js";

const R = "rackspace.databaseName";

describe("database name: lengths (model 64; the dbname regex needs 2)", () => {
  it("accepts 2 and 64 characters", () => {
    expectValid("databaseName", "ab");
    expectValid("databaseName", "d".repeat(64));
  });
  it("refuses 1, 0 and 65 characters", () => {
    expectBroken("databaseName", "a", [`${R}.minLength`]);
    expectBroken("databaseName", "", [`${R}.minLength`]);
    expectBroken("databaseName", "d".repeat(65), [`${R}.maxLength`]);
    expect(validateField("databaseName", "a")[0]).toMatchObject({
      params: { min: 2, actual: 1 },
      message: "database name is 1 character; Rackspace requires at least 2",
    });
    expect(validateField("databaseName", "d".repeat(65))[0]!.params).toEqual({ max: 64, actual: 65 });
  });
});

describe("database name: the dbname regex ^[A-Za-z0-9_-]+[\\s?#@]*[A-Za-z0-9_-]+$", () => {
  it("accepts one run of space ? # @ in the middle", () => {
    for (const name of ["my db", "my  db", "a?b", "a#b", "a@b", "a #?@b", "_a_", "databaseA"])
      expectValid("databaseName", name);
  });
  it("refuses a second run ('a b c')", () => {
    expectBroken("databaseName", "a b c", [`${R}.singleRun`]);
    expectBroken("databaseName", "a?b#c", [`${R}.singleRun`]);
  });
  it("refuses a special character first or last", () => {
    for (const name of [" ab", "ab ", "@ab", "ab#", "?ab"])
      expectBroken("databaseName", name, [`${R}.edges`]);
  });
  it("refuses ., +, $, comma, quotes, slashes and non-ASCII (the vendor doc allows . here; the server does not)", () => {
    for (const ch of [".", "+", "$", ",", "'", "/", "\\", "é", "\t", "\u0080", "\u007f"])
      expectBroken("databaseName", `db${ch}x`, [`${R}.chars`]);
    const [v] = validateField("databaseName", "my.db");
    expect(v!.params).toEqual({ char: ".", index: 2 });
    expect(v!.message).toContain('"." at position 3');
  });
  it("refuses names made only of disallowed characters", () => {
    for (const name of ["..", "$$", "éé", "中文", "😀"])
      expect(broken("databaseName", name).server).toContain(`${R}.chars`);
  });
  it("reports an emoji whole, not half a surrogate pair", () => {
    expect(validateField("databaseName", "db😀x")[0]!.params).toEqual({ char: "😀", index: 2 });
  });
  it("accepts '-' on the server only: the vendor's list has letters, digits, _, @ ? # and spaces", () => {
    expectStrictOnly("databaseName", "my-db", [`${R}.undocumentedChars`]);
    expectStrictOnly("databaseName", "third #?@some_-", [`${R}.undocumentedChars`]);
  });
  it("refuses a name without an ASCII letter or digit (schema non_empty_string)", () => {
    expectBroken("databaseName", "__", [`${R}.alphanumeric`]);
    expectBroken("databaseName", "_-_", [`${R}.alphanumeric`], [`${R}.undocumentedChars`]);
  });
});

describe("database name: reserved (ignore_dbs)", () => {
  it("refuses mysql and information_schema in every profile", () => {
    expectBroken("databaseName", "mysql", [`${R}.reserved`]);
    expectBroken("databaseName", "information_schema", [`${R}.reserved`]);
  });
  it("refuses performance_schema and sys (Trove HEAD) and any case (2012–2015 models) in strict only", () => {
    for (const name of ["performance_schema", "sys", "MySQL", "INFORMATION_SCHEMA", "Sys"])
      expectStrictOnly("databaseName", name, [`${R}.reservedAnyCase`]);
  });
  it("refuses lost+found (the vendor's reserved list) through its + already", () => {
    expect(broken("databaseName", "lost+found").server).toEqual([`${R}.chars`]);
  });
});

describe("database name: properties", () => {
  test.prop([validDatabaseName.strict])("a generated strict name passes both profiles", (name) => {
    expect(broken("databaseName", name)).toEqual({ strict: [], server: [] });
  });
  test.prop([validDatabaseName.server])("a generated server name passes the server", (name) => {
    expect(broken("databaseName", name).server).toEqual([]);
  });
  test.prop([validDatabaseName.strict, fc.constantFrom(".", "+", "$", "%", "é", "\n"), fc.nat()])(
    "one disallowed character inside breaks exactly chars",
    (name, ch, at) => {
      const i = 1 + (at % (name.length - 1));
      expect(broken("databaseName", name.slice(0, i) + ch + name.slice(i)).server).toEqual([`${R}.chars`]);
    },
  );
  test.prop([
    validDatabaseName.strict.map((n) => n.replace(/[ ?#@]/g, "_")),
    fc.constantFrom(" ", "?", "#", "@"),
  ])("a special character first or last breaks exactly edges", (name, ch) => {
    expect(broken("databaseName", ch + name).server).toEqual([`${R}.edges`]);
    expect(broken("databaseName", name + ch).server).toEqual([`${R}.edges`]);
  });
  test.prop([validDatabaseName.strict.map((n) => n.padEnd(64, "x")), alnumChar])(
    "64 characters pass and one more breaks exactly maxLength",
    (name, ch) => {
      const long = name.slice(0, 64);
      expect(broken("databaseName", long)).toEqual({ strict: [], server: [] });
      expect(broken("databaseName", long + ch).server).toEqual([`${R}.maxLength`]);
    },
  );
  test.prop([fc.constantFrom("mysql", "information_schema", "performance_schema", "sys").chain(otherCase)])(
    "a reserved name in another case breaks reservedAnyCase in strict only",
    (name) => {
      expect(broken("databaseName", name)).toEqual({ strict: [`${R}.reservedAnyCase`], server: [] });
      expect(validateField("databaseName", name, SERVER)).toEqual([]);
    },
  );
});
