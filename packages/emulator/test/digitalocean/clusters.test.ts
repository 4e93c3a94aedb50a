/** Clusters are discoverable where DigitalOcean lists them: GET /v2/databases and /v2/databases/{uuid}. */
import { describe, expect, it } from "vitest";
import { useEmulator } from "../helpers/digitalocean.js";

describe("GET /v2/databases", () => {
  const ctx = useEmulator();

  it("lists every cluster, of every engine, with DigitalOcean's required fields", async () => {
    const res = await ctx.api.request("GET", "/v2/databases");
    expect(res.status).toBe(200);
    const byId = new Map(res.body.databases.map((d: { id: string }) => [d.id, d]));
    expect(byId.size).toBe(7);
    for (const [engine, id] of Object.entries(ctx.ids)) {
      expect(byId.get(id)).toMatchObject({
        id,
        engine,
        name: `${engine}-${id.slice(0, 8)}`,
        num_nodes: 1,
        region: "nyc3",
        size: "db-s-1vcpu-1gb",
        status: "online",
      });
    }
    expect(res.headers.get("ratelimit-remaining")).toBe("4999");
  });

  it("filters by tag_name", async () => {
    const tagged = ctx.emulator.state.digitalocean.addCluster({
      engine: "pg",
      name: "billing",
      tags: ["prod"],
    });
    const res = await ctx.api.request("GET", "/v2/databases?tag_name=prod");
    expect(res.body.databases.map((d: { id: string; name: string }) => [d.id, d.name])).toEqual([
      [tagged.id, "billing"],
    ]);
    expect((await ctx.api.request("GET", "/v2/databases?tag_name=none")).body).toEqual({ databases: [] });
  });

  it("needs the token", async () => {
    expect((await ctx.api.request("GET", "/v2/databases", { token: "wrong" })).status).toBe(401);
  });
});

describe("GET /v2/databases/{uuid}", () => {
  const ctx = useEmulator();

  it("reads one cluster, a Caching one too (whose users answer 500)", async () => {
    const res = await ctx.api.request("GET", `/v2/databases/${ctx.ids.redis}`);
    expect(res.status).toBe(200);
    expect(res.body.database).toMatchObject({ id: ctx.ids.redis, engine: "redis", status: "online" });
    expect((await ctx.api.list(ctx.ids.redis)).status).toBe(500);
  });

  it("answers 404 for a cluster that does not exist and 422 for an id that is not a UUID", async () => {
    expect((await ctx.api.request("GET", "/v2/databases/00000000-0000-4000-8000-000000000000")).status).toBe(
      404,
    );
    expect((await ctx.api.request("GET", "/v2/databases/nope")).status).toBe(422);
  });

  it("shows the descriptive fields a seed gave", async () => {
    const seeded = ctx.emulator.state.digitalocean.addCluster({
      engine: "mysql",
      name: "orders",
      region: "fra1",
      size: "db-s-2vcpu-4gb",
      num_nodes: 3,
      version: "8",
      created_at: "2026-01-02T03:04:05Z",
    });
    const res = await ctx.api.request("GET", `/v2/databases/${seeded.id}`);
    expect(res.body.database).toEqual({
      id: seeded.id,
      engine: "mysql",
      name: "orders",
      region: "fra1",
      size: "db-s-2vcpu-4gb",
      num_nodes: 3,
      version: "8",
      tags: [],
      created_at: "2026-01-02T03:04:05Z",
      status: "online",
    });
  });

  it("refuses a second cluster with the same name", () => {
    ctx.emulator.state.digitalocean.addCluster({ engine: "pg", name: "twin" });
    expect(() => ctx.emulator.state.digitalocean.addCluster({ engine: "pg", name: "twin" })).toThrow(
      /already named/,
    );
  });
});
