import { describe, expect, it } from "vitest";
import { describeRules, validateField } from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";
import {
  alnumChar,
  forbiddenChar,
  nonPrintableChar,
  otherCase,
  reservedUserName,
  undocumentedChar,
  validUserName,
} from "./arbitraries.js";
import { broken, expectBroken, expectStrictOnly, expectValid, ids, SERVER } from "./helpers.js";

const R = "rackspace.userName";

describe("user name: lengths (model _max_user_name_length = 16; doc: 16)", () => {
  it("accepts 1 and 16 characters", () => {
    expectValid("userName", "a");
    expectValid("userName", "a".repeat(16));
  });
  it("refuses 17 characters with the limit in the message and params", () => {
    const [v, ...rest] = validateField("userName", "a".repeat(17));
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ path: "userName", rule: `${R}.maxLength`, params: { max: 16, actual: 17 } });
    expect(v!.message).toBe("user name is 17 characters; Rackspace allows at most 16");
  });
  it("refuses the empty name with minLength only", () => {
    expectBroken("userName", "", [`${R}.minLength`]);
    expect(validateField("userName", "")[0]!.message).toBe(
      "user name is empty; Rackspace requires at least 1 character",
    );
  });
  it("refuses a non-string with the type rule", () => {
    expect(ids(validateField("userName", 42))).toEqual([`${R}.type`]);
  });
});

describe("user name: characters", () => {
  it("accepts the vendor's valid characters: letters, numbers, @ ? # and inner spaces, _ anywhere, dot", () => {
    for (const name of [
      "dbuser1",
      "DB_user",
      "_user_",
      "a@b",
      "a?b",
      "a#b",
      "my user",
      "some.user",
      "a.",
      "._x",
    ])
      expectValid("userName", name);
  });
  it("accepts in both profiles what Trove's own integration tests create (202), though the documentation does not list it", () => {
    expectValid("userName", "tes!@#tuser");
    expectValid("userName", "anous*&^er");
    expectValid("userName", "app-user");
  });
  it("accepts @ ? # at the start or end on the server, not in strict (doc: not at beginning and end)", () => {
    for (const name of ["@user", "user#", "?x", "#1"])
      expectStrictOnly("userName", name, [`${R}.documentedEdges`]);
  });
  it("refuses each of ' \" ; ` , / \\ (doc invalid-character table; model not_supported_chars)", () => {
    for (const ch of ["'", '"', ";", "`", ",", "/", "\\"])
      expectBroken("userName", `a${ch}b`, [`${R}.forbiddenChars`]);
    const [v] = validateField("userName", "ab;c", SERVER);
    expect(v!.params).toMatchObject({ char: ";", index: 2 });
    expect(v!.message).toContain('";" at position 3');
  });
  it("refuses leading and trailing spaces (doc: spaces at the front or end)", () => {
    expectBroken("userName", " user", [`${R}.edgeWhitespace`]);
    expectBroken("userName", "user ", [`${R}.edgeWhitespace`]);
  });
  it("refuses a name without an ASCII letter or digit (schema ^.*[0-9a-zA-Z]+.*$)", () => {
    expectBroken("userName", "___", [`${R}.alphanumeric`]);
    expectBroken("userName", "@#?", [`${R}.alphanumeric`], [`${R}.documentedEdges`]);
    expect(validateField("userName", "___")[0]!.message).toContain("no ASCII letter or digit");
  });
  it("refuses characters outside printable ASCII (Python 2 repr check)", () => {
    expectBroken("userName", "jörg", [`${R}.printableAscii`]);
    expectBroken("userName", "a\tb", [`${R}.printableAscii`]);
    expectBroken("userName", "a\u007fb", [`${R}.printableAscii`]);
    expect(validateField("userName", "jörg")[0]!.params).toMatchObject({ index: 1, codeUnit: 0xf6 });
  });
});

