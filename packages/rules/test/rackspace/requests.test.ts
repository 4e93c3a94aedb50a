import { describe, expect, it } from "vitest";
import { validateRequest } from "../../src/providers/rackspace/index.js";
import { ids, SERVER, STRICT } from "./helpers.js";

const both = (op: Parameters<typeof validateRequest>[0], body: unknown) => ({
  strict: validateRequest(op, body, STRICT),
  server: validateRequest(op, body, SERVER),
});
const rulesAt = (violations: ReturnType<typeof validateRequest>) =>
  violations.map((v) => `${v.path} ${v.rule}`);

describe("createUsers: POST /instances/{id}/users", () => {
  it("accepts the Trove api-ref sample in both profiles", () => {
    const body = {
      users: [
        { databases: [{ name: "databaseA" }], name: "dbuser1", password: "password" },
        { databases: [{ name: "databaseB" }, { name: "databaseC" }], name: "dbuser2", password: "password" },
        { name: "dbuser3", password: "password" },
      ],
    };
    expect(both("createUsers", body)).toEqual({ strict: [], server: [] });
  });
  it("the vendor's JSON example: the legacy 'database' key is ignored by the server, refused in strict", () => {
    const body = {
      users: [
        { database: "databaseA", name: "dbuser1", password: "password" },
        {
          databases: [{ name: "databaseB" }, { name: "databaseC" }],
          host: "10.0.0.1",
          name: "dbuser2",
          password: "password",
        },
        { database: "databaseD", name: "dbuser3", password: "password" },
      ],
    };
    const { strict, server } = both("createUsers", body);
    expect(server).toEqual([]);
    expect(rulesAt(strict)).toEqual([
      "users[0].database rackspace.request.unknownKey",
      "users[2].database rackspace.request.unknownKey",
    ]);
    expect(strict[0]!.message).toContain("silently ignore");
  });
  it("reports bad fields at their paths", () => {
    const body = {
      users: [
        { name: "ok", password: "pw" },
        {
          name: "a".repeat(17),
          password: "p'w",
          host: "localhost",
          databases: [{ name: "x" }, { name: "my.db" }],
        },
      ],
    };
    expect(rulesAt(validateRequest("createUsers", body, SERVER))).toEqual([
      "users[1].name rackspace.userName.maxLength",
      "users[1].password rackspace.password.forbiddenChars",
      "users[1].host rackspace.host.ipAddress",
      "users[1].databases[0].name rackspace.databaseName.minLength",
      "users[1].databases[1].name rackspace.databaseName.chars",
    ]);
  });
  it("requires name and password, and users", () => {
    expect(rulesAt(validateRequest("createUsers", { users: [{ host: "%" }] }))).toEqual([
      "users[0].name rackspace.request.required",
      "users[0].password rackspace.request.required",
    ]);
    expect(rulesAt(validateRequest("createUsers", {}))).toEqual(["users rackspace.request.required"]);
  });
  it("accepts an empty list on the server (minItems 0) and asks for one user in strict", () => {
    const { strict, server } = both("createUsers", { users: [] });
    expect(server).toEqual([]);
    expect(strict).toEqual([
      {
        path: "users",
        rule: "rackspace.createUsers.minItems",
        message: "users is empty; Rackspace accepts an empty list and does nothing, so send at least 1 user",
        params: { min: 1, actual: 0 },
      },
    ]);
  });
  it("asks for one database when databases is given in strict (doc: 'One or more database names')", () => {
    const { strict, server } = both("createUsers", {
      users: [{ name: "u1", password: "pw", databases: [] }],
    });
    expect(server).toEqual([]);
    expect(rulesAt(strict)).toEqual(["users[0].databases rackspace.createUsers.databasesMinItems"]);
  });
  it("refuses two users with the same name and host, a missing host being %", () => {
    const body = {
      users: [
        { name: "bob", password: "pw" },
        { name: "bob", password: "pw", host: "10.0.0.1" },
        { name: "bob", password: "pw2", host: "%" },
        { name: "Bob", password: "pw" },
      ],
    };
    const violations = validateRequest("createUsers", body, SERVER);
    expect(violations).toEqual([
      {
        path: "users[2]",
        rule: "rackspace.createUsers.duplicateUser",
        message:
          'users[2] repeats user "bob"@"%" (first at index 0); Rackspace refuses two users with the same name and host',
        params: { firstIndex: 0, key: '"bob"@"%"' },
      },
    ]);
  });
  it("refuses the same database reference twice (uniqueItems), whatever the key order", () => {
    const body = {
      users: [{ name: "u1", password: "pw", databases: [{ name: "db1" }, { name: "db2" }, { name: "db1" }] }],
    };
    expect(rulesAt(validateRequest("createUsers", body, SERVER))).toEqual([
      "users[0].databases[2] rackspace.createUsers.duplicateDatabase",
    ]);
    const reordered = {
      users: [
        {
          name: "u1",
          password: "pw",
          databases: [
            { name: "d1", x: 1, y: 2 },
            { y: 2, x: 1, name: "d1" },
          ],
        },
      ],
    };
    expect(ids(validateRequest("createUsers", reordered, SERVER))).toEqual([
      "rackspace.createUsers.duplicateDatabase",
    ]);
    const different = {
      users: [{ name: "u1", password: "pw", databases: [{ name: "d1" }, { name: "d1", x: 1 }] }],
    };
    expect(validateRequest("createUsers", different, SERVER)).toEqual([]);
  });
  it("compares only users whose name and host are strings", () => {
    const body = {
      users: [
        { name: 7, password: "pw" },
        { name: 7, password: "pw" },
        { name: "amy", password: "pw", host: 7 },
        { name: "amy", password: "pw", host: 7 },
      ],
    };
    expect(rulesAt(validateRequest("createUsers", body, SERVER))).toEqual([
      "users[0].name rackspace.userName.type",
      "users[1].name rackspace.userName.type",
      "users[2].host rackspace.host.type",
      "users[3].host rackspace.host.type",
    ]);
  });
  it("refuses a body that is not an object, and users that is not an array", () => {
    expect(ids(validateRequest("createUsers", null))).toEqual(["rackspace.request.type"]);
    expect(ids(validateRequest("createUsers", { users: {} }))).toEqual(["rackspace.request.type"]);
  });
});

