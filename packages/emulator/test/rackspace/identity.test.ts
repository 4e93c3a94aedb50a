/** Rackspace Identity v2.0 and Keystone v3 in front of the emulated Trove (docs/vendors/rackspace.md §4). */
import { describe, expect, it } from "vitest";
import { ACCOUNT, INSTANCE, useRackspace } from "../helpers/rackspace.js";

const ctx = useRackspace();

const v3Password = (scope: unknown, password = ACCOUNT.password) => ({
  auth: {
    identity: {
      methods: ["password"],
      password: { user: { name: ACCOUNT.username, domain: { name: "Default" }, password } },
    },
    ...(scope === undefined ? {} : { scope }),
  },
});

describe("Rackspace Identity v2.0 (POST /v2.0/tokens)", () => {
  it("issues a token with an API key, and a catalog whose rax:database entry is this emulator's /v1.0/{tenant}", async () => {
    const res = await ctx.raw("POST", "/v2.0/tokens", {
      auth: { "RAX-KSKEY:apiKeyCredentials": { username: ACCOUNT.username, apiKey: ACCOUNT.apiKey } },
    });
    expect(res.status).toBe(200);
    const { token, serviceCatalog, user } = res.body.access;
    expect(token).toMatchObject({ tenant: { id: ACCOUNT.tenantId }, "RAX-AUTH:authenticatedBy": ["APIKEY"] });
    expect(Date.parse(token.expires) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    const db = serviceCatalog.find((s: { type: string }) => s.type === "rax:database");
    expect(db.name).toBe("cloudDatabases");
    expect(db.endpoints.map((e: { region: string }) => e.region)).toEqual(["IAD", "ORD"]);
    expect(db.endpoints[0].publicURL).toBe(`${ctx.emulator.url}/v1.0/${ACCOUNT.tenantId}`);
    expect(serviceCatalog[0].type).toBe("compute");
    expect(user["RAX-AUTH:defaultRegion"]).toBe("IAD");
  });

  it("issues a token with a password, and the token opens the tenant's instances", async () => {
    const res = await ctx.raw("POST", "/v2.0/tokens", {
      auth: {
        passwordCredentials: { username: ACCOUNT.username, password: ACCOUNT.password },
        tenantName: "1001",
      },
    });
    expect(res.body.access.token["RAX-AUTH:authenticatedBy"]).toEqual(["PASSWORD"]);
    const list = await ctx.trove("GET", `/instances/${INSTANCE}/users`, undefined, res.body.access.token.id);
    expect(list.status).toBe(200);
  });

  it("refuses wrong credentials with 401 unauthorized, and tenantId with tenantName with 400", async () => {
    const wrong = await ctx.raw("POST", "/v2.0/tokens", {
      auth: { "RAX-KSKEY:apiKeyCredentials": { username: ACCOUNT.username, apiKey: "nope" } },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.unauthorized.code).toBe(401);
    const both = await ctx.raw("POST", "/v2.0/tokens", {
      auth: {
        passwordCredentials: { username: "alice", password: "alice-password" },
        tenantId: "1",
        tenantName: "1",
      },
    });
    expect(both.status).toBe(400);
    expect(both.body.badRequest.message).toMatch(/tenantId OR tenantName/);
  });

  it("keeps identity request bodies (credentials) out of the request log", async () => {
    await ctx.login();
    const logged = ctx.emulator.state.rackspace.requests.find((r) => r.path === "/v2.0/tokens")!;
    expect(logged.body).toBeUndefined();
    expect(JSON.stringify(ctx.emulator.state.requests)).not.toContain(ACCOUNT.apiKey);
  });
});

describe("Keystone v3 (POST /v3/auth/tokens)", () => {
  it("answers 201 with the token in X-Subject-Token and a catalog of type database on every interface", async () => {
    const res = await ctx.raw(
      "POST",
      "/v3/auth/tokens",
      v3Password({ project: { name: ACCOUNT.tenantId, domain: { id: "default" } } }),
    );
    expect(res.status).toBe(201);
    const token = res.headers.get("x-subject-token")!;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body.token.project.id).toBe(ACCOUNT.tenantId);
    const db = res.body.token.catalog.find((s: { type: string }) => s.type === "database");
    expect(db.name).toBe("trove");
    expect(new Set(db.endpoints.map((e: { interface: string }) => e.interface))).toEqual(
      new Set(["public", "internal", "admin"]),
    );
    expect((await ctx.trove("GET", `/instances/${INSTANCE}`, undefined, token)).status).toBe(200);
    const logged = ctx.emulator.state.requests.find((r) => r.path === "/v3/auth/tokens")!;
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  it("accepts a project by id and an application credential; an unscoped token has no catalog", async () => {
    const byId = await ctx.raw("POST", "/v3/auth/tokens", v3Password({ project: { id: ACCOUNT.tenantId } }));
    expect(byId.status).toBe(201);
    const credential = await ctx.raw("POST", "/v3/auth/tokens", {
      auth: {
        identity: {
          methods: ["application_credential"],
          application_credential: { id: "app-cred-1", secret: "app-cred-secret" },
        },
      },
    });
    expect(credential.status).toBe(201);
    expect(credential.body.token.methods).toEqual(["application_credential"]);
    expect(credential.body.token.catalog).toBeDefined();
    const unscoped = await ctx.raw("POST", "/v3/auth/tokens", v3Password(undefined));
    expect(unscoped.status).toBe(201);
    expect(unscoped.body.token.catalog).toBeUndefined();
  });

  it("refuses a wrong password, another tenant's project and a wrong application secret with 401", async () => {
    for (const body of [
      v3Password({ project: { id: ACCOUNT.tenantId } }, "wrong"),
      v3Password({ project: { id: "2002" } }),
      {
        auth: {
          identity: {
            methods: ["application_credential"],
            application_credential: { id: "app-cred-1", secret: "x" },
          },
        },
      },
    ]) {
      const res = await ctx.raw("POST", "/v3/auth/tokens", body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe(401);
    }
  });

  it("describes itself at /v3 and /v2.0", async () => {
    const v3 = await ctx.raw("GET", "/v3");
    expect(v3.body.version).toMatchObject({
      status: "stable",
      links: [{ rel: "self", href: `${ctx.emulator.url}/v3/` }],
    });
    expect((await ctx.raw("GET", "/v2.0")).body.version.id).toBe("v2.0");
  });
});

describe("tokens on Trove", () => {
  it("answers 401 without a token, with another tenant's token, and after the tokens expire", async () => {
    expect((await ctx.trove("GET", `/instances/${INSTANCE}/users`, undefined, "")).status).toBe(401);
    const bob = await ctx.raw("POST", "/v2.0/tokens", {
      auth: { passwordCredentials: { username: "bob", password: "bob-password" } },
    });
    const theirs = await ctx.trove(
      "GET",
      `/instances/${INSTANCE}/users`,
      undefined,
      bob.body.access.token.id,
    );
    expect(theirs.status).toBe(401);
    const { token } = await ctx.login();
    expect((await ctx.trove("GET", `/instances/${INSTANCE}/users`, undefined, token)).status).toBe(200);
    ctx.emulator.state.rackspace.expireTokens();
    const expired = await ctx.trove("GET", `/instances/${INSTANCE}/users`, undefined, token);
    expect(expired.status).toBe(401);
    expect(expired.body.unauthorized.code).toBe(401);
  });
});
