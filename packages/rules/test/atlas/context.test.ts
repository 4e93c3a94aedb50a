import { describe, expect, it, vi } from "vitest";
import {
  atlasContext,
  DEFAULT_ATLAS_CONTEXT,
  nowOf,
  resolveAtlasContext,
} from "../../src/providers/atlas/context.js";
import { ATLAS_AUTH_TYPES, atlas } from "../../src/providers/atlas/index.js";
import { fc, test } from "../support/fc.js";
import { ids, NOW } from "./helpers.js";

describe("atlas context", () => {
  it("undefined gives the cached frozen default: strict, SCRAM, the clock", () => {
    const a = resolveAtlasContext(undefined);
    const b = resolveAtlasContext(undefined);
    expect(a.ctx).toBe(b.ctx);
    expect(a.ctx).toBe(DEFAULT_ATLAS_CONTEXT);
    expect(Object.isFrozen(a.ctx)).toBe(true);
    expect(a.ctx).toEqual({ profile: "strict", authType: "SCRAM" });
    expect(a.ctx.now).toBeUndefined();
    expect(a.violations).toEqual([]);
  });

  it("contexts without a clock are cached per profile and auth type", () => {
    for (const authType of ATLAS_AUTH_TYPES) {
      const a = resolveAtlasContext({ profile: "server", authType }).ctx;
      expect(a).toBe(resolveAtlasContext({ authType, profile: "server" }).ctx);
      expect(a).toEqual({ profile: "server", authType });
      expect(Object.isFrozen(a)).toBe(true);
    }
    expect(resolveAtlasContext({}).ctx).toBe(DEFAULT_ATLAS_CONTEXT);
    expect(atlasContext("strict", "LDAP_USER")).toBe(atlasContext("strict", "LDAP_USER"));
    expect(atlasContext("strict", "LDAP_USER")).not.toBe(atlasContext("server", "LDAP_USER"));
  });

  it("keeps a copy of now, frozen with the context", () => {
    const now = new Date(NOW);
    const { ctx, violations } = resolveAtlasContext({ now, authType: "X509_MANAGED" });
    expect(violations).toEqual([]);
    expect(ctx.authType).toBe("X509_MANAGED");
    expect(ctx.now?.getTime()).toBe(NOW.getTime());
    now.setTime(0);
    expect(ctx.now?.getTime()).toBe(NOW.getTime());
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(nowOf(ctx)).toBe(NOW.getTime());
  });

  it("reads the clock lazily when there is no now", () => {
    const spy = vi.spyOn(Date, "now").mockReturnValue(12345);
    try {
      expect(nowOf(DEFAULT_ATLAS_CONTEXT)).toBe(12345);
      resolveAtlasContext(undefined);
      atlas.validateField("username", "abc");
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("reports bad values with context.<key> and falls back to the default for that key", () => {
    const r = resolveAtlasContext({ profile: "lenient", authType: "KERBEROS", now: new Date("x") });
    expect(r.violations.map((v) => [v.path, v.rule])).toEqual([
      ["context.profile", "atlas.context.profile"],
      ["context.authType", "atlas.context.authType"],
      ["context.now", "atlas.context.now"],
    ]);
    expect(r.ctx).toBe(DEFAULT_ATLAS_CONTEXT);
    expect(r.violations[0]!.message).toContain('"strict" or "server"');
    expect(r.violations[1]!.message).toContain("OIDC_WORKLOAD");
    expect(r.violations[2]!.message).toContain("valid Date");
    const keep = resolveAtlasContext({ profile: "server", authType: 3 });
    expect(keep.ctx).toEqual({ profile: "server", authType: "SCRAM" });
    expect(ids(keep.violations)).toEqual(["atlas.context.authType"]);
  });

  it("refuses non-Date now values, also Date-like objects", () => {
    for (const now of [
      NOW.getTime(),
      "2026-08-10",
      { getTime: () => 1 },
      null,
      Object.create(Date.prototype),
    ]) {
      const r = resolveAtlasContext({ now });
      expect(ids(r.violations)).toEqual(["atlas.context.now"]);
      expect(r.ctx.now).toBeUndefined();
    }
  });

  it("treats undefined keys as absent, reports unknown keys", () => {
    expect(resolveAtlasContext({ profile: undefined, now: undefined }).violations).toEqual([]);
    const r = resolveAtlasContext({ profil: "server" });
    expect(r.violations).toEqual([
      {
        path: "context.profil",
        rule: "atlas.context.unknownKey",
        message: "context.profil is not an Atlas context key; known: profile, authType, now",
        params: { key: "profil", known: ["profile", "authType", "now"] },
      },
    ]);
  });

  it("violation params and messages", () => {
    const r = resolveAtlasContext({ profile: 1, authType: "x", now: 1 });
    expect(r.violations.map((v) => v.params)).toEqual([
      { allowed: ["strict", "server"] },
      { allowed: ATLAS_AUTH_TYPES },
      { expected: "Date" },
    ]);
    expect(r.violations[2]!.message).toBe("context.now must be a valid Date; the clock was used");
    expect(r.violations[0]!.message).toBe('context.profile must be "strict" or "server"');
    expect(resolveAtlasContext(null).violations[0]).toEqual({
      path: "context",
      rule: "atlas.context.type",
      message: "the Atlas context must be an object such as { profile, authType, now }",
      params: { expected: "object" },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("x");
        },
      },
    );
    expect(resolveAtlasContext(proxy).violations[0]).toEqual({
      path: "context",
      rule: "atlas.context.unreadable",
      message: "the Atlas context could not be read; the defaults were used",
      params: {},
    });
  });

  it("non-objects give atlas.context.type", () => {
    for (const input of [null, "strict", 1, true, [], () => 1]) {
      const r = resolveAtlasContext(input);
      expect(r.violations.map((v) => [v.path, v.rule])).toEqual([["context", "atlas.context.type"]]);
      expect(r.ctx).toBe(DEFAULT_ATLAS_CONTEXT);
    }
  });

  it("survives throwing getters and Proxies", () => {
    const getter = Object.defineProperty({}, "profile", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const r = resolveAtlasContext(getter);
    expect(r.violations.map((v) => [v.path, v.rule])).toEqual([["context.profile", "atlas.context.profile"]]);
    expect(r.violations[0]!.message).toContain("could not be read");
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("nope");
        },
      },
    );
    expect(ids(resolveAtlasContext(proxy).violations)).toEqual(["atlas.context.unreadable"]);
    const dateProxy = new Proxy(new Date(), {});
    expect(ids(resolveAtlasContext({ now: dateProxy }).violations)).toEqual(["atlas.context.now"]);
  });

  test.prop([fc.anything()])("never throws", (input) => {
    const r = resolveAtlasContext(input);
    expect(["strict", "server"]).toContain(r.ctx.profile);
    expect(ATLAS_AUTH_TYPES).toContain(r.ctx.authType);
  });

  it("bound functions report context violations first, and validate with the defaults", () => {
    const v = atlas.validateField("username", "a_b", { profile: "nope" } as never);
    expect(ids(v)).toEqual(["atlas.context.profile", "atlas.username.alphanumeric"]);
  });
});
