import { describe, expect, it } from "vitest";
import {
  KNOWN_CHARSETS,
  KNOWN_COLLATIONS,
  MYSQL_CHARSETS,
  validateField,
} from "../../src/providers/rackspace/index.js";
import { test } from "../support/fc.js";
import { charsetWithCollation, validCharset } from "./arbitraries.js";
import { broken, expectBroken, expectStrictOnly, expectValid } from "./helpers.js";

describe("MySQL 8 data (SHOW CHARACTER SET / SHOW COLLATION, 8.0.30+)", () => {
  it("has the 41 character sets with their default collations", () => {
    expect(Object.keys(MYSQL_CHARSETS)).toHaveLength(41);
    expect(MYSQL_CHARSETS.utf8mb4!.defaultCollation).toBe("utf8mb4_0900_ai_ci");
    expect(MYSQL_CHARSETS.utf8mb3!.defaultCollation).toBe("utf8mb3_general_ci");
    expect(MYSQL_CHARSETS.latin1!.defaultCollation).toBe("latin1_swedish_ci");
    expect(MYSQL_CHARSETS.ascii!.defaultCollation).toBe("ascii_general_ci");
    expect(MYSQL_CHARSETS.binary).toEqual({ defaultCollation: "binary", collations: ["binary"] });
    expect(MYSQL_CHARSETS.utf16!.defaultCollation).toBe("utf16_general_ci");
    expect(MYSQL_CHARSETS.utf32!.defaultCollation).toBe("utf32_general_ci");
    expect(MYSQL_CHARSETS.ucs2!.defaultCollation).toBe("ucs2_general_ci");
    expect(MYSQL_CHARSETS.cp1250!.defaultCollation).toBe("cp1250_general_ci");
    expect(MYSQL_CHARSETS.cp1251!.defaultCollation).toBe("cp1251_general_ci");
    expect(MYSQL_CHARSETS.big5!.defaultCollation).toBe("big5_chinese_ci");
    expect(MYSQL_CHARSETS.gb18030!.defaultCollation).toBe("gb18030_chinese_ci");
    expect(MYSQL_CHARSETS.utf16le!.collations).toEqual(["utf16le_general_ci", "utf16le_bin"]);
  });
  it("has 286 collations plus 28 utf8_* aliases, each default listed first", () => {
    const all = Object.values(MYSQL_CHARSETS).flatMap((c) => c.collations);
    expect(all).toHaveLength(286);
    expect(new Set(all).size).toBe(286);
    expect(KNOWN_COLLATIONS).toHaveLength(314);
    for (const { defaultCollation, collations } of Object.values(MYSQL_CHARSETS))
      expect(collations[0]).toBe(defaultCollation);
    expect(MYSQL_CHARSETS.utf8mb4!.collations).toHaveLength(89);
    expect(MYSQL_CHARSETS.utf8mb4!.collations).toContain("utf8mb4_mn_cyrl_0900_as_cs");
    expect(MYSQL_CHARSETS.utf8mb3!.collations).toContain("utf8mb3_tolower_ci");
    expect(MYSQL_CHARSETS.latin1!.collations).toHaveLength(8);
  });
  it("knows utf8 as the alias of utf8mb3", () => {
    expect(KNOWN_CHARSETS).toContain("utf8");
    expect(KNOWN_COLLATIONS).toContain("utf8_general_ci");
    expect(KNOWN_COLLATIONS).toContain("utf8_unicode_520_ci");
  });
});

describe("characterSet", () => {
  it("accepts the common sets and Rackspace's default utf8", () => {
    for (const cs of [
      "utf8mb4",
      "utf8",
      "latin1",
      "ascii",
      "binary",
      "utf16",
      "utf32",
      "ucs2",
      "cp1250",
      "gb18030",
    ])
      expectValid("characterSet", cs);
  });
  it("accepts utf8mb3 on the server only: Trove's own list spells it utf8", () => {
    expectStrictOnly("characterSet", "utf8mb3", ["rackspace.characterSet.troveListed"]);
    expect(validateField("characterSet", "utf8mb3")[0]!.message).toContain('use "utf8"');
  });
  it("refuses unknown names, other letter cases and the empty string", () => {
    for (const cs of ["utf-8", "UTF8MB4", "latin9", "", "utf8mb4 "])
      expectBroken("characterSet", cs, ["rackspace.characterSet.known"]);
    expect(validateField("characterSet", "latin9")[0]).toMatchObject({
      params: { value: "latin9" },
      message:
        'character set "latin9" is not a MySQL character set Rackspace accepts (e.g. utf8mb4, utf8, latin1, ascii, binary)',
    });
  });
  test.prop([validCharset.strict])("every listed set but utf8mb3 passes both profiles", (cs) => {
    expect(broken("characterSet", cs)).toEqual({ strict: [], server: [] });
  });
});

describe("collation", () => {
  it("accepts Trove-listed collations in both profiles", () => {
    for (const co of [
      "utf8_general_ci",
      "utf8mb4_unicode_ci",
      "utf8mb4_bin",
      "latin1_swedish_ci",
      "binary",
      "ucs2_general_mysql500_ci",
    ])
      expectValid("collation", co);
  });
  it("accepts MySQL 8 only collations on the server only", () => {
    for (const co of [
      "utf8mb4_0900_ai_ci",
      "utf8mb3_general_ci",
      "utf8_tolower_ci",
      "utf8mb4_ja_0900_as_cs_ks",
    ])
      expectStrictOnly("collation", co, ["rackspace.collation.troveListed"]);
  });
  it("refuses unknown names", () => {
    for (const co of ["utf8mb4_general_cs", "latin1_general", "UTF8_GENERAL_CI", ""])
      expectBroken("collation", co, ["rackspace.collation.known"]);
  });
  test.prop([charsetWithCollation])("every Trove-spelled pair passes both profiles", ([cs, co]) => {
    expect(broken("characterSet", cs)).toEqual({ strict: [], server: [] });
    expect(broken("collation", co)).toEqual({ strict: [], server: [] });
  });
});
