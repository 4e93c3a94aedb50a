import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { pathEscape } from "../src/path.js";

// Go's url.PathEscape keeps exactly these (shouldEscape with encodePathSegment; docs/vendors/atlas.md §5).
const GO_UNRESERVED = /^[A-Za-z0-9\-_.~$&+:=@]$/;

describe("pathEscape (Go's url.PathEscape)", () => {
  it.each([
    ["$external", "$external"],
    [
      "arn:aws:iam::123456789012:user/sales/enterprise/DylanBloggs",
      "arn:aws:iam::123456789012:user%2Fsales%2Fenterprise%2FDylanBloggs",
    ],
    [
      "CN=Dylan Bloggs,OU=Enterprise,DC=Example,DC=COM",
      "CN=Dylan%20Bloggs%2COU=Enterprise%2CDC=Example%2CDC=COM",
    ],
    ["5dd7496c7a3e5a648454341c/sales", "5dd7496c7a3e5a648454341c%2Fsales"],
    ["a;b?c#d%e", "a%3Bb%3Fc%23d%25e"],
    ["it's (a)*!", "it%27s%20%28a%29%2A%21"],
    ["é", "%C3%A9"],
  ])("%s → %s", (input, expected) => {
    expect(pathEscape("username", input)).toBe(expected);
  });

  test.prop([fc.string({ unit: "grapheme" })])(
    "escapes every character Go escapes, and only those; decodes back",
    (value) => {
      const escaped = pathEscape("username", value);
      expect(decodeURIComponent(escaped)).toBe(value);
      for (const hex of escaped.match(/%../g) ?? []) expect(hex).toBe(hex.toUpperCase());
      for (const char of escaped.replace(/%[0-9A-F]{2}/g, "")) expect(char).toMatch(GO_UNRESERVED);
    },
  );

  it("refuses a lone surrogate with a typed error", () => {
    expect(() => pathEscape("username", "a\ud800")).toThrow(
      expect.objectContaining({ name: "InvalidPathParameterError" }),
    );
  });
});
