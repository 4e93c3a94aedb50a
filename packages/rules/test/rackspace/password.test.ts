import { describe, expect, it } from "vitest";
import { generatePassword, rackspace, validateField } from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";
import { forbiddenChar, nonPrintableChar, undocumentedChar, validPassword } from "./arbitraries.js";
import { broken, expectBroken, expectStrictOnly, expectValid, SERVER, STRICT } from "./helpers.js";

const R = "rackspace.password";

describe("password: lengths (schema non_empty_string 1..255; the doc's 'unlimited' is wrong)", () => {
  it("accepts 1 and 255 characters, refuses 0 and 256", () => {
    expectValid("password", "a");
    expectValid("password", "p".repeat(255));
    expectBroken("password", "", [`${R}.minLength`]);
    expectBroken("password", "p".repeat(256), [`${R}.maxLength`]);
    expect(validateField("password", "p".repeat(256))[0]).toMatchObject({
      params: { max: 255, actual: 256 },
      message: "password is 256 characters; Rackspace allows at most 255",
    });
  });
});

describe("password: characters (same model check as user names)", () => {
  it("accepts the documented characters", () => {
    for (const pw of ["password", "pass word", "p@ss#w?rd", "p.w_1"]) expectValid("password", pw);
  });
  it("accepts in both profiles the passwords Trove's own integration tests send (testpa$^%ssword, 202)", () => {
    expectValid("password", "testpa$^%ssword");
    expectValid("password", "anopas*?.sword");
    expectStrictOnly("password", "#secret1", [`${R}.documentedEdges`]);
  });
  it("refuses forbidden characters, edge spaces, no alnum and non-printable characters", () => {
    expectBroken("password", "pa'ss", [`${R}.forbiddenChars`]);
    expectBroken("password", " pass", [`${R}.edgeWhitespace`]);
    expectBroken("password", "pass\n", [`${R}.edgeWhitespace`, `${R}.printableAscii`]);
    expectBroken("password", "____", [`${R}.alphanumeric`]);
    expectBroken("password", "pässword", [`${R}.printableAscii`]);
  });
  it("keeps its own messages secret even when handed the character", () => {
    const info = { label: "password", vendor: "Rackspace", secret: true };
    for (const rule of rackspace.definition.fields.password.rules) {
      const message = rule.message(
        { char: "$", index: 1, codeUnit: 0x24, value: "pa$$", max: 255, actual: 256, min: 1 },
        info,
      );
      expect(message).not.toMatch(/pa\$\$|"\$"|position/);
    }
  });
  it("never names the offending character or its position", () => {
    const violations = validateField("password", "se;cr$et", STRICT);
    expect(violations.map((v) => v.rule)).toEqual([`${R}.forbiddenChars`]);
    for (const v of violations) {
      expect(v.params).not.toHaveProperty("char");
      expect(v.params).not.toHaveProperty("index");
      expect(v.message).not.toContain("position");
    }
    expect(violations[0]!.message).toBe(
      "password contains a character Rackspace does not allow (none of: ' \" ; ` , / \\)",
    );
    const [printable] = validateField("password", "pässword");
    expect(printable!.params).not.toHaveProperty("index");
    expect(printable!.message).not.toContain("ä");
  });
});

describe("password: properties", () => {
  test.prop([validPassword.strict])("a generated strict password passes both profiles", (pw) => {
    expect(broken("password", pw)).toEqual({ strict: [], server: [] });
  });
  test.prop([validPassword.server])("a generated server password passes the server", (pw) => {
    expect(broken("password", pw).server).toEqual([]);
  });
  test.prop([validPassword.server.filter((p) => p.length >= 2), forbiddenChar, fc.nat()])(
    "one forbidden character breaks exactly forbiddenChars on the server",
    (pw, ch, at) => {
      const i = 1 + (at % (pw.length - 1));
      expect(broken("password", pw.slice(0, i) + ch + pw.slice(i)).server).toEqual([`${R}.forbiddenChars`]);
    },
  );
  test.prop([validPassword.strict, undocumentedChar, fc.nat()])(
    "one character the documentation does not list, inside the password, breaks nothing",
    (pw, ch, at) => {
      const i = 1 + (at % pw.length);
      expect(broken("password", pw.slice(0, i) + ch + pw.slice(i))).toEqual({ strict: [], server: [] });
    },
  );
  const marked = fc
    .tuple(
      fc.array(fc.oneof(forbiddenChar, undocumentedChar, nonPrintableChar, fc.constantFrom(" ", "#", "a")), {
        maxLength: 6,
      }),
      fc.string({ maxLength: 300 }),
    )
    .map(([a, b]) => `${a.join("")}Zq9x${b}`);
  test.prop([marked, fc.constantFrom(STRICT, SERVER)])(
    "no violation, message or param ever contains the password",
    (pw, ctx) => {
      const violations = validateField("password", pw, ctx);
      expect(JSON.stringify(violations)).not.toContain(pw);
      for (const v of violations) expect(v.message).not.toContain("Zq9x");
    },
  );
});

describe("password: generatePassword", () => {
  it("makes 24 characters by default, from the documented alphabet without spaces", () => {
    const pw = generatePassword();
    expect(pw).toHaveLength(24);
    expect(pw).toMatch(/^[A-Za-z0-9_.@?#]+$/);
    expect(pw).not.toMatch(/^[@?#]|[@?#]$/);
  });
  it("refuses lengths below 8 and above 255", () => {
    expect(() => generatePassword({ length: 7 })).toThrow(/from 8 to 255/);
    expect(() => generatePassword({ length: 256 })).toThrow(/from 8 to 255/);
    expect(generatePassword({ length: 8 })).toHaveLength(8);
    expect(generatePassword({ length: 255 })).toHaveLength(255);
  });
  test.prop([fc.integer({ min: 8, max: 255 })])(
    "every strict password validates in both profiles",
    (length) => {
      const pw = generatePassword({ length });
      expect(pw).toHaveLength(length);
      expect(broken("password", pw)).toEqual({ strict: [], server: [] });
    },
  );
  test.prop([fc.integer({ min: 8, max: 255 })])("every server password validates on the server", (length) => {
    const pw = generatePassword({ length, context: SERVER });
    expect(pw).toMatch(/^[A-Za-z0-9_.@?#]+$/);
    expect(broken("password", pw).server).toEqual([]);
  });
});