describe("changePasswords: PUT /instances/{id}/users", () => {
  it("accepts the api-ref sample", () => {
    const body = { users: [{ name: "new_name", password: "another_password", host: "192.168.30.98" }] };
    expect(both("changePasswords", body)).toEqual({ strict: [], server: [] });
  });
  it("validates databases on the server (users_list) and refuses them in strict (never read)", () => {
    const body = { users: [{ name: "u1", password: "pw", databases: [{ name: "db1" }] }] };
    const { strict, server } = both("changePasswords", body);
    expect(server).toEqual([]);
    expect(strict).toEqual([
      {
        path: "users[0].databases",
        rule: "rackspace.changePasswords.databasesIgnored",
        message:
          "users[0].databases is ignored when changing passwords; use grantAccess to change a user's databases",
        params: {},
      },
    ]);
    const bad = { users: [{ name: "u1", password: "pw", databases: [{ name: "d" }, { name: "d" }] }] };
    expect(rulesAt(validateRequest("changePasswords", bad, SERVER))).toEqual([
      "users[0].databases[0].name rackspace.databaseName.minLength",
      "users[0].databases[1].name rackspace.databaseName.minLength",
      "users[0].databases[1] rackspace.changePasswords.duplicateDatabase",
    ]);
  });
  it("asks for one user in strict only", () => {
    const { strict, server } = both("changePasswords", { users: [] });
    expect(server).toEqual([]);
    expect(ids(strict)).toEqual(["rackspace.changePasswords.minItems"]);
  });
});

describe("modifyUser: PUT /instances/{id}/users/{user}", () => {
  it("accepts the api-ref sample and any single attribute", () => {
    expect(
      both("modifyUser", { user: { name: "new_name", password: "new_password", host: "192.168.30.98" } }),
    ).toEqual({
      strict: [],
      server: [],
    });
    for (const user of [{ name: "n1" }, { password: "p" }, { host: "%" }])
      expect(validateRequest("modifyUser", { user })).toEqual([]);
  });
  it("refuses an empty user object (minProperties 1)", () => {
    const [v] = validateRequest("modifyUser", { user: {} }, SERVER);
    expect(v).toEqual({
      path: "user",
      rule: "rackspace.modifyUser.minProperties",
      message: "user is empty; Rackspace requires at least one of name, password, host",
      params: { min: 1, actual: 0 },
    });
    expect(ids(validateRequest("modifyUser", { user: { name: undefined } }, SERVER))).toEqual([
      "rackspace.modifyUser.minProperties",
    ]);
  });
  it("counts an unknown key for minProperties on the server, as the schema does", () => {
    const { strict, server } = both("modifyUser", { user: { nickname: "x" } });
    expect(server).toEqual([]);
    expect(rulesAt(strict)).toEqual(["user.nickname rackspace.request.unknownKey"]);
  });
  it('refuses host "" (400)', () => {
    expect(rulesAt(validateRequest("modifyUser", { user: { host: "" } }))).toEqual([
      "user.host rackspace.host.minLength",
    ]);
  });
});
