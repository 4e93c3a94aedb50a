import { describe, expect, it } from "vitest";
import {
  type AtlasContextInput,
  atlasAuthTypeOf,
  type CreateUserRequest,
  validateRequest,
} from "../../src/providers/atlas/index.js";
import { NOW } from "./helpers.js";

const G = "32b6e34b3d91647abb20e7b8";
const base: Pick<CreateUserRequest, "roles" | "scopes" | "groupId"> = {
  roles: [
    { roleName: "readWrite", databaseName: "sales" },
    { roleName: "read", databaseName: "marketing" },
  ],
  scopes: [{ name: "myCluster", type: "CLUSTER" }],
  groupId: G,
};

/** The six SEED / SPEC request examples. */
const SEED: Record<string, CreateUserRequest> = {
  aws: {
    ...base,
    username: "arn:aws:iam::358363220050:user/mongodb-aws-iam-auth-test-user",
    awsIAMType: "USER",
    databaseName: "$external",
  },
  ldap: {
    ...base,
    username: "CN=marketing,OU=groups,DC=example,DC=com",
    databaseName: "admin",
    ldapAuthType: "GROUP",
  },
  workforce: {
    ...base,
    username: "5dd7496c7a3e5a648454341c/sales",
    databaseName: "admin",
    oidcAuthType: "IDP_GROUP",
  },
  workload: {
    ...base,
    username: "5dd7496c7a3e5a648454341c/sales",
    databaseName: "$external",
    oidcAuthType: "USER",
  },
  scram: { ...base, password: "changeme123", username: "david", databaseName: "admin" },
  x509: {
    ...base,
    username: "CN=david@example.com,OU=users,DC=example,DC=com",
    x509Type: "CUSTOMER",
    databaseName: "$external",
  },
};

const check = (op: "createUser" | "updateUser", body: unknown, ctx: AtlasContextInput = {}) => ({
  strict: validateRequest(op, body, { ...ctx, profile: "strict" }).map((v) => [v.path, v.rule]),
  server: validateRequest(op, body, { ...ctx, profile: "server" }).map((v) => [v.path, v.rule]),
});
const ok = { strict: [], server: [] };
type Pair = [string, string];
const bothFail = (...pairs: Pair[]) => ({ strict: pairs, server: pairs });
const strictFail = (...pairs: Pair[]) => ({ strict: pairs, server: [] });

