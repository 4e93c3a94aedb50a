import { describe, expect, it } from "vitest";
import { bothFail, check, G, ok } from "./request-cases.js";

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
