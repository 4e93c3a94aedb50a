import { describe, expect, it } from "vitest";
import { validateRequest } from "../../src/providers/rackspace/index.js";
import { ids, SERVER, STRICT } from "./helpers.js";

const both = (op: Parameters<typeof validateRequest>[0], body: unknown) => ({
  strict: validateRequest(op, body, STRICT),
  server: validateRequest(op, body, SERVER),
});
const rulesAt = (violations: ReturnType<typeof validateRequest>) =>
  violations.map((v) => `${v.path} ${v.rule}`);

describe("grantAccess: PUT /instances/{id}/users/{user}/databases", () => {
  it("accepts the api-ref sample", () => {
    expect(both("grantAccess", { databases: [{ name: "test" }] })).toEqual({ strict: [], server: [] });
  });
  it("refuses duplicates in both profiles and an empty list in strict", () => {
    expect(
      ids(validateRequest("grantAccess", { databases: [{ name: "db1" }, { name: "db1" }] }, SERVER)),
    ).toEqual(["rackspace.grantAccess.duplicateDatabase"]);
    expect(both("grantAccess", { databases: [] }).server).toEqual([]);
    expect(ids(both("grantAccess", { databases: [] }).strict)).toEqual([
      "rackspace.grantAccess.databasesMinItems",
    ]);
  });
  it("refuses reserved databases", () => {
    expect(rulesAt(validateRequest("grantAccess", { databases: [{ name: "mysql" }] }))).toEqual([
      "databases[0].name rackspace.databaseName.reserved",
    ]);
  });
});

describe("createDatabases: POST /instances/{id}/databases", () => {
  it("accepts the Trove api-ref sample on the server; strict wants Trove's utf8 spelling", () => {
    const body = {
      databases: [
        { character_set: "utf8mb3", collate: "utf8mb3_general_ci", name: "databaseA" },
        { name: "databaseB" },
        { name: "databaseC" },
      ],
    };
    const { strict, server } = both("createDatabases", body);
    expect(server).toEqual([]);
    expect(rulesAt(strict)).toEqual([
      "databases[0].character_set rackspace.characterSet.troveListed",
      "databases[0].collate rackspace.collation.troveListed",
    ]);
    const rackspace = {
      databases: [{ character_set: "utf8", collate: "utf8_general_ci", name: "testingdb" }],
    };
    expect(both("createDatabases", rackspace)).toEqual({ strict: [], server: [] });
  });
  it("refuses a collation of another character set, and treats utf8 and utf8mb3 as one", () => {
    const body = { databases: [{ name: "db1", character_set: "latin1", collate: "utf8mb4_bin" }] };
    expect(validateRequest("createDatabases", body, SERVER)).toEqual([
      {
        path: "databases[0].collate",
        rule: "rackspace.createDatabases.collationCharset",
        message:
          'databases[0].collate "utf8mb4_bin" is a collation of utf8mb4, not of "latin1"; Rackspace refuses the pair',
        params: { collation: "utf8mb4_bin", characterSet: "latin1", collationCharset: "utf8mb4" },
      },
    ]);
    for (const [cs, co] of [
      ["utf8", "utf8mb3_bin"],
      ["utf8mb3", "utf8_bin"],
      ["binary", "binary"],
    ])
      expect(
        validateRequest(
          "createDatabases",
          { databases: [{ name: "db1", character_set: cs, collate: co }] },
          SERVER,
        ),
      ).toEqual([]);
  });
  it("checks utf8_* collations against their set", () => {
    const body = { databases: [{ name: "db1", character_set: "latin1", collate: "utf8_bin" }] };
    expect(validateRequest("createDatabases", body, SERVER)[0]!.params).toEqual({
      collation: "utf8_bin",
      characterSet: "latin1",
      collationCharset: "utf8mb3",
    });
  });
  it("leaves unknown or mistyped names to the field rules", () => {
    const cases: [unknown, unknown, string][] = [
      ["latin9", "utf8mb4_bin", "databases[0].character_set rackspace.characterSet.known"],
      ["latin1", "utf8mb4_nope", "databases[0].collate rackspace.collation.known"],
      ["latin1", 7, "databases[0].collate rackspace.collation.type"],
      [7, "utf8mb4_bin", "databases[0].character_set rackspace.characterSet.type"],
    ];
    for (const [cs, co, only] of cases) {
      const body = { databases: [{ name: "db1", character_set: cs, collate: co }] };
      expect(rulesAt(validateRequest("createDatabases", body, SERVER))).toEqual([only]);
    }
  });
  it("compares only string names", () => {
    expect(
      ids(validateRequest("createDatabases", { databases: [{ name: 5 }, { name: 5 }] }, SERVER)),
    ).toEqual(["rackspace.databaseName.type", "rackspace.databaseName.type"]);
  });
  it("refuses the same name twice", () => {
    const body = { databases: [{ name: "db1" }, { name: "db2", character_set: "latin1" }, { name: "db1" }] };
    expect(validateRequest("createDatabases", body, SERVER)).toEqual([
      {
        path: "databases[2]",
        rule: "rackspace.createDatabases.duplicateName",
        message: 'databases[2] repeats database "db1" (first at index 0); Rackspace refuses duplicates',
        params: { firstIndex: 0, key: '"db1"' },
      },
    ]);
  });
  it("asks for one database in strict only", () => {
    expect(both("createDatabases", { databases: [] }).server).toEqual([]);
    expect(ids(both("createDatabases", { databases: [] }).strict)).toEqual([
      "rackspace.createDatabases.minItems",
    ]);
  });
});
