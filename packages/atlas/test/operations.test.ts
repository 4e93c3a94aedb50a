import { describe, expect, it } from "vitest";
import { ATLAS_MEDIA_TYPE, AtlasApiError, isAtlasErrorCode } from "../src/index.js";
import { AUTH_KINDS, scram, useEmulator } from "./support/emulator.js";

const h = useEmulator();

describe.each(AUTH_KINDS)("every operation with %s auth", (kind) => {
  it("creates, reads, lists, patches and deletes a SCRAM user", async () => {
    const client = h.client(kind);
    const name = h.uniqueName();
    const created = await client.createUser(h.groupId, scram(name));
    expect(created).toMatchObject({ username: name, databaseName: "admin", groupId: h.groupId });
    expect(created).not.toHaveProperty("password");
    expect(await client.getUser(h.groupId, "admin", name)).toMatchObject({ username: name });
    expect((await client.listUsers(h.groupId)).map((u) => u.username)).toContain(name);
    const patched = await client.updateUser(h.groupId, "admin", name, { description: "reporting" });
    expect(patched).toMatchObject({ description: "reporting", roles: created.roles });
    await client.deleteUser(h.groupId, "admin", name);
    const gone = await client.getUser(h.groupId, "admin", name).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(AtlasApiError);
    expect(gone).toMatchObject({ status: 404, code: "NOT_FOUND", errorCode: "USERNAME_NOT_FOUND" });
    await client.close();
  });

  it("sends the resource version as Accept and as the body's Content-Type, never plain JSON", async () => {
    const client = h.client(kind);
    const name = h.uniqueName();
    await client.createUser(h.groupId, scram(name));
    await client.getUser(h.groupId, "admin", name);
    const calls = h.sent().filter((r) => r.operationId !== undefined && !r.operationId.startsWith("oauth"));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.headers.accept).toBe(ATLAS_MEDIA_TYPE);
    for (const call of calls.filter((c) => c.method === "POST" && c.headers["content-length"] !== "0")) {
      expect(call.headers["content-type"]).toBe(ATLAS_MEDIA_TYPE);
    }
    await client.close();
  });
});

describe("the body says the auth type, so the caller says it once", () => {
  it("fills $external for an AWS IAM user, and the groupId from the path", async () => {
    const client = h.client("serviceAccount");
    const arn = `arn:aws:iam::123456789012:role/${h.uniqueName("app")}`;
    const user = await client.createUser(h.groupId, {
      username: arn,
      awsIAMType: "ROLE",
      roles: [{ roleName: "read", databaseName: "sales" }],
    });
    expect(user).toMatchObject({ databaseName: "$external", awsIAMType: "ROLE", groupId: h.groupId });
    const sent = h.sent().find((r) => r.operationId === "createGroupDatabaseUser" && r.status === 201);
    expect(sent?.body).toMatchObject({ databaseName: "$external", groupId: h.groupId });
    expect(sent?.path).toBe(`/api/atlas/v2/groups/${h.groupId}/databaseUsers`);
    await client.deleteUser(h.groupId, "$external", arn);
  });

  it.each([
    [
      "an LDAP group",
      { ldapAuthType: "GROUP", username: "CN=analysts,OU=groups,DC=example,DC=org" },
      "admin",
    ],
    [
      "an OIDC workforce group",
      { oidcAuthType: "IDP_GROUP", username: "0a1b2c3d4e5f6a7b8c9d0e1f/analysts" },
      "admin",
    ],
    [
      "an OIDC workload user",
      { oidcAuthType: "USER", username: "0a1b2c3d4e5f6a7b8c9d0e1f/job" },
      "$external",
    ],
    [
      "an X.509 customer user",
      { x509Type: "CUSTOMER", username: "CN=job,OU=apps,DC=example,DC=org" },
      "$external",
    ],
  ] as const)("fills the auth database of %s", async (_what, fields, database) => {
    const client = h.client("serviceAccount");
    const user = await client.createUser(h.groupId, {
      ...fields,
      roles: [{ roleName: "read", databaseName: "admin" }],
    });
    expect(user.databaseName).toBe(database);
    await client.deleteUser(h.groupId, database, fields.username);
  });
});

describe("errors", () => {
  it("a duplicate is a 409 AtlasApiError; missing users read as not found under every code", async () => {
    const client = h.client("serviceAccount");
    const name = h.uniqueName();
    await client.createUser(h.groupId, scram(name));
    const duplicate = await client.createUser(h.groupId, scram(name)).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ status: 409, code: "CONFLICT", retryable: false });
    const missing = await client.deleteUser(h.groupId, "admin", "nobody-here").catch((e: unknown) => e);
    expect(missing).toMatchObject({ errorCode: "USER_NOT_FOUND", isNotFound: true });
    expect(isAtlasErrorCode(missing, "USERNAME_NOT_FOUND")).toBe(true);
    expect(isAtlasErrorCode(missing, "RESOURCE_NOT_FOUND")).toBe(true);
    expect(isAtlasErrorCode(missing, "GROUP_NOT_FOUND")).toBe(false);
    await client.close();
  });

  it("an unknown project is GROUP_NOT_FOUND with its parameters", async () => {
    const client = h.client("digest");
    const error = await client.listUsersPage("111111111111111111111111").catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: "GROUP_NOT_FOUND", parameters: ["111111111111111111111111"] });
  });

  it("the server's refusal keeps badRequestDetail (validation off)", async () => {
    const client = h.client("digest", { validate: false });
    const error = await client
      .createUser(h.groupId, { ...scram(h.uniqueName()), password: "short" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, errorCode: "INVALID_ATTRIBUTE" });
    expect((error as AtlasApiError).badRequestDetail?.fields.map((f) => f.field)).toContain("password");
  });
});
