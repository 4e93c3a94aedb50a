import { describe, expect, it } from "vitest";
import { codePointLength, utf8Length } from "../../src/chars.js";
import {
  forbidsChars,
  maxChars,
  maxUtf8Bytes,
  minChars,
  noEdgeWhitespace,
  notPrefixed,
  notReserved,
  onlyRange,
  requiresChar,
} from "../../src/checks.js";
import type { BaseContext, FieldInfo } from "../../src/types.js";
import { fc, test } from "../support/fc.js";

const ctx: BaseContext = { profile: "strict" };
const info: FieldInfo = { label: "user name", vendor: "Acme", secret: false };
const secretInfo: FieldInfo = { ...info, label: "password", secret: true };

describe("length measures", () => {
  test.prop([fc.string({ unit: "binary" })])("codePointLength counts what Array.from counts", (s) => {
    expect(codePointLength(s)).toBe([...s].length);
  });
  // Halves in every order, around a pair: the counting loop runs only where a high surrogate is.
  const halves = fc.string({
    unit: fc.constantFrom("a", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD7FF", "\uE000"),
  });
  test.prop([halves])("codePointLength counts lone and paired surrogates as Array.from does", (s) => {
    expect(codePointLength(s)).toBe([...s].length);
  });
  test.prop([fc.string({ unit: "binary" })])("utf8Length counts what TextEncoder writes", (s) => {
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
  it("counts a lone surrogate as one code point of 3 bytes", () => {
    expect(codePointLength("a\uD800")).toBe(2);
    expect(utf8Length("\uD800")).toBe(3);
    expect(utf8Length("\uD83D\uDE00")).toBe(4);
  });
});

describe("maxChars / minChars", () => {
  const max = maxChars({ id: "t.max", max: 3 });
  const min = minChars({ id: "t.min", min: 2 });
  it("passes at the limit and fails one past it", () => {
    expect(max.check("abc", ctx)).toBeUndefined();
    expect(max.check("abcd", ctx)).toEqual({ max: 3, actual: 4 });
    expect(max.check("😀😀😀", ctx)).toBeUndefined();
    expect(min.check("ab", ctx)).toBeUndefined();
    expect(min.check("a", ctx)).toEqual({ min: 2, actual: 1 });
    expect(min.check("😀", ctx)).toEqual({ min: 2, actual: 1 });
  });
  it("says the numbers in the message", () => {
    expect(max.message({ max: 3, actual: 4 }, info)).toBe("user name is 4 characters; Acme allows at most 3");
    expect(min.message({ min: 2, actual: 0 }, info)).toBe(
      "user name is empty; Acme requires at least 2 characters",
    );
    expect(min.message({ min: 2, actual: 1 }, info)).toBe(
      "user name is 1 character; Acme requires at least 2",
    );
    expect(max.jsonSchema).toEqual({ maxLength: 3 });
    expect(min.jsonSchema).toEqual({ minLength: 2 });
  });
});

describe("maxUtf8Bytes", () => {
  const rule = maxUtf8Bytes({ id: "t.bytes", max: 4 });
  it("counts bytes, not characters", () => {
    expect(rule.check("abcd", ctx)).toBeUndefined();
    expect(rule.check("ééé", ctx)).toEqual({ max: 4, actual: 6 });
    expect(rule.check("éé", ctx)).toBeUndefined();
    expect(rule.message({ max: 4, actual: 6 }, info)).toBe(
      "user name is 6 bytes in UTF-8; Acme allows at most 4",
    );
    expect(rule.jsonSchema).toBeUndefined();
  });
});

describe("forbidsChars", () => {
  const rule = forbidsChars({ id: "t.chars", chars: "'\\]-^" });
  it("finds the first offender and shows it only for non-secrets", () => {
    const p = rule.check("ab'c\\", ctx)!;
    expect(p).toMatchObject({ char: "'", index: 2 });
    expect(rule.message(p, info)).toContain(`"'" at position 3`);
    expect(rule.message({}, secretInfo)).toBe(
      "password contains a character Acme does not allow (none of: ' \\ ] - ^)",
    );
  });
  test.prop([fc.string()])("agrees with its JSON Schema pattern", (s) => {
    const re = new RegExp((rule.jsonSchema as { pattern: string }).pattern, "u");
    expect(rule.check(s, ctx) === undefined).toBe(re.test(s));
  });
});

describe("onlyRange", () => {
  const rule = onlyRange({ id: "t.ascii", from: 0x20, to: 0x7e, what: "printable ASCII" });
  it("rejects control and non-ASCII characters, at the edges of the range too", () => {
    expect(rule.check(" ~", ctx)).toBeUndefined();
    expect(rule.check("a\u001f", ctx)).toEqual({ index: 1, codeUnit: 0x1f });
    expect(rule.check("\u007f", ctx)).toEqual({ index: 0, codeUnit: 0x7f });
    expect(rule.message({ index: 0, codeUnit: 0x7f }, info)).toContain("U+007F");
    expect(rule.message({}, secretInfo)).not.toContain("U+");
  });
  test.prop([fc.string({ unit: "binary" })])("agrees with its JSON Schema pattern", (s) => {
    const re = new RegExp((rule.jsonSchema as { pattern: string }).pattern, "u");
    expect(rule.check(s, ctx) === undefined).toBe(re.test(s));
  });
});

describe("noEdgeWhitespace, notReserved, notPrefixed", () => {
  it("rejects leading and trailing whitespace only", () => {
    const rule = noEdgeWhitespace({ id: "t.ws" });
    expect(rule.check("a b", ctx)).toBeUndefined();
    expect(rule.check(" a", ctx)).toEqual({});
    expect(rule.check("a\t", ctx)).toEqual({});
    expect(rule.check("\u00a0a", ctx)).toEqual({});
  });
  it("matches reserved names exactly or in any case", () => {
    const exact = notReserved({ id: "t.r", names: ["root"] });
    const folded = notReserved({ id: "t.r", names: ["root"], caseInsensitive: true });
    expect(exact.check("Root", ctx)).toBeUndefined();
    expect(folded.check("Root", ctx)).toEqual({ value: "Root", reserved: ["root"] });
    expect(exact.jsonSchema).toEqual({ not: { enum: ["root"] } });
    expect(folded.jsonSchema).toBeUndefined();
    expect(exact.message({ value: "root" }, info)).toBe(
      'user name "root" is reserved by Acme; reserved: root',
    );
  });
  it("rejects a reserved prefix", () => {
    const rule = notPrefixed({ id: "t.p", prefix: "pg_" });
    expect(rule.check("pg_x", ctx)).toEqual({ prefix: "pg_" });
    expect(rule.check("xpg_", ctx)).toBeUndefined();
    expect(rule.jsonSchema).toEqual({ not: { pattern: "^pg_" } });
  });
});

describe("requiresChar", () => {
  /** The definition: some UTF-16 code unit, alone, matches the class (an empty value passes). */
  const reference = (charClass: string, v: string) => {
    const one = new RegExp(`^[${charClass}]$`, "u");
    return v.length === 0 || [...Array(v.length).keys()].some((i) => one.test(v.charAt(i)));
  };
  const units = fc.string({
    unit: fc.constantFrom(..."aZ09_-.é€\u00ff\u0100", "\ud83d", "\ude00", " "),
    maxLength: 12,
  });
  test.prop([
    fc.constantFrom("0-9A-Za-z", "a-z", "_.", "A-Za-zé", "0-9", "!-/"),
    fc.oneof(units, fc.string({ unit: "binary" })),
  ])("passes exactly when some code unit is in the class (classes of BMP characters)", (charClass, v) => {
    const rule = requiresChar<BaseContext>({ id: "r", charClass, what: "thing" });
    expect(rule.check(v, { profile: "strict" }) === undefined).toBe(reference(charClass, v));
  });
});
