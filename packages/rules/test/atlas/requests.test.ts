import { describe, expect, it } from "vitest";
import { atlasAuthTypeOf, validateRequest } from "../../src/providers/atlas/index.js";
import { bothFail, check, ok, type Pair, SEED, strictFail } from "./request-cases.js";

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
});