describe("atlas createUser", () => {
  it.each(Object.keys(SEED))("the SEED %s example is valid", (name) => {
    expect(check("createUser", SEED[name])).toEqual(ok);
  });

  it("derives the auth type from the body, not from the context", () => {
    expect(atlasAuthTypeOf(SEED.ldap)).toBe("LDAP_GROUP");
    expect(check("createUser", SEED.scram, { authType: "X509_CUSTOMER" })).toEqual(ok);
    expect(check("createUser", SEED.x509, { authType: "SCRAM" })).toEqual(ok);
  });

  it("requires databaseName, groupId, roles, username, and a password for SCRAM", () => {
    const missing = ["databaseName", "groupId", "roles", "username"].map(
      (k): Pair => [k, "atlas.request.required"],
    );
    expect(check("createUser", {})).toEqual(
      bothFail(...missing, ["password", "atlas.createUser.passwordRequired"]),
    );
    const { password: _, ...noPassword } = SEED.scram!;
    expect(check("createUser", noPassword)).toEqual(
      bothFail(["password", "atlas.createUser.passwordRequired"]),
    );
    expect(check("createUser", { ...noPassword, x509Type: "NONE" })).toEqual(
      bothFail(["password", "atlas.createUser.passwordRequired"]),
    );
    expect(check("updateUser", noPassword)).toEqual(ok);
    expect(validateRequest("createUser", noPassword)[0]!.message).toBe(
      "password is required by MongoDB Atlas for SCRAM users (all four auth type fields NONE)",
    );
    expect(validateRequest("createUser", { ...noPassword, password: undefined }).map((v) => v.rule)).toEqual([
      "atlas.createUser.passwordRequired",
    ]);
  });

  it("refuses a password for other auth types (both profiles)", () => {
    for (const name of ["aws", "ldap", "workforce", "workload", "x509"]) {
      expect(check("createUser", { ...SEED[name], password: "changeme123" })).toEqual(
        bothFail(["password", "atlas.createUser.passwordNotAllowed"]),
      );
    }
    const [v] = validateRequest("createUser", { ...SEED.x509, password: "changeme123" });
    expect(v!.message).toBe(
      "password is only for SCRAM users; MongoDB Atlas users of other auth types have no password",
    );
  });

  it("at most one auth type field is not NONE", () => {
    const body = { ...SEED.x509, ldapAuthType: "USER", oidcAuthType: "NONE", awsIAMType: "NONE" };
    expect(check("createUser", body)).toEqual(bothFail(["ldapAuthType", "atlas.createUser.oneAuthType"]));
    const [v] = validateRequest("createUser", { ...body, oidcAuthType: "USER" });
    expect(v!.message).toBe(
      "ldapAuthType selects a second auth method; x509Type already does, and MongoDB Atlas allows one",
    );
    expect(v!.params).toEqual({ first: "x509Type" });
    expect(
      check("createUser", { ...SEED.scram, awsIAMType: "NONE", x509Type: "NONE", ldapAuthType: "NONE" }),
    ).toEqual(ok);
  });

  it("auth database per type: LDAP group on $external and OIDC Workload on admin are refused", () => {
    expect(check("createUser", { ...SEED.ldap, databaseName: "$external" })).toEqual(
      bothFail(["databaseName", "atlas.databaseName.authDatabase"]),
    );
    expect(check("createUser", { ...SEED.workload, databaseName: "admin" })).toEqual(
      bothFail(["databaseName", "atlas.databaseName.authDatabase"]),
    );
    expect(check("createUser", { ...SEED.scram, databaseName: "$external" })).toEqual(
      bothFail(["databaseName", "atlas.databaseName.authDatabase"]),
    );
  });

  it("username format follows the body's auth type", () => {
    expect(check("createUser", { ...SEED.x509, username: "OU=x" })).toEqual(
      strictFail(["username", "atlas.username.commonName"]),
    );
    expect(check("createUser", { ...SEED.aws, username: "arn:aws:iam::358363220050:role/r" })).toEqual(
      strictFail(["username", "atlas.username.iamUserArn"]),
    );
    expect(check("createUser", { ...SEED.scram, username: "user_332" })).toEqual(
      strictFail(["username", "atlas.username.alphanumeric"]),
    );
  });

  it("enums of the type fields and scope types", () => {
    expect(check("createUser", { ...SEED.scram, awsIAMType: "GROUP" })).toEqual(
      bothFail(["awsIAMType", "atlas.createUser.awsIAMTypeEnum"]),
    );
    expect(check("createUser", { ...SEED.scram, x509Type: "SELF" })).toEqual(
      bothFail(["x509Type", "atlas.createUser.x509TypeEnum"]),
    );
    expect(check("createUser", { ...SEED.scram, ldapAuthType: "none" })).toEqual(
      bothFail(["ldapAuthType", "atlas.createUser.ldapAuthTypeEnum"]),
    );
    expect(check("createUser", { ...SEED.scram, oidcAuthType: "WORKFORCE" })).toEqual(
      bothFail(["oidcAuthType", "atlas.createUser.oidcAuthTypeEnum"]),
    );
    const [v] = validateRequest("createUser", { ...SEED.scram, awsIAMType: "GROUP" });
    expect(v!.message).toBe("awsIAMType must be one of NONE, USER, ROLE on MongoDB Atlas");
    const scopes = [
      { name: "myCluster", type: "CLUSTER" },
      { name: "lake", type: "DATA_LAKE" },
      { name: "s", type: "STREAM" },
      { name: "x", type: "cluster" },
    ];
    expect(check("createUser", { ...SEED.scram, scopes })).toEqual(
      bothFail(["scopes[3].type", "atlas.createUser.scopeTypeEnum"]),
    );
  });

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

  it("scopes: pattern, duplicates (same name with two types is fine)", () => {
    const scopes = [
      { name: "c1", type: "CLUSTER" },
      { name: "c1", type: "DATA_LAKE" },
      { name: "c1", type: "CLUSTER" },
      { name: "-bad", type: "STREAM" },
      { name: "c2" },
    ];
    expect(check("createUser", { ...SEED.scram, scopes })).toEqual({
      strict: [
        ["scopes[2]", "atlas.createUser.duplicateScope"],
        ["scopes[3].name", "atlas.scopeName.pattern"],
        ["scopes[4].type", "atlas.request.required"],
      ],
      server: [
        ["scopes[3].name", "atlas.scopeName.pattern"],
        ["scopes[4].type", "atlas.request.required"],
      ],
    });
    const duplicate = validateRequest("createUser", { ...SEED.scram, scopes }).find(
      (v) => v.rule === "atlas.createUser.duplicateScope",
    );
    // The scope's identity, type then name, as a JSON array.
    expect(duplicate?.params).toEqual({ firstIndex: 0, key: '["CLUSTER","c1"]' });
  });

  it("labels: key and value 1..255, both present in strict", () => {
    const labels = [{ key: "team", value: "payments" }, { key: "", value: "v" }, { key: "k" }, {}];
    expect(check("createUser", { ...SEED.scram, labels })).toEqual({
      strict: [
        ["labels[1].key", "atlas.labelKey.minLength"],
        ["labels[2].value", "atlas.createUser.labelIncomplete"],
        ["labels[3].key", "atlas.createUser.labelIncomplete"],
        ["labels[3].value", "atlas.createUser.labelIncomplete"],
      ],
      server: [["labels[1].key", "atlas.labelKey.minLength"]],
    });
    expect(validateRequest("createUser", { ...SEED.scram, labels: [{ key: "k" }] })[0]!.message).toBe(
      "labels[0].value is missing; a MongoDB Atlas label needs both key and value",
    );
  });

  it("unknown keys and readOnly links: refused in strict, ignored on the server", () => {
    const body = {
      ...SEED.scram,
      links: [{ href: "https://cloud.mongodb.com/api/atlas", rel: "self" }],
      extra: 1,
    };
    expect(check("createUser", body)).toEqual(
      strictFail(["links", "atlas.request.unknownKey"], ["extra", "atlas.request.unknownKey"]),
    );
  });

  it("description, deleteAfterDate and groupId inside the body", () => {
    const body = {
      ...SEED.scram,
      description: "d".repeat(101),
      deleteAfterDate: "2026-08-18T00:00:00Z",
      groupId: "ABC",
    };
    expect(check("createUser", body, { now: NOW })).toEqual({
      strict: [
        ["deleteAfterDate", "atlas.deleteAfterDate.withinOneWeek"],
        ["description", "atlas.description.maxLength"],
        ["description", "atlas.description.maxUtf16Units"],
        ["groupId", "atlas.groupId.objectId"],
        ["groupId", "atlas.groupId.lowercase"],
      ],
      server: [
        ["deleteAfterDate", "atlas.deleteAfterDate.withinOneWeek"],
        ["description", "atlas.description.maxLength"],
        ["groupId", "atlas.groupId.objectId"],
      ],
    });
  });

  it("non-object bodies", () => {
    for (const body of [null, [], "x", 1, undefined]) {
      expect(validateRequest("createUser", body).map((v) => [v.path, v.rule])).toEqual([
        ["", "atlas.request.type"],
      ]);
    }
    expect(validateRequest("nope" as never, {}).map((v) => v.rule)).toEqual(["atlas.operation.unknown"]);
  });
});

