/** Every Trove operation of specs/rackspace end to end (docs/vendors/rackspace.md §3); answers are spec-checked by the emulator. */
import { describe, expect, it } from "vitest";
import { INSTANCE, OTHER_INSTANCE, useRackspace, userSegment } from "../helpers/rackspace.js";

const ctx = useRackspace();
const users = `/instances/${INSTANCE}/users`;
const state = () => ctx.emulator.state.rackspace.instance(INSTANCE);

describe("users", () => {
  it("creates a batch with 202 and no body, then lists, gets, changes, modifies and deletes", async () => {
    const created = await ctx.trove("POST", users, {
      users: [
        { name: "app", password: "pw-one-1", databases: [{ name: "orders" }] },
        { name: "app", password: "pw-two-2", host: "10.0.0.1" },
      ],
    });
    expect(created).toMatchObject({ status: 202, body: undefined });
    const list = await ctx.trove("GET", users);
    expect(list.body.users).toEqual([
      { name: "app", host: "%", databases: [{ name: "orders" }] },
      { name: "app", host: "10.0.0.1", databases: [] },
    ]);
    expect(list.body.links).toBeUndefined();
    const one = await ctx.trove("GET", `${users}/${userSegment("app", "10.0.0.1")}`);
    expect(one.body.user).toEqual({ name: "app", host: "10.0.0.1", databases: [] });
    expect((await ctx.trove("PUT", users, { users: [{ name: "app", password: "pw-new-3" }] })).status).toBe(
      202,
    );
    expect(state().users[0]!.password).toBe("pw-new-3");
    const renamed = await ctx.trove("PUT", `${users}/${userSegment("app", "10.0.0.1")}`, {
      user: { name: "app2", host: "10.0.0.2" },
    });
    expect(renamed.status).toBe(202);
    expect(state().users.map((u) => `${u.name}@${u.host}`)).toEqual(["app2@10.0.0.2", "app@%"]);
    expect((await ctx.trove("DELETE", `${users}/app`)).status).toBe(202);
    expect(state().users.map((u) => u.name)).toEqual(["app2"]);
  });

  it("grants, lists and revokes access; revoking what was never granted is a 404", async () => {
    await ctx.trove("POST", users, { users: [{ name: "reader", password: "pw-1" }] });
    const grant = await ctx.trove("PUT", `${users}/reader/databases`, {
      databases: [{ name: "orders" }, { name: "sales" }],
    });
    expect(grant.status).toBe(202);
    expect((await ctx.trove("GET", `${users}/reader/databases`)).body).toEqual({
      databases: [{ name: "orders" }, { name: "sales" }],
    });
    expect((await ctx.trove("DELETE", `${users}/reader/databases/sales`)).status).toBe(202);
    const again = await ctx.trove("DELETE", `${users}/reader/databases/sales`);
    expect(again.status).toBe(404);
    expect(again.body.itemNotFound.message).toBe("Database sales cannot be found on the instance.");
  });

  it("refuses reserved names, duplicates in a batch, existing users and model-invalid names with 400", async () => {
    await ctx.trove("POST", users, { users: [{ name: "taken", password: "pw-1" }] });
    const cases: [unknown, RegExp][] = [
      [{ users: [{ name: "root", password: "pw-1" }] }, /reserved/],
      [
        {
          users: [
            { name: "a", password: "pw-1" },
            { name: "a", password: "pw-2", host: "%" },
          ],
        },
        /repeats user|share the same name and host/,
      ],
      [{ users: [{ name: "taken", password: "pw-1" }] }, /already exists/],
      [{ users: [{ name: "seventeen-chars-x", password: "pw-1" }] }, /^User create error: /],
      [{ users: [{ name: "ok", password: "pw-1", host: "my-host" }] }, /^Validation error: /],
    ];
    for (const [body, message] of cases) {
      const res = await ctx.trove("POST", users, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.badRequest.message).toMatch(message);
    }
  });

  it("answers 404 itemNotFound for a missing user and instance, and 405 badMethod", async () => {
    expect((await ctx.trove("GET", `${users}/ghost`)).body.itemNotFound.message).toBe(
      "User ghost cannot be found on the instance.",
    );
    expect((await ctx.trove("GET", "/instances/nope/users")).status).toBe(404);
    expect((await ctx.trove("PATCH", users, {})).body.badMethod.code).toBe(405);
  });

  it("answers 422 for user work on an instance that is not ACTIVE", async () => {
    ctx.emulator.state.rackspace.setInstanceStatus(OTHER_INSTANCE, "BUILD");
    const res = await ctx.trove("POST", `/instances/${OTHER_INSTANCE}/users`, {
      users: [{ name: "a", password: "pw-1" }],
    });
    expect(res.status).toBe(422);
    expect(res.body.unprocessableEntity.message).toBe(
      `Instance ${OTHER_INSTANCE} is not ready, status: BUILD.`,
    );
  });
});

