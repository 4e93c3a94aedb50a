/** Kafka ACL topic, OpenSearch ACL index, MongoDB database names: examples and properties. */

import { describe, expect, it } from "vitest";
import { NoValidNameError } from "../../src/engine/errors.js";
import { suggestName, validateField } from "../../src/providers/digitalocean/index.js";
import { fc, test } from "../support/fc.js";
import { context, hostile, mongoForbiddenChar, mongoWindowsChar, validMongoDatabase } from "./arbitraries.js";

type F = "kafkaTopic" | "opensearchIndex" | "mongoDatabase";
const rules = (f: F, value: unknown, ctx: object = {}) => validateField(f, value, ctx).map((v) => v.rule);
const server = { profile: "server" } as const;

describe("kafkaTopic and opensearchIndex (regexes; no documented limit)", () => {
  it("refuses only the empty string, and only in strict (Terraform's NoZeroValues)", () => {
    for (const f of ["kafkaTopic", "opensearchIndex"] as const) {
      expect(rules(f, "")).toEqual([`digitalocean.${f}.notEmpty`]);
      expect(rules(f, "", server)).toEqual([]);
      for (const v of ["topic-abc.*", "customer-events", "index-abc.*", ".*", " ", "é/\\:"])
        expect(rules(f, v)).toEqual([]);
    }
    expect(validateField("kafkaTopic", "")).toEqual([
      {
        path: "kafkaTopic",
        rule: "digitalocean.kafkaTopic.notEmpty",
        message: "Kafka ACL topic is empty; DigitalOcean's own Terraform provider refuses an empty topic",
        params: { min: 1, actual: 0 },
      },
    ]);
    expect(validateField("opensearchIndex", "")[0]!.message).toBe(
      "OpenSearch ACL index is empty; DigitalOcean's own Terraform provider refuses an empty index",
    );
  });
});