describe("atlas updateUser (PATCH)", () => {
  it("is partial: the CLI's update-only-password body and an empty body pass", () => {
    const onlyPassword = {
      groupId: G,
      username: "david",
      password: "n3wPassword",
      databaseName: "admin",
      x509Type: "NONE",
    };
    expect(check("updateUser", onlyPassword)).toEqual(ok);
    expect(check("updateUser", {})).toEqual(ok);
    expect(check("updateUser", { description: "" })).toEqual(ok);
    expect(check("updateUser", { roles: [] })).toEqual(bothFail(["roles", "atlas.updateUser.rolesMinItems"]));
  });

  it("keeps the context's auth type when the body names none", () => {
    const body = { username: "CN=renamed,OU=x", databaseName: "$external" };
    expect(check("updateUser", body, { authType: "X509_CUSTOMER" })).toEqual(ok);
    expect(check("updateUser", body)).toEqual({
      strict: [
        ["databaseName", "atlas.databaseName.authDatabase"],
        ["username", "atlas.username.alphanumeric"],
      ],
      server: [["databaseName", "atlas.databaseName.authDatabase"]],
    });
    expect(check("updateUser", { password: "abcdefgh" }, { authType: "LDAP_USER" })).toEqual(
      bothFail(["password", "atlas.updateUser.passwordNotAllowed"]),
    );
  });

  it("an explicit NONE on the user's own type field means SCRAM; another NONE changes nothing", () => {
    expect(
      check("updateUser", { x509Type: "NONE", password: "abcdefgh" }, { authType: "X509_MANAGED" }),
    ).toEqual(ok);
    expect(
      check("updateUser", { ldapAuthType: "NONE", password: "abcdefgh" }, { authType: "X509_MANAGED" }),
    ).toEqual(bothFail(["password", "atlas.updateUser.passwordNotAllowed"]));
    expect(
      check("updateUser", { oidcAuthType: "USER", databaseName: "$external" }, { authType: "SCRAM" }),
    ).toEqual(ok);
  });

  it.each([
    ["AWS_IAM_USER", "awsIAMType"],
    ["AWS_IAM_ROLE", "awsIAMType"],
    ["X509_MANAGED", "x509Type"],
    ["X509_CUSTOMER", "x509Type"],
    ["LDAP_USER", "ldapAuthType"],
    ["LDAP_GROUP", "ldapAuthType"],
    ["OIDC_WORKFORCE", "oidcAuthType"],
    ["OIDC_WORKLOAD", "oidcAuthType"],
  ] as const)("%s: NONE on %s turns the PATCH into SCRAM", (authType, own) => {
    expect(check("updateUser", { [own]: "NONE", password: "abcdefgh" }, { authType })).toEqual(ok);
    const other = own === "x509Type" ? "ldapAuthType" : "x509Type";
    expect(check("updateUser", { [other]: "NONE", password: "abcdefgh" }, { authType })).toEqual(
      bothFail(["password", "atlas.updateUser.passwordNotAllowed"]),
    );
  });

  it("uses its own rule ids", () => {
    const body = {
      awsIAMType: "USER",
      x509Type: "MANAGED",
      roles: [
        { roleName: "read", databaseName: "a" },
        { roleName: "read", databaseName: "a" },
      ],
    };
    expect(check("updateUser", body).strict).toEqual([
      ["roles[1]", "atlas.updateUser.duplicateRole"],
      ["x509Type", "atlas.updateUser.oneAuthType"],
    ]);
  });
});
