import { describe, expect, it } from "vitest";
import { RulesError } from "../../src/engine/errors.js";
import {
  decodeUserPathSegment,
  encodeDatabasePathSegment,
  encodeUserPathSegment,
} from "../../src/providers/rackspace/index.js";
import { pythonUnquote } from "../../src/providers/rackspace/path.js";
import { fc, test } from "../support/fc.js";

describe("encodeUserPathSegment (facts §3.1, vendor security.rst: . as %252E)", () => {
  it("encodes the vendor's examples so that both server-side decodes give them back", () => {
    expect(encodeUserPathSegment("some.user")).toBe("some%252Euser%40%2525");
    expect(encodeUserPathSegment("dbuser2", "10.0.0.1")).toBe("dbuser2%4010%252E0%252E0%252E1");
    expect(encodeUserPathSegment("dbuser1")).toBe("dbuser1%40%2525");
    expect(encodeUserPathSegment("dbuser1", "%")).toBe(encodeUserPathSegment("dbuser1"));
  });
  it("keeps a name containing @ apart from its host", () => {
    expect(decodeUserPathSegment(encodeUserPathSegment("user@name"))).toEqual({
      name: "user@name",
      host: "%",
    });
  });
  it("throws a RulesError with a code on a lone surrogate instead of a URIError", () => {
    expect(() => encodeUserPathSegment("a\ud800")).toThrow(
      new RulesError(
        "INVALID_PATH_SEGMENT",
        "user name or host contains a lone surrogate and cannot be put in a URL",
      ),
    );
    expect(() => encodeDatabasePathSegment("\udc00")).toThrow(
      "database name contains a lone surrogate and cannot be put in a URL",
    );
    try {
      encodeDatabasePathSegment("\udc00");
    } catch (e) {
      expect((e as RulesError).code).toBe("INVALID_PATH_SEGMENT");
    }
  });
});

describe("decodeUserPathSegment (server: unquote, routes format, unquote, split at the last @)", () => {
  it("reads the vendor's and troveclient's encodings", () => {
    expect(decodeUserPathSegment("dbuser2%4010%252E0%252E0%252E1")).toEqual({
      name: "dbuser2",
      host: "10.0.0.1",
    });
    expect(decodeUserPathSegment("dbuser1%40%25")).toEqual({ name: "dbuser1", host: "%" });
    expect(decodeUserPathSegment("dbuser2%4010%2e0%2e0%2e1")).toEqual({ name: "dbuser2", host: "10.0.0.1" });
    expect(decodeUserPathSegment("some%252Euser")).toEqual({ name: "some.user", host: "%" });
  });
  it("defaults the host to % without an @ or with a trailing one", () => {
    expect(decodeUserPathSegment("bob")).toEqual({ name: "bob", host: "%" });
    expect(decodeUserPathSegment("bob@")).toEqual({ name: "bob@", host: "%" });
    expect(decodeUserPathSegment("a@b@c")).toEqual({ name: "a@b", host: "c" });
    expect(decodeUserPathSegment("@%")).toEqual({ name: "", host: "%" });
  });
  it("loses a .json suffix left raw after the first decode, as the server does", () => {
    expect(decodeUserPathSegment("bob.json")).toEqual({ name: "bob", host: "%" });
    expect(decodeUserPathSegment("bob%2Ejson")).toEqual({ name: "bob", host: "%" });
    expect(decodeUserPathSegment("bob.xml")).toEqual({ name: "bob.xml", host: "%" });
    expect(decodeUserPathSegment(".json")).toEqual({ name: ".json", host: "%" });
    expect(decodeUserPathSegment(encodeUserPathSegment("bob.json"))).toEqual({ name: "bob.json", host: "%" });
  });
  it("decodes like Python's unquote: bad escapes stay, bad UTF-8 becomes U+FFFD", () => {
    expect(pythonUnquote("100%")).toBe("100%");
    expect(pythonUnquote("%zz%4")).toBe("%zz%4");
    expect(pythonUnquote("%C3%A9t%C3%A9")).toBe("été");
    expect(pythonUnquote("%FF")).toBe("\ufffd");
    expect(pythonUnquote("é%41")).toBe("éA");
    expect(pythonUnquote("%C3é")).toBe("\ufffdé");
    expect(pythonUnquote("\u0080%41\u007f")).toBe("\u0080A\u007f");
  });
});

describe("encodeDatabasePathSegment (decoded once)", () => {
  it("encodes the Trove test vector", () => {
    expect(encodeDatabasePathSegment("third #?@some_-")).toBe("third%20%23%3F%40some_-");
    expect(pythonUnquote(encodeDatabasePathSegment("third #?@some_-"))).toBe("third #?@some_-");
  });
});

describe("round trip", () => {
  /** No lone surrogates (encodeURIComponent refuses those). */
  const wellFormed = fc.string({ unit: "binary" }).filter((s) => !/\p{Cs}/u.test(s));
  const host = fc.oneof(
    fc.constant("%"),
    fc.ipV4(),
    wellFormed.filter((h) => h !== "" && !h.includes("@")),
  );
  test.prop([wellFormed, host])("decode(encode(name, host)) gives name and host back", (name, h) => {
    expect(decodeUserPathSegment(encodeUserPathSegment(name, h))).toEqual({ name, host: h });
  });
  test.prop([wellFormed])("a missing host comes back as %", (name) => {
    expect(decodeUserPathSegment(encodeUserPathSegment(name))).toEqual({ name, host: "%" });
  });
  test.prop([wellFormed, host])("the first decode leaves no raw dot (no routes format split)", (name, h) => {
    expect(pythonUnquote(encodeUserPathSegment(name, h))).not.toContain(".");
  });
  test.prop([fc.string({ unit: "binary" })])("decoding never throws", (segment) => {
    expect(typeof decodeUserPathSegment(segment).name).toBe("string");
  });
});
