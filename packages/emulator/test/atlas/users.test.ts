import { describe, expect, it } from "vitest";
import { GROUP, scram, USERS, useAtlas } from "./helpers.js";

const atlas = useAtlas();
const userPath = (db: string, name: string) =>
  `${USERS}/${db}/${encodeURIComponent(name).replace("%24", "$")}`;

describe("Atlas database users (docs/vendors/atlas.md §2, §3)", () => {
  it("creates with 201 and answers Atlas's shape: all type fields, arrays, groupId, a self link, no password", async () => {
    const created = await atlas.request("POST", USERS, { body: scram("app-user") });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      awsIAMType: "NONE",
      databaseName: "admin",
      groupId: GROUP,
      labels: [],
      ldapAuthType: "NONE",
      links: [{ href: `${atlas.emulator.url}${USERS}/admin/app-user`, rel: "self" }],
      oidcAuthType: "NONE",
      roles: [{ databaseName: "admin", roleName: "readWriteAnyDatabase" }],
      scopes: [],
      username: "app-user",
      x509Type: "NONE",
    });
    expect(atlas.emulator.state.atlas.hasPassword(GROUP, "admin", "app-user", "a-long-password")).toBe(true);
  });

  it("reads, patches (keeping what the body does not carry) and deletes one user by its path", async () => {
    await atlas.request("POST", USERS, { body: scram("bob", { description: "first" }) });
    const patched = await atlas.request("PATCH", userPath("admin", "bob"), {
      body: { password: "another-password" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      description: "first",
      roles: [{ roleName: "readWriteAnyDatabase" }],
    });
    expect(atlas.emulator.state.atlas.hasPassword(GROUP, "admin", "bob", "another-password")).toBe(true);
    const cleared = await atlas.request("PATCH", userPath("admin", "bob"), { body: { description: "" } });
    expect(cleared.body).not.toHaveProperty("description");
    expect((await atlas.request("GET", userPath("admin", "bob"))).body.username).toBe("bob");
    expect((await atlas.request("DELETE", userPath("admin", "bob"))).status).toBe(204);
    expect(atlas.emulator.state.atlas.users(GROUP)).toEqual([]);
  });

  it("keeps names with / , = : $ as one path segment, decoded once", async () => {
    const arn = "arn:aws:iam::123456789012:user/sales/enterprise/Dylan";
    const body = {
      databaseName: "$external",
      groupId: GROUP,
      username: arn,
      awsIAMType: "USER",
      roles: [{ roleName: "read", databaseName: "sales" }],
    };
    expect((await atlas.request("POST", USERS, { body })).status).toBe(201);
    const path = `${USERS}/$external/arn:aws:iam::123456789012:user%2Fsales%2Fenterprise%2FDylan`;
    const got = await atlas.request("GET", path);
    expect(got.body.username).toBe(arn);
    expect(got.body.links[0].href).toBe(`${atlas.emulator.url}${path}`);
    expect((await atlas.request("GET", `${USERS}/%24external/${encodeURIComponent(arn)}`)).status).toBe(200);
  });

  it("answers the not-found codes Atlas uses per method, and GROUP_NOT_FOUND for an unknown project", async () => {
    expect((await atlas.request("GET", userPath("admin", "nobody"))).body.errorCode).toBe(
      "USERNAME_NOT_FOUND",
    );
    expect((await atlas.request("PATCH", userPath("admin", "nobody"), { body: {} })).body.errorCode).toBe(
      "USERNAME_NOT_FOUND",
    );
    expect((await atlas.request("DELETE", userPath("admin", "nobody"))).body.errorCode).toBe(
      "USER_NOT_FOUND",
    );
    const other = await atlas.request("GET", "/api/atlas/v2/groups/111111111111111111111111/databaseUsers");
    expect(other.body).toMatchObject({
      error: 404,
      errorCode: "GROUP_NOT_FOUND",
      parameters: ["111111111111111111111111"],
    });
  });

  it("refuses a duplicate (databaseName, username) with 409, but allows the same name on the other database", async () => {
    await atlas.request("POST", USERS, { body: scram("managed") });
    const again = await atlas.request("POST", USERS, { body: scram("managed") });
    expect(again.status).toBe(409);
    const external = {
      databaseName: "$external",
      groupId: GROUP,
      username: "managed",
      x509Type: "MANAGED",
      roles: [{ roleName: "read", databaseName: "admin" }],
    };
    expect((await atlas.request("POST", USERS, { body: external })).status).toBe(201);
  });

  it("stops at the project's user limit with 409", async () => {
    const group = "0123456789abcdef01234567";
    atlas.emulator.state.atlas.addGroup({ id: group, users: ["one", "two"], maxUsers: 2 });
    const path = `/api/atlas/v2/groups/${group}/databaseUsers`;
    const answer = await atlas.request("POST", path, { body: scram("three", { groupId: group }) });
    expect(answer).toMatchObject({ status: 409, body: { errorCode: "DATABASE_USER_LIMIT_EXCEEDED" } });
  });

  it("refuses what the spec or the server rules refuse with 400 and the fields named", async () => {
    const short = await atlas.request("POST", USERS, { body: scram("carol", { password: "short" }) });
    expect(short.status).toBe(400);
    expect(short.body.errorCode).toBe("INVALID_ATTRIBUTE");
    expect(short.body.badRequestDetail.fields.map((f: { field: string }) => f.field)).toContain("password");
    const noRoles = await atlas.request("POST", USERS, { body: { ...scram("dave"), roles: undefined } });
    expect(noRoles.status).toBe(400);
    const ldapGroupExternal = await atlas.request("POST", USERS, {
      body: {
        databaseName: "$external",
        groupId: GROUP,
        username: "CN=g,DC=example",
        ldapAuthType: "GROUP",
        roles: [{ roleName: "read", databaseName: "admin" }],
      },
    });
    expect(ldapGroupExternal.status).toBe(400);
    expect(atlas.emulator.state.atlas.users(GROUP)).toEqual([]);
  });

  it("accepts custom role names and hyphenated SCRAM names, as the real server does", async () => {
    const body = scram("user-332", { roles: [{ roleName: "myCustomRole", databaseName: "admin" }] });
    expect((await atlas.request("POST", USERS, { body })).status).toBe(201);
  });
});