describe("mongoDatabase (MongoDB Naming Restrictions)", () => {
  const P = "digitalocean.mongoDatabase";
  it("cannot be empty", () => {
    expect(validateField("mongoDatabase", "", server)).toEqual([
      {
        path: "mongoDatabase",
        rule: `${P}.notEmpty`,
        message: "MongoDB database name is empty; MongoDB database names cannot be empty",
        params: { min: 1, actual: 0 },
      },
    ]);
  });

  it("must be fewer than 64 bytes", () => {
    expect(rules("mongoDatabase", "a".repeat(63), server)).toEqual([]);
    expect(validateField("mongoDatabase", "a".repeat(64), server)).toEqual([
      {
        path: "mongoDatabase",
        rule: `${P}.maxBytes`,
        message: "MongoDB database name is 64 bytes in UTF-8; MongoDB allows at most 63",
        params: { max: 63, actual: 64 },
      },
    ]);
    expect(rules("mongoDatabase", `${"é".repeat(31)}a`)).toEqual([]);
    expect(rules("mongoDatabase", "é".repeat(32))).toEqual([`${P}.maxBytes`]);
  });

  it('refuses / \\ . space " $ (Linux) in both profiles', () => {
    for (const c of ["/", "\\", ".", " ", '"', "$"]) {
      expect(rules("mongoDatabase", `my${c}db`, server)).toEqual([`${P}.forbiddenChars`]);
      expect(rules("mongoDatabase", `my${c}db`)).toEqual([`${P}.forbiddenChars`]);
    }
    expect(validateField("mongoDatabase", "my.db")).toEqual([
      {
        path: "mongoDatabase",
        rule: `${P}.forbiddenChars`,
        message:
          'MongoDB database name contains "." at position 3; MongoDB does not allow any of: / \\ . space " $',
        params: { char: ".", index: 2, forbidden: '/\\. "$' },
      },
    ]);
  });

  it("refuses NUL", () => {
    expect(validateField("mongoDatabase", "a\u0000", server)).toEqual([
      {
        path: "mongoDatabase",
        rule: `${P}.nul`,
        message:
          "MongoDB database name contains a NUL character (U+0000) at position 2; MongoDB does not allow it",
        params: { index: 1 },
      },
    ]);
  });

  it("refuses * < > : | ? (Windows) in strict only", () => {
    for (const c of ["*", "<", ">", ":", "|", "?"]) {
      expect(rules("mongoDatabase", `db${c}`)).toEqual([`${P}.windowsChars`]);
      expect(rules("mongoDatabase", `db${c}`, server)).toEqual([]);
    }
    expect(validateField("mongoDatabase", "a|b")[0]).toEqual({
      path: "mongoDatabase",
      rule: `${P}.windowsChars`,
      message:
        'MongoDB database name contains "|" at position 2; strict refuses * < > : | ? (MongoDB\'s Windows restrictions)',
      params: { char: "|", index: 1, forbidden: "*<>:|?" },
    });
  });

  it("accepts the documented examples and admin", () => {
    for (const v of ["my-db", "my-db-2", "admin", "salesData", "données", "a_b"])
      expect(rules("mongoDatabase", v)).toEqual([]);
  });

  test.prop([validMongoDatabase, context])("valid names pass both profiles", (name, ctx) => {
    expect(rules("mongoDatabase", name, ctx)).toEqual([]);
  });

  test.prop([validMongoDatabase, mongoForbiddenChar, fc.nat()])(
    "one Linux-forbidden character fails with forbiddenChars",
    (name, c, at) => {
      const i = at % (name.length + 1);
      const bad = name.slice(0, i) + c + name.slice(i);
      fc.pre(new TextEncoder().encode(bad).length <= 63);
      expect(rules("mongoDatabase", bad, server)).toEqual([`${P}.forbiddenChars`]);
    },
  );

  test.prop([validMongoDatabase, mongoWindowsChar])(
    "one Windows-forbidden character fails in strict only",
    (name, c) => {
      const bad = `${name.slice(0, 20)}${c}`;
      expect(rules("mongoDatabase", bad)).toEqual([`${P}.windowsChars`]);
      expect(rules("mongoDatabase", bad, server)).toEqual([]);
    },
  );

  test.prop([fc.string({ unit: "binary", maxLength: 70 }), context])("strict ⊆ server", (v, ctx) => {
    if (rules("mongoDatabase", v, { ...ctx, profile: "strict" }).length === 0)
      expect(rules("mongoDatabase", v, { ...ctx, profile: "server" })).toEqual([]);
  });

  test.prop([fc.string({ unit: "binary", maxLength: 100 }), context])(
    "suggestName output validates and is idempotent (or NoValidNameError)",
    (raw, ctx) => {
      let once: string;
      try {
        once = suggestName("mongoDatabase", raw, ctx);
      } catch (e) {
        expect(e).toBeInstanceOf(NoValidNameError);
        return;
      }
      expect(rules("mongoDatabase", once, ctx)).toEqual([]);
      expect(suggestName("mongoDatabase", once, ctx)).toBe(once);
    },
  );

  it("suggestName replaces forbidden characters with _ and trims to 63 bytes", () => {
    expect(suggestName("mongoDatabase", "my.db name$1")).toBe("my_db_name_1");
    expect(suggestName("mongoDatabase", 'a/b\\c"d*e<f>g:h|i?j\u0000')).toBe("a_b_c_d_e_f_g_h_i_j_");
    expect(suggestName("mongoDatabase", "a.b", { profile: "server" })).toBe("a_b");
    expect(suggestName("mongoDatabase", "é".repeat(40))).toBe("é".repeat(31));
    expect(suggestName("mongoDatabase", "x".repeat(100))).toBe("x".repeat(63));
    expect(() => suggestName("mongoDatabase", "")).toThrow(NoValidNameError);
  });
});

describe("totality", () => {
  test.prop([fc.constantFrom<F>("kafkaTopic", "opensearchIndex", "mongoDatabase"), hostile, context])(
    "validateField never throws",
    (f, v, ctx) => {
      expect(Array.isArray(validateField(f, v, ctx))).toBe(true);
    },
  );
});
