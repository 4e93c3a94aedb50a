/** Properties of userName: valid values pass, single mutations fail with their rule, totality, suggestions. */

import { describe, expect } from "vitest";
import { NoValidNameError } from "../../src/engine/errors.js";
import { suggestName, validateField } from "../../src/providers/digitalocean/index.js";
import { fc, test } from "../support/fc.js";
import {
  context,
  engine,
  hostile,
  reservedName,
  serverValidUserName,
  strictForbiddenChar,
  strictForbiddenFirst,
  strictMax,
  userEngine,
  validUserName,
} from "./arbitraries.js";

const rules = (value: unknown, ctx: object) => validateField("userName", value, ctx).map((v) => v.rule);
const P = "digitalocean.userName";
const insertAt = (s: string, i: number, c: string) =>
  s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1));

describe("userName properties", () => {
  test.prop([userEngine.chain((e) => fc.tuple(fc.constant(e), validUserName(e)))])(
    "generated strict-valid names pass strict and server",
    ([e, name]) => {
      expect(rules(name, { engine: e })).toEqual([]);
      expect(rules(name, { engine: e, profile: "server" })).toEqual([]);
      expect(rules(name, {})).toEqual([]);
    },
  );

  test.prop([userEngine.chain((e) => fc.tuple(fc.constant(e), serverValidUserName(e)))])(
    "generated server-valid names pass the server profile",
    ([e, name]) => {
      expect(rules(name, { engine: e, profile: "server" })).toEqual([]);
    },
  );

  test.prop([userEngine, validUserName(), strictForbiddenChar, fc.nat()])(
    "one strictly forbidden character fails with the pattern rule only (server still accepts)",
    (e, name, c, at) => {
      const bad = insertAt(name, at, c).slice(0, 30);
      fc.pre(bad.includes(c));
      expect(rules(bad, { engine: e, profile: "strict" })).toEqual([`${P}.pattern`]);
      expect(rules(bad, { engine: e, profile: "server" })).toEqual([]);
    },
  );

  test.prop([userEngine, validUserName(), strictForbiddenFirst])(
    "a leading - . or * fails with the pattern rule only",
    (e, name, c) => {
      const bad = (c + name).slice(0, 30);
      expect(rules(bad, { engine: e, profile: "strict" })).toEqual([`${P}.pattern`]);
    },
  );

  test.prop([userEngine, validUserName("pg")])(
    "one character too many fails with that engine's length rule",
    (e, name) => {
      const max = strictMax(e);
      const atMax = name.slice(0, max).padEnd(max, "x");
      expect(rules(atMax, { engine: e })).toEqual([]);
      const over = `${atMax}y`;
      const id = e === "pg" ? `${P}.pgMaxBytes` : e === "mysql" ? `${P}.mysqlMaxLength` : `${P}.maxLength`;
      expect(rules(over, { engine: e })).toEqual([id]);
      expect(rules(over, { engine: e, profile: "server" })).toEqual(e === "pg" || e === "mysql" ? [id] : []);
    },
  );

  test.prop([userEngine.chain((e) => fc.tuple(fc.constant(e), reservedName(e)))])(
    "a reserved name fails with its own rule in both profiles",
    ([e, name]) => {
      const id =
        name === "doadmin"
          ? `${P}.builtIn`
          : name === "do-readonly"
            ? `${P}.mongodbBuiltIn`
            : `${P}.pgReserved`;
      expect(rules(name, { engine: e })).toEqual([id]);
      expect(rules(name, { engine: e, profile: "server" })).toEqual([id]);
    },
  );

  test.prop([validUserName("pg").filter((s) => s.length <= 60)])(
    "a pg_ prefix fails with pgPrefix on pg",
    (name) => {
      expect(rules(`pg_${name}`, { engine: "pg", profile: "server" })).toEqual([`${P}.pgPrefix`]);
    },
  );

  test.prop([
    fc.constantFrom("redis", "valkey"),
    fc.string({ minLength: 1 }),
    fc.constantFrom("strict", "server"),
  ])("Caching and Valkey refuse every name with engineUnsupported", (e, name, profile) => {
    expect(rules(name, { engine: e, profile })).toContain(`${P}.engineUnsupported`);
  });

  test.prop([fc.string({ unit: "binary", maxLength: 80 }), context])("strict ⊆ server", (value, ctx) => {
    if (rules(value, { ...ctx, profile: "strict" }).length === 0)
      expect(rules(value, { ...ctx, profile: "server" })).toEqual([]);
  });

  test.prop([hostile, context])("validateField never throws and always returns an array", (value, ctx) => {
    const out = validateField("userName", value, ctx);
    expect(Array.isArray(out)).toBe(true);
    for (const v of out) expect(typeof v.message).toBe("string");
  });

  test.prop([hostile, fc.anything()])("validateField never throws on hostile contexts", (value, ctx) => {
    expect(Array.isArray(validateField("userName", value, ctx as object))).toBe(true);
  });
});

describe("suggestName(userName)", () => {
  const suggestOrError = (raw: string, ctx: object): string | NoValidNameError => {
    try {
      return suggestName("userName", raw, ctx);
    } catch (e) {
      if (e instanceof NoValidNameError) return e;
      throw e;
    }
  };

  test.prop([fc.string({ unit: "grapheme", maxLength: 120 }), context])(
    "output validates and is idempotent (or NoValidNameError)",
    (raw, ctx) => {
      const once = suggestOrError(raw, ctx);
      if (once instanceof NoValidNameError) return;
      expect(validateField("userName", once, ctx)).toEqual([]);
      expect(suggestName("userName", once, ctx)).toBe(once);
    },
  );

  test.prop([fc.string({ unit: "binary", maxLength: 120 }), engine])(
    "strict output is also valid for the server profile",
    (raw, e) => {
      const once = suggestOrError(raw, { engine: e });
      if (once instanceof NoValidNameError) return;
      expect(validateField("userName", once, { engine: e, profile: "server" })).toEqual([]);
    },
  );

  test.prop([userEngine.chain((e) => fc.tuple(fc.constant(e), validUserName(e)))])(
    "valid input comes back unchanged",
    ([e, name]) => {
      expect(suggestName("userName", name, { engine: e })).toBe(name);
    },
  );
});
