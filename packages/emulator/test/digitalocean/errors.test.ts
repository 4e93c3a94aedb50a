/** DigitalOcean-shaped refusals: auth, 404, 422 (spec and rules), 400, and what the emulator chose where DigitalOcean is unobserved. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../helpers/digitalocean.js";

const ctx = useEmulator();
const usersOf = (id: string) => `/v2/databases/${id}/users`;

describe("bearer auth", () => {
  it("answers 401 with DigitalOcean's body when the header is missing", async () => {
    const res = await ctx.api.request("GET", usersOf(ctx.ids.pg), { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ id: "unauthorized", message: "Unable to authenticate you." });
  });

  it("answers 401 for a wrong token and changes nothing", async () => {
    const res = await ctx.api.request("POST", usersOf(ctx.ids.pg), { token: "wrong", body: { name: "x" } });
    expect(res.status).toBe(401);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.pg, "x")).toBeUndefined();
  });

  it("answers 401 for another scheme carrying the right token", async () => {
    const res = await ctx.api.request("GET", usersOf(ctx.ids.pg), {
      token: null,
      headers: { authorization: "Basic test-token" },
    });
    expect(res.status).toBe(401);
  });

  it("accepts the scheme in any case", async () => {
    const res = await ctx.api.request("GET", usersOf(ctx.ids.pg), {
      token: null,
      headers: { authorization: "bearer test-token" },
    });
    expect(res.status).toBe(200);
  });

  it("checks auth before telling whether a cluster exists", async () => {
    const res = await ctx.api.request("GET", usersOf(randomUUID()), { token: "wrong" });
    expect(res.status).toBe(401);
  });
});

describe("404 not_found", () => {
  const notFound = {
    id: "not_found",
    message: "The resource you requested could not be found.",
    request_id: expect.any(String),
  };

  it("for a cluster that does not exist", async () => {
    const res = await ctx.api.list(randomUUID());
    expect(res.status).toBe(404);
    expect(res.body).toEqual(notFound);
  });

  it("for a user that does not exist, on every user route", async () => {
    const answers = [
      await ctx.api.get(ctx.ids.pg, "ghost"),
      await ctx.api.update(ctx.ids.pg, "ghost", { settings: {} }),
      await ctx.api.remove(ctx.ids.pg, "ghost"),
      await ctx.api.reset(ctx.ids.pg, "ghost"),
    ];
    for (const res of answers) expect([res.status, res.body]).toEqual([404, notFound]);
  });

  it("matches user names exactly (case matters)", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "App" });
    expect((await ctx.api.get(ctx.ids.pg, "app")).status).toBe(404);
  });

  it("for a path under /v2 that is not a user route", async () => {
    const res = await ctx.api.request("GET", `/v2/databases/${ctx.ids.pg}/pools`);
    expect([res.status, res.body]).toEqual([404, notFound]);
  });

  it("for a trailing slash after users", async () => {
    const res = await ctx.api.request("GET", `${usersOf(ctx.ids.pg)}/`);
    expect(res.status).toBe(404);
  });
});

describe("422 unprocessable_entity", () => {
  it("names the field and the spec rule when name is missing", async () => {
    const res = await ctx.api.add(ctx.ids.pg, {});
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      id: "unprocessable_entity",
      message: "name is required (openapi.required)",
      request_id: expect.any(String),
    });
  });

  it("names the field and the spec rule for a wrong type", async () => {
    const res = await ctx.api.add(ctx.ids.pg, { name: 42 });
    expect(res.body.message).toBe("name must be of type string (openapi.type)");
  });

  it("reports every problem at once", async () => {
    const res = await ctx.api.add(ctx.ids.kafka, { settings: { acl: [{ topic: "a", permission: "all" }] } });
    expect(res.body.message).toContain("name is required (openapi.required)");
    expect(res.body.message).toContain("settings.acl[0].permission must be one of");
  });

  it("names the field and the rules' rule id when the server profile refuses", async () => {
    const res = await ctx.api.add(ctx.ids.pg, { name: "" });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/^name: user name is empty.*\(digitalocean\.userName\.notEmpty\)$/);
  });

  it("for a cluster id that is not a UUID (spec format: uuid)", async () => {
    const res = await ctx.api.list("not-a-uuid");
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("database_cluster_uuid must be a valid uuid (openapi.format)");
  });

  it("for an update without settings (spec: required)", async () => {
    const res = await ctx.api.update(ctx.ids.pg, "doadmin", {});
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("settings is required (openapi.required)");
  });

  it("for an update with another key than settings (rules: only settings can change)", async () => {
    const res = await ctx.api.update(ctx.ids.pg, "doadmin", { settings: {}, name: "renamed" });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("(digitalocean.request.unknownKey)");
  });

  it("for a duplicate name (the emulator's choice: DigitalOcean's answer is unobserved)", async () => {
    await ctx.api.add(ctx.ids.pg, { name: "twice" });
    const res = await ctx.api.add(ctx.ids.pg, { name: "twice" });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe(
      'name: a user named "twice" already exists on this cluster (emulator.digitalocean.user.exists)',
    );
    expect(ctx.emulator.state.digitalocean.listUsers(ctx.ids.pg)).toHaveLength(2);
  });

  it("for creating doadmin again", async () => {
    const res = await ctx.api.add(ctx.ids.kafka, { name: "doadmin" });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("doadmin");
  });
});

describe("the built-in users cannot be deleted", () => {
  it.each(["pg", "mysql", "kafka", "opensearch", "mongodb"] as const)("doadmin on %s", async (engine) => {
    const res = await ctx.api.remove(ctx.ids[engine], "doadmin");
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("doadmin is a built-in user");
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids[engine], "doadmin")).toBeDefined();
  });

  it("do-readonly on MongoDB", async () => {
    const res = await ctx.api.remove(ctx.ids.mongodb, "do-readonly");
    expect(res.status).toBe(422);
    expect(ctx.emulator.state.digitalocean.getUser(ctx.ids.mongodb, "do-readonly")).toBeDefined();
  });
});

describe("400 bad_request and other transport errors", () => {
  it("answers 400 for a body that is not JSON", async () => {
    const res = await ctx.api.request("POST", usersOf(ctx.ids.pg), { body: '{"name": "x"' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      id: "bad_request",
      message: "The request body is not valid JSON.",
      request_id: expect.any(String),
    });
  });

  it("answers 400 when a required body is missing", async () => {
    const res = await ctx.api.request("POST", `${usersOf(ctx.ids.pg)}/doadmin/reset_auth`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("send at least {}");
  });

  it("answers 400 for a path segment that is not valid percent-encoding", async () => {
    const res = await ctx.api.request("GET", `${usersOf(ctx.ids.pg)}/bad%E0%A4`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("username");
  });

  it("answers 415 for a body that is not declared as JSON", async () => {
    const res = await ctx.api.request("POST", usersOf(ctx.ids.pg), {
      body: '{"name":"x"}',
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
    expect(res.body.id).toBe("unsupported_media_type");
  });

  it("accepts a JSON body sent without a content-type", async () => {
    const res = await ctx.api.request("POST", usersOf(ctx.ids.pg), {
      body: new TextEncoder().encode('{"name":"x"}'),
    });
    expect(res.status).toBe(201);
  });

  it("answers 405 with Allow for a method the path does not have", async () => {
    const res = await ctx.api.request("PATCH", usersOf(ctx.ids.pg), { body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.body.id).toBe("method_not_allowed");
  });

  it("answers 413 for a body over 1 MiB", async () => {
    const res = await ctx.api.request("POST", usersOf(ctx.ids.pg), {
      body: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.id).toBe("request_entity_too_large");
  });
});
