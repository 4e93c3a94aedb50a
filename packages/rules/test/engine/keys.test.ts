/** Small helpers on hot paths: JSON string literals, the seen-keys set, ASCII folding. */

import { describe, expect, it } from "vitest";
import { asciiLower, hex4 } from "../../src/chars.js";
import { quoteJson } from "../../src/engine/json-quote.js";
import { SeenKeys } from "../../src/engine/seen-keys.js";
import { fc, test } from "../support/fc.js";

describe("quoteJson", () => {
  test.prop([fc.string({ unit: "binary", maxLength: 40 })])("is JSON.stringify for any string", (s) => {
    expect(quoteJson(s)).toBe(JSON.stringify(s));
  });
  test.prop([fc.anything()])("prints what a template prints for JSON.stringify of any value", (v) => {
    let expected: string;
    try {
      expected = `${JSON.stringify(v)}`;
    } catch {
      return; // BigInt and cycles throw in both
    }
    expect(quoteJson(v)).toBe(expected);
  });
  it("escapes what JSON escapes, and only that", () => {
    for (const s of [
      'a"b',
      "a\\b",
      "a\nb",
      "\u0000",
      "\u001f",
      "\ud800",
      "\udfff",
      "\ud7ff",
      "\ue000",
      " ",
      "\u0021",
      "\udc00x",
      "😀",
      "\u2028",
      "\u007f",
      "é",
    ])
      expect(quoteJson(s)).toBe(JSON.stringify(s));
  });
});

describe("SeenKeys", () => {
  /** The plain Map every SeenKeys must behave like. */
  function reference(keys: readonly string[]): (number | undefined)[] {
    const map = new Map<string, number>();
    return keys.map((key, index) => {
      const first = map.get(key);
      if (first === undefined) map.set(key, index);
      return first;
    });
  }
  test.prop([fc.array(fc.string({ maxLength: 2 }), { maxLength: 60, size: "max" })])(
    "finds the first index of every repeated key, few keys or many",
    (keys) => {
      const seen = new SeenKeys();
      expect(keys.map((key, index) => seen.firstIndexOf(key, index))).toEqual(reference(keys));
    },
  );
  /** Keys of parts: equal exactly when every part is; never equal to a string key. */
  const flat = (key: string | readonly string[]) => JSON.stringify(key);
  test.prop([
    fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 })), {
      maxLength: 60,
      size: "max",
    }),
  ])("compares keys of parts part by part, few keys or many", (keys) => {
    const seen = new SeenKeys();
    expect(keys.map((key, index) => seen.firstIndexOf(key, index))).toEqual(reference(keys.map(flat)));
  });
  it("keeps every key of a long array", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i % 20}`);
    const seen = new SeenKeys();
    expect(keys.map((key, index) => seen.firstIndexOf(key, index))).toEqual(reference(keys));
    expect(keys.slice(20).map((key, index) => seen.firstIndexOf(key, index + 40))).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });
});

describe("asciiLower", () => {
  test.prop([fc.string({ unit: "binary", maxLength: 30 })])("folds A–Z and nothing else", (s) => {
    expect(asciiLower(s)).toBe(s.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  });
  it("leaves non-ASCII letters alone, even next to ASCII ones", () => {
    expect(asciiLower("ÉCOLE")).toBe("École");
    expect(asciiLower("ΣIGMA")).toBe("Σigma");
    expect(asciiLower("\u212aELVIN")).toBe("\u212aelvin");
  });
});

describe("hex4", () => {
  it("is toString(16), upper case, padded to four digits, for every code unit", () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => c);
    expect(units.map(hex4)).toEqual(units.map((c) => c.toString(16).toUpperCase().padStart(4, "0")));
  });
});
