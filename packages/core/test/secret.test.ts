import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { REDACTED, Secret, secret } from "../src/index.js";

describe("Secret", () => {
  const value = "dop_v1_0123456789abcdef";

  it("reveals its value only through reveal()", () => {
    expect(secret(value).reveal()).toBe(value);
    expect(Secret.from(value).reveal()).toBe(value);
  });

  it("prints [REDACTED] everywhere else", () => {
    const held = new Secret(value);
    const printed = [
      String(held),
      `${held}`,
      `x${held}`,
      JSON.stringify({ held }),
      inspect(held),
      inspect({ held }, { showHidden: true, depth: Infinity }),
      inspect(held, { customInspect: false, showHidden: true }),
    ];
    for (const text of printed) expect(text).not.toContain(value);
    expect(String(held)).toBe(REDACTED);
    expect(JSON.stringify({ held })).toBe(`{"held":"${REDACTED}"}`);
    expect(inspect(held)).toBe(REDACTED);
  });

  it("has no enumerable trace of the value", () => {
    expect(Object.keys(new Secret(value))).toEqual([]);
    expect(Object.getOwnPropertyNames(new Secret(value))).toEqual([]);
  });

  it("returns the same Secret from Secret.from", () => {
    const held = new Secret(value);
    expect(Secret.from(held)).toBe(held);
  });
});