describe("user name: reserved names (ignore_users)", () => {
  it("refuses root and os_admin in every profile", () => {
    for (const name of ["root", "os_admin"]) expectBroken("userName", name, [`${R}.reserved`]);
    expect(validateField("userName", "root")[0]!.message).toContain('"root" is reserved by Rackspace');
  });
  it("refuses other letter cases in strict only (reddwarf compared value.lower(); Trove HEAD compares exactly)", () => {
    for (const name of ["ROOT", "Root", "OS_ADMIN", "Os_Admin"])
      expectStrictOnly("userName", name, [`${R}.reservedAnyCase`]);
    expect(validateField("userName", "ROOT")[0]!.params).toEqual({
      value: "ROOT",
      reserved: ["root", "os_admin"],
    });
  });
  it("accepts names that only contain a reserved word", () => {
    expectValid("userName", "rootuser");
    expectValid("userName", "os_admin2");
  });
});

describe("user name: properties", () => {
  test.prop([validUserName.strict])("a generated strict name passes both profiles", (name) => {
    expect(broken("userName", name)).toEqual({ strict: [], server: [] });
  });
  test.prop([validUserName.server])("a generated server name passes the server", (name) => {
    expect(broken("userName", name).server).toEqual([]);
  });
  test.prop([validUserName.server.filter((n) => n.length >= 2 && n.length <= 15), forbiddenChar, fc.nat()])(
    "one forbidden character inside breaks exactly forbiddenChars on the server",
    (name, ch, at) => {
      const i = 1 + (at % (name.length - 1));
      expect(broken("userName", name.slice(0, i) + ch + name.slice(i)).server).toEqual([
        `${R}.forbiddenChars`,
      ]);
    },
  );
  test.prop([validUserName.strict.filter((n) => n.length <= 15), undocumentedChar, fc.nat()])(
    "one character the documentation does not list, inside the name, breaks nothing",
    (name, ch, at) => {
      const i = 1 + (at % name.length);
      expect(broken("userName", name.slice(0, i) + ch + name.slice(i))).toEqual({ strict: [], server: [] });
    },
  );
  test.prop([
    validUserName.server.filter((n) => n.length >= 2 && n.length <= 15),
    nonPrintableChar,
    fc.nat(),
  ])("one character outside printable ASCII inside breaks printableAscii", (name, ch, at) => {
    const i = 1 + (at % (name.length - 1));
    expect(broken("userName", name.slice(0, i) + ch + name.slice(i)).server).toContain(`${R}.printableAscii`);
  });
  test.prop([validUserName.server.filter((n) => n.length <= 15), fc.constantFrom(" ", "\t", "\u00a0")])(
    "leading or trailing whitespace breaks edgeWhitespace",
    (name, ws) => {
      expect(broken("userName", ws + name).server).toContain(`${R}.edgeWhitespace`);
      expect(broken("userName", name + ws).server).toContain(`${R}.edgeWhitespace`);
    },
  );
  test.prop([validUserName.strict.map((n) => n.padEnd(16, "a")), alnumChar])(
    "16 characters pass and one more breaks exactly maxLength",
    (name, ch) => {
      expect(broken("userName", name)).toEqual({ strict: [], server: [] });
      expect(broken("userName", name + ch)).toEqual({
        strict: [`${R}.maxLength`],
        server: [`${R}.maxLength`],
      });
    },
  );
  test.prop([reservedUserName.chain(otherCase)])(
    "a reserved name in another case breaks reservedAnyCase",
    (name) => {
      expect(broken("userName", name)).toEqual({ strict: [`${R}.reservedAnyCase`], server: [] });
    },
  );
});

describe("user name: describeRules", () => {
  it("lists every rule in strict and only the server's in server", () => {
    const rulesOnly = (lines: ReturnType<typeof describeRules>) =>
      lines.filter((d) => d.id !== "note").map((d) => d.id);
    const strict = rulesOnly(describeRules("userName"));
    const server = rulesOnly(describeRules("userName", SERVER));
    expect(server).toEqual(
      [
        "minLength",
        "maxLength",
        "alphanumeric",
        "edgeWhitespace",
        "forbiddenChars",
        "printableAscii",
        "reserved",
      ].map((r) => `${R}.${r}`),
    );
    expect(strict).toEqual([
      ...server.slice(0, 6),
      `${R}.documentedEdges`,
      `${R}.reserved`,
      `${R}.reservedAnyCase`,
    ]);
    for (const d of describeRules("userName").filter((l) => l.id !== "note"))
      expect(d.source).toMatch(/trove|Rackspace/);
    expect(describeRules("userName").filter((l) => l.id === "note")).toHaveLength(2);
  });
});
