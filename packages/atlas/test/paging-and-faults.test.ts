import { describe, expect, it } from "vitest";
import { scram, useEmulator } from "./support/emulator.js";

const h = useEmulator();

describe("paging (docs/vendors/atlas.md §2.1)", () => {
  it("listUsers returns every user of the project exactly once, across pages", async () => {
    const groupId = "0f1e2d3c4b5a69788796a5b4";
    const names = Array.from({ length: 23 }, (_, i) => `pageduser${i}`);
    h.emulator.state.atlas.addGroup({ id: groupId, users: names });
    for (const kind of ["digest", "serviceAccount"] as const) {
      h.emulator.state.clearRequests();
      const users = await h.client(kind).listUsers(groupId, { itemsPerPage: 5 });
      expect(users.map((u) => u.username).sort()).toEqual([...names].sort());
      const pages = h.sent().filter((r) => r.operationId === "listGroupDatabaseUsers" && r.status === 200);
      expect(pages.map((p) => new URLSearchParams(p.query).get("pageNum"))).toEqual([
        "1",
        "2",
        "3",
        "4",
        "5",
      ]);
    }
  });

  it("stops after a full last page with one empty page, and listUsersPage reports totalCount", async () => {
    const groupId = "1f1e2d3c4b5a69788796a5b4";
    h.emulator.state.atlas.addGroup({ id: groupId, users: ["a1", "a2", "a3", "a4"] });
    const client = h.client("serviceAccount");
    expect(await client.listUsers(groupId, { itemsPerPage: 2 })).toHaveLength(4);
    const page = await client.listUsersPage(groupId, { pageNum: 2, itemsPerPage: 3 });
    expect(page).toEqual({ results: [expect.objectContaining({ username: "a4" })], totalCount: 4 });
    const uncounted = await client.listUsersPage(groupId, { includeCount: false });
    expect(uncounted).not.toHaveProperty("totalCount");
  });
});

describe("retries under injected faults", () => {
  it.each(["digest", "serviceAccount"] as const)(
    "no POST is sent twice (%s), whatever fails",
    async (kind) => {
      const client = h.client(kind);
      const faults = [
        { when: "before", fault: { type: "status", status: 503 } },
        { when: "before", fault: { type: "status", status: 429, retryAfter: 1 } },
        { when: "before", fault: { type: "drop" } },
        { when: "after", fault: { type: "status", status: 500 } },
        { when: "after", fault: { type: "drop" } },
      ] as const;
      for (const { when, fault } of faults) {
        const name = h.uniqueName();
        h.emulator.faults.clear();
        h.emulator.state.clearRequests();
        // The Digest probe is not signed; the fault hits the request that carries the body.
        h.emulator.faults.inject(
          { vendor: "atlas", operationId: "createGroupDatabaseUser", when, times: kind === "digest" ? 2 : 1 },
          fault,
        );
        await expect(client.createUser(h.groupId, scram(name))).rejects.toMatchObject({
          name: expect.stringMatching(/Error$/),
        });
        const withBody = h
          .sent()
          .filter(
            (r) =>
              r.method === "POST" &&
              r.headers["content-length"] !== "0" &&
              r.operationId === "createGroupDatabaseUser",
          );
        expect(withBody.length, `${when} ${fault.type}`).toBeLessThanOrEqual(1);
      }
    },
  );

  it("a GET is retried after 503 and after 429 with Retry-After", async () => {
    const client = h.client("serviceAccount");
    h.emulator.faults.inject(
      { vendor: "atlas", operationId: "listGroupDatabaseUsers", times: 1 },
      { type: "status", status: 503 },
    );
    h.emulator.faults.inject(
      { vendor: "atlas", operationId: "listGroupDatabaseUsers", times: 1 },
      { type: "status", status: 429, retryAfter: 1 },
    );
    await expect(client.listUsersPage(h.groupId)).resolves.toHaveProperty("results");
    const statuses = h
      .sent()
      .filter((r) => r.operationId === "listGroupDatabaseUsers")
      .map((r) => r.status);
    expect(statuses).toEqual([503, 429, 200]);
  });

  it("a 429 the caller gets carries retryAfterMs and is retryable, even for a POST", async () => {
    const client = h.client("serviceAccount", { retry: false });
    h.emulator.faults.inject(
      { vendor: "atlas", operationId: "createGroupDatabaseUser", times: 1 },
      { type: "status", status: 429, retryAfter: 7 },
    );
    const error = await client.createUser(h.groupId, scram(h.uniqueName())).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMITED", retryable: true, retryAfterMs: 7000 });
  });
});
