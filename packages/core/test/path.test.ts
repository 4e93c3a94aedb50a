import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { assertSafePathSegment, InvalidPathParameterError } from "../src/index.js";

function ruleOf(value: unknown): string | undefined {
  try {
    assertSafePathSegment("user_name", value);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPathParameterError);
    expect((error as InvalidPathParameterError).parameter).toBe("user_name");
    return (error as InvalidPathParameterError).rule;
  }
}

describe("assertSafePathSegment", () => {
  it("refuses dot segments, plain or percent-encoded", () => {
    for (const value of [
      ".",
      "..",
      "%2E",
      "%2e",
      "%2E%2E",
      "%2e%2E",
      ".%2e",
      "%2E.",
      "%252E%252E",
      "../admin",
      "a/..",
      "..\\x",
    ]) {
      expect(ruleOf(value), value).toBe("dot-segment");
    }
  });

  it("refuses empty strings, non-strings and missing values", () => {
    expect(ruleOf("")).toBe("empty");
    expect(ruleOf(42)).toBe("not-a-string");
    expect(ruleOf({ toString: () => "x" })).toBe("not-a-string");
    // What `String()` would turn into a dot segment after a string-only check.
    expect(ruleOf([".."])).toBe("not-a-string");
    expect(ruleOf([])).toBe("not-a-string");
    expect(ruleOf(new String(".."))).toBe("not-a-string");
    expect(ruleOf({ toString: () => ".." })).toBe("not-a-string");
    expect(ruleOf(Object.create(null))).toBe("not-a-string");
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(ruleOf(proxy)).toBe("not-a-string");
    expect(ruleOf(undefined)).toBe("missing");
    expect(ruleOf(null)).toBe("missing");
  });

  it("accepts names with dots that are not dot segments", () => {
    for (const value of ["...", "a.b", ".hidden", "user..name", "%", "%zz", "a%2Fb", "é"]) {
      expect(assertSafePathSegment("user_name", value)).toBe(value);
    }
  });

  it("says why in the message, naming the parameter", () => {
    expect(() => assertSafePathSegment("database_cluster_uuid", "..")).toThrow(
      /Path parameter "database_cluster_uuid" must not be "\." or "\.\."/,
    );
  });

  test.prop([fc.string({ minLength: 1 }).filter((s) => !/(^|[/\\])\.\.?($|[/\\])|%/.test(s))])(
    "a well-formed string without dot segments or % is accepted as it is",
    (value) => {
      const wellFormed = !/[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""));
      if (wellFormed) expect(assertSafePathSegment("name", value)).toBe(value);
      else expect(ruleOf(value)).toBe("ill-formed");
    },
  );
});
