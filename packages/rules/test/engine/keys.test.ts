/** The helpers behind duplicate detection: JSON string literals and the seen-keys set. */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { quoteJson } from "../../src/engine/json-quote.js";
import { SeenKeys } from "../../src/engine/seen-keys.js";

describe("quoteJson", () => {
  test.prop([fc.string({ unit: "binary", maxLength: 40 })])("is JSON.stringify for any string", (s) => {
    expect(quoteJson(s)).toBe(JSON.stringify(s));
  });
  it("escapes what JSON escapes, and only that", () => {
    for (const s of [
      'a"b',
      "a\\b",
      "a\nb",
      "\u0000",
      "\u001f",
      "\ud800",
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
  it("keeps every key across the switch from a list to a Map", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i % 20}`);
    const seen = new SeenKeys();
    expect(keys.map((key, index) => seen.firstIndexOf(key, index))).toEqual(reference(keys));
    expect(keys.slice(20).map((key, index) => seen.firstIndexOf(key, index + 40))).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });
});