describe("the {user} segment is decoded twice, as Trove does (§3.1)", () => {
  it("finds a user whose name and host hold . @ % # ? and spaces only when encoded for both decodes", async () => {
    const name = "a.b@c%41 #?e";
    const host = "10.0.0.%";
    await ctx.trove("POST", users, { users: [{ name, host, password: "pw-1" }] });
    expect((await ctx.trove("GET", `${users}/${userSegment(name, host)}`)).body.user).toMatchObject({
      name,
      host,
    });
    // Encoded once, the second decode turns `%41` into `A`: a different (missing) user.
    expect((await ctx.trove("GET", `${users}/${encodeURIComponent(`${name}@${host}`)}`)).status).toBe(404);
  });

  it("cuts a trailing .json between the decodes, so `x.json` needs its dot escaped", async () => {
    await ctx.trove("POST", users, { users: [{ name: "x.json", password: "pw-1" }] });
    expect((await ctx.trove("GET", `${users}/${userSegment("x.json")}`)).status).toBe(200);
    expect((await ctx.trove("GET", `${users}/x.json`)).status).toBe(404);
  });
});

describe("paging (§3.2)", () => {
  it("pages 20 at most, and the next link's marker is encoded twice", async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      name: `user${String(i).padStart(2, "0")}`,
      password: "pw-1",
    }));
    await ctx.trove("POST", users, { users: many });
    const first = await ctx.trove("GET", `${users}?limit=100`);
    expect(first.body.users).toHaveLength(20);
    const next = new URL(first.body.links[0].href);
    expect(next.searchParams.get("marker")).toBe("user19%40%25");
    // Followed verbatim, the marker compares below user19@%: the last user comes back.
    const verbatim = await ctx.trove("GET", `${users}${next.search}`);
    expect(verbatim.body.users[0].name).toBe("user19");
    const right = await ctx.trove("GET", `${users}?limit=20&marker=${encodeURIComponent("user19@%")}`);
    expect(right.body.users.map((u: { name: string }) => u.name)).toEqual([
      "user20",
      "user21",
      "user22",
      "user23",
      "user24",
    ]);
    expect(right.body.links).toBeUndefined();
  });
});

describe("databases and root", () => {
  it("creates, lists (reserved ones hidden) and deletes databases", async () => {
    expect(
      (
        await ctx.trove("POST", `/instances/${INSTANCE}/databases`, {
          databases: [{ name: "sales", character_set: "utf8" }],
        })
      ).status,
    ).toBe(202);
    expect(
      (await ctx.trove("POST", `/instances/${INSTANCE}/databases`, { databases: [{ name: "a.b" }] })).status,
    ).toBe(400);
    expect((await ctx.trove("GET", `/instances/${INSTANCE}/databases`)).body).toEqual({
      databases: [{ name: "orders" }, { name: "sales" }],
    });
    expect((await ctx.trove("DELETE", `/instances/${INSTANCE}/databases/mysql`)).status).toBe(400);
    expect((await ctx.trove("DELETE", `/instances/${INSTANCE}/databases/sales`)).status).toBe(202);
    expect((await ctx.trove("DELETE", `/instances/${INSTANCE}/databases/sales`)).status).toBe(404);
  });

  it("enables root with a generated 36-character password, reports it, and disables it", async () => {
    expect((await ctx.trove("GET", `/instances/${INSTANCE}/root`)).body).toEqual({ rootEnabled: false });
    expect((await ctx.trove("DELETE", `/instances/${INSTANCE}/root`)).status).toBe(404);
    const enabled = await ctx.trove("POST", `/instances/${INSTANCE}/root`);
    expect(enabled.body.user.name).toBe("root");
    expect(enabled.body.user.password).toMatch(/^[A-Za-z0-9]{36}$/);
    expect((await ctx.trove("GET", `/instances/${INSTANCE}/root`)).body).toEqual({ rootEnabled: true });
    expect((await ctx.trove("DELETE", `/instances/${INSTANCE}/root`)).status).toBe(204);
  });

  it("reads instances as the OpenStack CLI does", async () => {
    const list = await ctx.trove("GET", "/instances");
    expect(list.body.instances.map((i: { id: string }) => i.id).sort()).toEqual(
      [INSTANCE, OTHER_INSTANCE].sort(),
    );
    expect((await ctx.trove("GET", `/instances/${INSTANCE}`)).body.instance).toMatchObject({
      id: INSTANCE,
      status: "ACTIVE",
      region: "ORD",
    });
  });
});

describe("faults", () => {
  it("an injected 429 is Rackspace's 413 overLimit with Retry-After; 503 is serviceUnavailable", async () => {
    ctx.emulator.faults.inject(
      { vendor: "rackspace", operationId: "listUsers", times: 1 },
      { type: "status", status: 429, retryAfter: 7 },
    );
    const limited = await ctx.trove("GET", users);
    expect(limited.status).toBe(413);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body.overLimit.code).toBe(413);
    ctx.emulator.faults.inject(
      { vendor: "rackspace", operationId: "listUsers", times: 1 },
      { type: "status", status: 503 },
    );
    expect((await ctx.trove("GET", users)).body.serviceUnavailable.code).toBe(503);
  });
});

describe("state", () => {
  it("a snapshot holds users with their passwords and loads back after a reset", async () => {
    await ctx.trove("POST", users, {
      users: [{ name: "kept", password: "pw-kept-1", host: "10.0.0.1", databases: [{ name: "orders" }] }],
    });
    const snapshot = ctx.emulator.state.snapshot();
    ctx.emulator.reset();
    expect(state().users).toEqual([]);
    ctx.emulator.state.load(snapshot);
    expect(state().users).toEqual([
      { name: "kept", host: "10.0.0.1", password: "pw-kept-1", databases: ["orders"] },
    ]);
  });
});