describe("Atlas resource versions (docs/vendors/atlas.md §1)", () => {
  it("serves 2023-01-01 for that date and for later ones (MongoDB's curl samples send 2025-03-12)", async () => {
    for (const accept of ["application/vnd.atlas.2023-01-01+json", "application/vnd.atlas.2025-03-12+json"]) {
      const answer = await atlas.request("GET", USERS, { headers: { accept } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/vnd.atlas.2023-01-01+json;charset=utf-8");
    }
  });

  it("answers 406 INVALID_VERSION_DATE without a versioned Accept, or with an earlier date", async () => {
    for (const accept of ["application/json", "*/*", "application/vnd.atlas.2022-12-31+json"]) {
      const answer = await atlas.request("GET", USERS, { headers: { accept }, unchecked: true });
      expect(answer).toMatchObject({ status: 406, body: { errorCode: "INVALID_VERSION_DATE" } });
    }
  });
});

describe("Atlas paging (docs/vendors/atlas.md §2.1)", () => {
  it("pages with pageNum and itemsPerPage, counts by default, and leaves totalCount out on request", async () => {
    for (let i = 0; i < 7; i++) atlas.emulator.state.atlas.addUser(GROUP, `user${i}`);
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      pages.push((await atlas.request("GET", `${USERS}?pageNum=${page}&itemsPerPage=3`)).body);
    }
    expect(pages.map((p) => p.results.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.results.map((u: { username: string }) => u.username))).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => `user${i}`),
    );
    expect(pages[0].totalCount).toBe(7);
    expect(pages[0].links.map((l: { rel: string }) => l.rel)).toEqual(["self", "next"]);
    const uncounted = await atlas.request("GET", `${USERS}?includeCount=false`);
    expect(uncounted.body).not.toHaveProperty("totalCount");
    // The spec lists no 400 for the list operation, although a bound it sets is broken here.
    const tooBig = await atlas.request("GET", `${USERS}?itemsPerPage=501`, { unchecked: true });
    expect(tooBig).toMatchObject({ status: 400, body: { errorCode: "INVALID_QUERY_PARAMETER" } });
  });
});

describe("Atlas rate limits and faults (docs/vendors/atlas.md §9)", () => {
  it("sends RateLimit headers and answers 429 with Retry-After for an injected fault", async () => {
    const ok = await atlas.request("GET", USERS);
    expect(ok.headers.get("ratelimit-limit")).toBe("10000");
    atlas.emulator.faults.inject(
      { vendor: "atlas", operationId: "listGroupDatabaseUsers", times: 1 },
      { type: "status", status: 429, retryAfter: 2 },
    );
    const limited = await atlas.request("GET", USERS, { auth: null, unchecked: true });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.body.errorCode).toBe("RATE_LIMITED_TOKEN_BUCKET");
  });
});
