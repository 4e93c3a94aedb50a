import { describe, expect, it } from "vitest";
import { RulesError } from "../../src/engine/errors.js";
import { encodeAtlasPathSegment } from "../../src/providers/atlas/index.js";
import { fc, test } from "../support/fc.js";

/** Go's url.PathEscape, byte by byte (net/url shouldEscape with encodePathSegment). */
function goPathEscape(s: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~$&+:=@]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const wellFormed = fc.string({ unit: "binary", maxLength: 40 });
const ascii = fc.string({ unit: "binary-ascii", maxLength: 40 });

describe("encodeAtlasPathSegment (Go url.PathEscape)", () => {
  it("matches the atlas.md §5 examples", () => {
    expect(encodeAtlasPathSegment("$external")).toBe("$external");
    expect(encodeAtlasPathSegment("admin")).toBe("admin");
    expect(encodeAtlasPathSegment("arn:aws:iam::123456789012:user/sales/enterprise/DylanBloggs")).toBe(
      "arn:aws:iam::123456789012:user%2Fsales%2Fenterprise%2FDylanBloggs",
    );
    expect(encodeAtlasPathSegment("CN=Dylan Bloggs,OU=Enterprise,DC=Example,DC=COM")).toBe(
      "CN=Dylan%20Bloggs%2COU=Enterprise%2CDC=Example%2CDC=COM",
    );
    expect(encodeAtlasPathSegment("5dd7496c7a3e5a648454341c/sales")).toBe("5dd7496c7a3e5a648454341c%2Fsales");
    expect(encodeAtlasPathSegment("d0123456789abcdef012345d/user-332")).toBe(
      "d0123456789abcdef012345d%2Fuser-332",
    );
  });

  it("keeps $ & + : = @ and unreserved; escapes ! ' ( ) * , ; ? # % space and non-ASCII", () => {
    expect(encodeAtlasPathSegment("AZaz09-_.~$&+:=@")).toBe("AZaz09-_.~$&+:=@");
    expect(encodeAtlasPathSegment("!'()*")).toBe("%21%27%28%29%2A");
    expect(encodeAtlasPathSegment(",;?#% /\\")).toBe("%2C%3B%3F%23%25%20%2F%5C");
    expect(encodeAtlasPathSegment("é😀")).toBe("%C3%A9%F0%9F%98%80");
    expect(encodeAtlasPathSegment("%24")).toBe("%2524");
    expect(encodeAtlasPathSegment("")).toBe("");
  });

  it("refuses lone surrogates and non-strings with a RulesError", () => {
    for (const bad of ["\uD800", "a\uDC00b"]) {
      expect(() => encodeAtlasPathSegment(bad)).toThrow(RulesError);
      try {
        encodeAtlasPathSegment(bad);
      } catch (e) {
        expect((e as RulesError).code).toBe("INVALID_PATH_SEGMENT");
        expect((e as RulesError).message).toContain("lone surrogate");
      }
    }
    expect(() => encodeAtlasPathSegment(42 as never)).toThrow(
      expect.objectContaining({ code: "INVALID_PATH_SEGMENT", message: "a path segment must be a string" }),
    );
  });

  test.prop([fc.oneof(wellFormed, ascii)])("round-trips through decodeURIComponent", (s) => {
    expect(decodeURIComponent(encodeAtlasPathSegment(s))).toBe(s);
  });

  test.prop([fc.oneof(wellFormed, ascii, fc.constant("a/b/c"))])(
    "never contains / and only safe characters",
    (s) => {
      const e = encodeAtlasPathSegment(s);
      expect(e).not.toContain("/");
      expect(e).toMatch(/^[A-Za-z0-9\-_.~$&+:=@%]*$/);
    },
  );

  test.prop([fc.oneof(wellFormed, ascii)])("equals Go's byte-wise algorithm", (s) => {
    expect(encodeAtlasPathSegment(s)).toBe(goPathEscape(s));
  });
});
