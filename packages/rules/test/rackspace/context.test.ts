import { describe, expect, it } from "vitest";
import { resolveCarefully, resolveContext } from "../../src/providers/rackspace/context.js";
import { rackspace, validateField } from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";

describe("resolveContext", () => {
  it("returns one shared frozen strict default for undefined", () => {
    const a = resolveContext(undefined);
    const b = resolveContext(undefined);
    expect(a.ctx).toBe(b.ctx);
    expect(a.ctx).toEqual({ profile: "strict" });
    expect(Object.isFrozen(a.ctx)).toBe(true);
    expect(a.violations).toEqual([]);
  });
  it("accepts both profiles and an undefined profile", () => {
    expect(resolveContext({ profile: "server" })).toEqual({ ctx: { profile: "server" }, violations: [] });
    expect(resolveContext({ profile: "strict" })).toEqual({ ctx: { profile: "strict" }, violations: [] });
    expect(resolveContext({ profile: undefined })).toEqual({ ctx: { profile: "strict" }, violations: [] });
    expect(resolveContext({})).toEqual({ ctx: { profile: "strict" }, violations: [] });
  });
  it("reports a bad profile and uses strict", () => {
    const { ctx, violations } = resolveContext({ profile: "loose" });
    expect(ctx.profile).toBe("strict");
    expect(violations).toEqual([
      {
        path: "context.profile",
        rule: "rackspace.context.profile",
        message: 'context.profile must be "strict" or "server"; the strict profile is used',
        params: { allowed: ["strict", "server"] },
      },
    ]);
  });
  it("reports unknown keys but keeps a good profile", () => {
    const { ctx, violations } = resolveContext({ engine: "mysql", profile: "server" });
    expect(ctx.profile).toBe("server");
    expect(violations).toEqual([
      {
        path: "context.engine",
        rule: "rackspace.context.engine",
        message: "context.engine is not a Rackspace context key; known: profile",
        params: { key: "engine", known: ["profile"] },
      },
    ]);
  });
  it("reports a context that is not an object", () => {
    for (const bad of [null, "server", 1, ["server"]]) {
      const { ctx, violations } = resolveContext(bad);
      expect(ctx.profile).toBe("strict");
      expect(violations).toEqual([
        {
          path: "context",
          rule: "rackspace.context.type",
          message: 'context must be an object like { profile: "strict" }; the strict profile is used',
          params: { expected: "an object" },
        },
      ]);
    }
  });
  it("never throws on hostile objects", () => {
    const getter = Object.defineProperty({}, "profile", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(resolveContext(getter)).toEqual({
      ctx: { profile: "strict" },
      violations: [
        {
          path: "context.profile",
          rule: "rackspace.context.profile",
          message: "context.profile could not be read; the strict profile is used",
          params: {},
        },
      ],
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("boom");
        },
      },
    );
    expect(resolveContext(proxy).violations).toEqual([
      {
        path: "context",
        rule: "rackspace.context.type",
        message: "context could not be read; the strict profile is used",
        params: {},
      },
    ]);
  });
  it("puts context violations before field violations", () => {
    const violations = validateField("userName", "", { profile: "nope" } as never);
    expect(violations.map((v) => v.rule)).toEqual([
      "rackspace.context.profile",
      "rackspace.userName.minLength",
    ]);
  });
  it("is the definition's resolver", () => {
    expect(rackspace.definition.resolveContext).toBe(resolveContext);
    expect(rackspace.id).toBe("rackspace");
    expect(rackspace.vendor).toBe("Rackspace");
    expect(rackspace.fieldNames).toEqual([
      "userName",
      "password",
      "host",
      "databaseName",
      "characterSet",
      "collation",
    ]);
    expect(rackspace.operationNames).toEqual([
      "createUsers",
      "changePasswords",
      "modifyUser",
      "grantAccess",
      "createDatabases",
    ]);
  });
});

describe("the quick path for common contexts", () => {
  const odd = [
    Object.create({ profile: "server" }),
    Object.create({ engine: "mysql" }),
    Object.defineProperty({}, "profile", { get: () => "server", enumerable: true }),
    Object.defineProperty({}, "profile", { value: "server", enumerable: false }),
    Object.defineProperty({}, "profile", {
      get() {
        throw new Error("no");
      },
      enumerable: true,
    }),
    new Proxy({ profile: "server" }, {}),
    new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no");
        },
      },
    ),
    Object.assign(Object.create(null), { profile: "server" }),
    { profile: "server", extra: 1 },
    { profile: "strict", [Symbol("s")]: 1 },
    [],
  ];
  it("gives exactly what the full resolution gives, odd objects included", () => {
    for (const input of odd) expect(resolveContext(input)).toEqual(resolveCarefully(input));
  });
  test.prop([
    fc.oneof(
      fc.anything(),
      fc.record(
        { profile: fc.constantFrom("strict", "server", undefined, "loose", 1) },
        { requiredKeys: [] },
      ),
    ),
  ])("agrees with the full resolution on any input", (input) => {
    expect(resolveContext(input)).toEqual(resolveCarefully(input));
  });
});
