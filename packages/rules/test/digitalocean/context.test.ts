import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONTEXT,
  ENGINES,
  PROFILES,
  resolveContext,
  supportsUserManagement,
  USER_MANAGEMENT_ENGINES,
  validateField,
} from "../../src/providers/digitalocean/index.js";

describe("engines", () => {
  it("lists the seven engine slugs of database_cluster.engine", () => {
    expect(ENGINES).toEqual(["pg", "mysql", "redis", "valkey", "mongodb", "kafka", "opensearch"]);
    expect(USER_MANAGEMENT_ENGINES).toEqual(["pg", "mysql", "mongodb", "kafka", "opensearch"]);
    expect(PROFILES).toEqual(["strict", "server"]);
  });

  it("supportsUserManagement is false only for redis, valkey and non-engines", () => {
    expect(ENGINES.filter((e) => supportsUserManagement(e))).toEqual([
      "pg",
      "mysql",
      "mongodb",
      "kafka",
      "opensearch",
    ]);
    expect(supportsUserManagement("redis")).toBe(false);
    expect(supportsUserManagement("valkey")).toBe(false);
    for (const odd of ["PG", "postgres", "", undefined, null, 1, {}])
      expect(supportsUserManagement(odd)).toBe(false);
  });
});

describe("resolveContext", () => {
  it("returns the cached frozen default for undefined, with a fresh violations array", () => {
    const a = resolveContext(undefined);
    const b = resolveContext(undefined);
    expect(a.ctx).toBe(DEFAULT_CONTEXT);
    expect(b.ctx).toBe(DEFAULT_CONTEXT);
    expect(a.ctx).toEqual({ profile: "strict", engine: undefined });
    expect(Object.isFrozen(a.ctx)).toBe(true);
    expect(a.violations).toEqual([]);
    expect(a.violations).not.toBe(b.violations);
  });

  it("fills defaults and reuses one frozen object per (profile, engine)", () => {
    expect(resolveContext({}).ctx).toBe(DEFAULT_CONTEXT);
    expect(resolveContext({ profile: undefined, engine: undefined }).ctx).toBe(DEFAULT_CONTEXT);
    for (const profile of PROFILES)
      for (const engine of [undefined, ...ENGINES]) {
        const { ctx, violations } = resolveContext({ profile, engine });
        expect(violations).toEqual([]);
        expect(ctx).toEqual({ profile, engine });
        expect(Object.isFrozen(ctx)).toBe(true);
        expect(resolveContext({ engine, profile }).ctx).toBe(ctx);
      }
    expect(resolveContext({ engine: "pg" }).ctx).toEqual({ profile: "strict", engine: "pg" });
    expect(resolveContext({ profile: "server" }).ctx).toEqual({ profile: "server", engine: undefined });
  });

  it("reports a bad profile and uses strict", () => {
    const { ctx, violations } = resolveContext({ profile: "lenient", engine: "mysql" });
    expect(ctx).toEqual({ profile: "strict", engine: "mysql" });
    expect(violations).toEqual([
      {
        path: "context.profile",
        rule: "digitalocean.context.profile",
        message: 'context.profile is "lenient"; expected one of: strict, server; using strict',
        params: { allowed: ["strict", "server"] },
      },
    ]);
    expect(resolveContext({ profile: 3 }).violations[0]!.message).toBe(
      "context.profile is number; expected one of: strict, server; using strict",
    );
  });

  it("reports an unknown engine slug and skips engine rules", () => {
    const { ctx, violations } = resolveContext({ engine: "postgres", profile: "server" });
    expect(ctx).toEqual({ profile: "server", engine: undefined });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ path: "context.engine", rule: "digitalocean.context.engine" });
    expect(violations[0]!.message).toBe(
      'context.engine is "postgres"; expected one of: pg, mysql, redis, valkey, mongodb, kafka, opensearch; engine-specific rules are skipped',
    );
    expect(violations[0]!.params).toEqual({ allowed: ENGINES });
    for (const bad of ["PG", "advanced_pg", null, 1, ["pg"]])
      expect(resolveContext({ engine: bad }).violations.map((v) => v.rule)).toEqual([
        "digitalocean.context.engine",
      ]);
  });

  it("reports unknown keys (a misspelt engine would silently skip rules)", () => {
    const { ctx, violations } = resolveContext({ engin: "pg", "odd key": 1 });
    expect(ctx).toBe(DEFAULT_CONTEXT);
    expect(violations).toEqual([
      {
        path: "context.engin",
        rule: "digitalocean.context.unknownKey",
        message: "context.engin is not a DigitalOcean context key; known: profile, engine",
        params: { key: "engin", known: ["profile", "engine"] },
      },
      expect.objectContaining({ path: 'context["odd key"]', rule: "digitalocean.context.unknownKey" }),
    ]);
  });

  it("reports non-objects and uses the defaults", () => {
    for (const [input, what] of [
      [null, "null"],
      [[], "an array"],
      ["pg", "string"],
      [42, "number"],
    ] as const) {
      const { ctx, violations } = resolveContext(input);
      expect(ctx).toBe(DEFAULT_CONTEXT);
      expect(violations).toEqual([
        {
          path: "context",
          rule: "digitalocean.context.type",
          message: `context must be an object like { profile, engine }, but got ${what}; using the defaults`,
          params: { expected: "object" },
        },
      ]);
    }
  });

  it("survives throwing getters and Proxies", () => {
    const getters = {
      get profile(): string {
        throw new Error("boom");
      },
      get engine(): string {
        throw new Error("boom");
      },
    };
    const a = resolveContext(getters);
    expect(a.ctx).toBe(DEFAULT_CONTEXT);
    expect(a.violations.map((v) => [v.path, v.rule, v.message])).toEqual([
      ["context.profile", "digitalocean.context.profile", "context.profile could not be read; using strict"],
      [
        "context.engine",
        "digitalocean.context.engine",
        "context.engine could not be read; engine-specific rules are skipped",
      ],
    ]);
    const proxy = new Proxy(
      { engine: "pg" },
      {
        ownKeys() {
          throw new Error("boom");
        },
      },
    );
    const b = resolveContext(proxy);
    expect(b.ctx).toEqual({ profile: "strict", engine: "pg" });
    expect(b.violations).toEqual([
      {
        path: "context",
        rule: "digitalocean.context.unreadable",
        message: "context keys could not be read; using the defaults",
        params: {},
      },
    ]);
  });

  it("context violations come first in validateField, and the default applies", () => {
    const out = validateField("userName", "public", { engine: "pgsql" as never });
    expect(out.map((v) => v.rule)).toEqual(["digitalocean.context.engine"]);
  });
});
