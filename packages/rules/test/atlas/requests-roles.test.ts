import { describe, expect, it } from "vitest";
import { validateRequest } from "../../src/providers/atlas/index.js";
import { bothFail, check, ok, SEED, strictFail } from "./request-cases.js";

describe("atlas createUser: roles and namespaces", () => {
  it("roles: non-empty, item paths, cluster-wide roles on admin, duplicates, custom role alone", () => {
    expect(check("createUser", { ...SEED.scram, roles: [] })).toEqual(
      bothFail(["roles", "atlas.createUser.rolesMinItems"]),
    );
    expect(validateRequest("createUser", { ...SEED.scram, roles: [] })[0]!.message).toBe(
      "roles has 0 roles; MongoDB Atlas requires at least 1",
    );
    const roles = [
      { roleName: "read", databaseName: "admin", collectionName: "stir" },
      { roleName: "readWriteAnyDatabase", databaseName: "sales" },
      { roleName: "read", databaseName: "admin", collectionName: "stir" },
      { roleName: 7, databaseName: "x" },
      { roleName: "read", databaseName: "x", collectionName: "system.js", role: "x" },
    ];
    expect(check("createUser", { ...SEED.scram, roles })).toEqual({
      strict: [
        ["roles[1].databaseName", "atlas.createUser.clusterRoleOnAdmin"],
        ["roles[2]", "atlas.createUser.duplicateRole"],
        ["roles[3].roleName", "atlas.roleName.type"],
        ["roles[4].collectionName", "atlas.collectionName.systemPrefix"],
        ["roles[4].role", "atlas.request.unknownKey"],
      ],
      server: [["roles[3].roleName", "atlas.roleName.type"]],
    });
    const [cluster] = validateRequest("createUser", { ...SEED.scram, roles: [roles[1]] });
    expect(cluster!.message).toBe(
      'roles[0].databaseName is "sales", but readWriteAnyDatabase is a cluster-wide role granted on "admin" in MongoDB Atlas',
    );
    const custom = [
      { roleName: "myCustomRole", databaseName: "admin" },
      { roleName: "read", databaseName: "x" },
    ];
    expect(check("createUser", { ...SEED.scram, roles: custom })).toEqual(
      strictFail(["roles", "atlas.createUser.customRoleAlone"]),
    );
    expect(check("createUser", { ...SEED.scram, roles: [custom[0]] })).toEqual(ok);
    const [c] = validateRequest("createUser", { ...SEED.scram, roles: custom });
    expect(c!.params).toEqual({ customRole: "myCustomRole", count: 2 });
  });

  it("every built-in role is built in; the cluster-wide ones need admin", () => {
    const builtIns = [
      "atlasAdmin",
      "backup",
      "clusterMonitor",
      "dbAdmin",
      "dbAdminAnyDatabase",
      "enableSharding",
      "read",
      "readAnyDatabase",
      "readWrite",
      "readWriteAnyDatabase",
    ].map((roleName) => ({ roleName, databaseName: "admin" }));
    expect(check("createUser", { ...SEED.scram, roles: builtIns })).toEqual(ok);
    for (const { roleName } of builtIns) {
      const cluster = !["dbAdmin", "read", "readWrite"].includes(roleName);
      expect(check("createUser", { ...SEED.scram, roles: [{ roleName, databaseName: "sales" }] })).toEqual(
        cluster ? strictFail(["roles[0].databaseName", "atlas.createUser.clusterRoleOnAdmin"]) : ok,
      );
    }
    expect(
      check("createUser", { ...SEED.scram, roles: [{ roleName: "atlasAdmin", databaseName: 3 }] }),
    ).toEqual(bothFail(["roles[0].databaseName", "atlas.roleDatabaseName.type"]));
  });

  it("messages of the role and scope rules", () => {
    const msg = (body: object) =>
      validateRequest("createUser", { ...SEED.scram, ...body }).map((v) => v.message);
    const read = { roleName: "read", databaseName: "a" };
    expect(msg({ roles: [read, read] })).toEqual(["roles[1] repeats the role of roles[0]"]);
    const scope = { name: "c", type: "CLUSTER" };
    expect(msg({ scopes: [scope, scope] })).toEqual(["scopes[1] repeats scopes[0]"]);
    expect(msg({ scopes: [{ name: "c", type: "LAKE" }] })).toEqual([
      "scopes[0].type must be one of CLUSTER, DATA_LAKE, STREAM on MongoDB Atlas",
    ]);
    expect(msg({ roles: [read, { roleName: "auditor", databaseName: "a" }] })).toEqual([
      'roles has 2 roles, but "auditor" is a custom role and MongoDB Atlas allows only that one',
    ]);
  });

  it("role checks skip what the type rules already report", () => {
    const roles = [null, { roleName: "auditor", databaseName: "a" }, "x"];
    expect(check("createUser", { ...SEED.scram, roles })).toEqual({
      strict: [
        ["roles[0]", "atlas.request.type"],
        ["roles[2]", "atlas.request.type"],
        ["roles", "atlas.createUser.customRoleAlone"],
      ],
      server: [
        ["roles[0]", "atlas.request.type"],
        ["roles[2]", "atlas.request.type"],
      ],
    });
    const long = "c".repeat(300);
    expect(
      check("createUser", {
        ...SEED.scram,
        roles: [{ roleName: "read", databaseName: 3, collectionName: "c" }],
      }),
    ).toEqual(bothFail(["roles[0].databaseName", "atlas.roleDatabaseName.type"]));
    expect(
      check("createUser", {
        ...SEED.scram,
        roles: [{ roleName: "read", databaseName: 3, collectionName: long }],
      }).server,
    ).toEqual([["roles[0].databaseName", "atlas.roleDatabaseName.type"]]);
    expect(
      check("createUser", {
        ...SEED.scram,
        roles: [{ roleName: "read", databaseName: long, collectionName: 3 }],
      }).strict,
    ).toEqual([
      ["roles[0].databaseName", "atlas.roleDatabaseName.maxBytes"],
      ["roles[0].collectionName", "atlas.collectionName.type"],
    ]);
    expect(
      check("createUser", { ...SEED.scram, scopes: [null, { name: "c" }, { name: "c" }] }).server,
    ).toEqual([
      ["scopes[0]", "atlas.request.type"],
      ["scopes[1].type", "atlas.request.required"],
      ["scopes[2].type", "atlas.request.required"],
    ]);
  });

  it("namespace database.collection ≤ 255 bytes (strict)", () => {
    const role = (n: number) => [
      { roleName: "read", databaseName: "d".repeat(63), collectionName: "c".repeat(n) },
    ];
    expect(check("createUser", { ...SEED.scram, roles: role(191) })).toEqual(ok);
    expect(check("createUser", { ...SEED.scram, roles: role(192) })).toEqual(
      strictFail(["roles[0].collectionName", "atlas.createUser.roleNamespaceLength"]),
    );
    const [v] = validateRequest("createUser", { ...SEED.scram, roles: role(192) });
    expect(v!.params).toEqual({ actual: 256, max: 255 });
    expect(v!.message).toContain("256 bytes; MongoDB allows at most 255");
  });
});
