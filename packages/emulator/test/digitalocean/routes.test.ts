/** Every DigitalOcean user route, end to end over loopback HTTP; each answer is checked against the spec. */
import { describe, expect, it } from "vitest";
import { useEmulator } from "../helpers/digitalocean.js";

const ctx = useEmulator();

describe("GET /v2/databases/{uuid}/users (databases_list_users)", () => {
  it("lists the built-in admin first, then users in creation order", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "app-01" });
    await ctx.api.add(ctx.ids.pg, { name: "app-02" });
    const res = await ctx.api.list(ctx.ids.pg);
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: { name: string }) => u.name)).toEqual(["doadmin", "app-01", "app-02"]);
  });

  it("accepts an upper-case cluster UUID for a cluster created in lower case", async () => {
    const res = await ctx.api.list(ctx.ids.pg.toUpperCase());
    expect(res.status).toBe(200);
  });
});

describe("POST /v2/databases/{uuid}/users (databases_add_user)", () => {
  it("creates a normal user with a generated password and answers 201 { user }", async () => {
    const res = await ctx.api.add(ctx.ids.pg, { name: "app-01" });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ name: "app-01", role: "normal" });
    expect(res.body.user.password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "app-01")).toEqual(res.body.user);
  });

  it("generates a different password for every user", async () => {
    const a = await ctx.api.add(ctx.ids.pg, { name: "a" });
    const b = await ctx.api.add(ctx.ids.pg, { name: "b" });
    expect(a.body.user.password).not.toBe(b.body.user.password);
  });

  it("ignores the read-only fields a request sends (role, password)", async () => {
    const res = await ctx.api.add(ctx.ids.pg, { name: "sneaky", role: "primary", password: "chosen" });
    expect(res.status).toBe(201);
    expect(res.body.user.role).toBe("normal");
    expect(res.body.user.password).not.toBe("chosen");
  });
});

describe("GET /v2/databases/{uuid}/users/{username} (databases_get_user)", () => {
  it("returns one user under `user`", async () => {
    const res = await ctx.api.get(ctx.ids.pg, "doadmin");
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: "doadmin", role: "primary" });
  });

  it.each([
    ["an @", "ops@example.com"],
    ["a slash (sent as %2F)", "team/app"],
    ["a space", "app user"],
    ["a plus sign", "a+b"],
    ["a percent sign", "100%"],
    ["text that looks percent-encoded", "a%2Fb"],
    ["non-ASCII letters", "pañuelo-日本"],
    ["an emoji", "app-🚀"],
  ])("round-trips a name with %s, decoding the path segment exactly once", async (_, name) => {
    await ctx.api.add(ctx.ids.mongodb, { name });
    const res = await ctx.api.get(ctx.ids.mongodb, name);
    expect(res.body.user.name).toBe(name);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.mongodb, name)?.name).toBe(name);
  });
});

describe("PUT /v2/databases/{uuid}/users/{username} (databases_update_user)", () => {
  it("replaces the settings and answers 201 { user }, as DigitalOcean documents", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "replicator" });
    const res = await ctx.api.update(ctx.ids.pg, "replicator", { settings: { pg_allow_replication: true } });
    expect(res.status).toBe(201);
    expect(res.body.user.settings).toEqual({ pg_allow_replication: true });
  });

  it("keeps the name and the password", async () => {
    const created = await ctx.api.add(ctx.ids.pg, { name: "app" });
    const res = await ctx.api.update(ctx.ids.pg, "app", { settings: {} });
    expect(res.body.user).toMatchObject({ name: "app", password: created.body.user.password });
  });
});

describe("DELETE /v2/databases/{uuid}/users/{username} (databases_delete_user)", () => {
  it("removes the user and answers 204 with no body", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "gone" });
    const res = await ctx.api.remove(ctx.ids.pg, "gone");
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "gone")).toBeUndefined();
    expect((await ctx.api.get(ctx.ids.pg, "gone")).status).toBe(404);
  });

  it("deletes a name containing a slash, not a different path", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "team/app" });
    await ctx.api.add(ctx.ids.pg, { name: "team" });
    expect((await ctx.api.remove(ctx.ids.pg, "team/app")).status).toBe(204);
    expect(ctx.emulator.state.digitalocean.listUsers(ctx.ids.pg).map((u) => u.name)).toEqual([
      "doadmin",
      "team",
    ]);
  });
});

describe("POST /v2/databases/{uuid}/users/{username}/reset_auth (databases_reset_auth)", () => {
  it("gives the user a new password and answers 200 { user }", async () => {
    const created = await ctx.api.add(ctx.ids.pg, { name: "app" });
    const res = await ctx.api.reset(ctx.ids.pg, "app");
    expect(res.status).toBe(200);
    expect(res.body.user.password).not.toBe(created.body.user.password);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "app")?.password).toBe(res.body.user.password);
  });

  it("resets the built-in admin's password too", async () => {
    const before = ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "doadmin")!.password;
    const res = await ctx.api.reset(ctx.ids.pg, "doadmin");
    expect(res.body.user.password).not.toBe(before);
  });
});
