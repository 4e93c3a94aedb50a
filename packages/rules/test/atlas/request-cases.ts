/** The Atlas request examples and the strict/server comparison the request tests share. */
import type { AtlasContextInput, CreateUserRequest } from "../../src/providers/atlas/index.js";
import { validateRequest } from "../../src/providers/atlas/index.js";

export const G = "32b6e34b3d91647abb20e7b8";
export const base: Pick<CreateUserRequest, "roles" | "scopes" | "groupId"> = {
  roles: [
    { roleName: "readWrite", databaseName: "sales" },
    { roleName: "read", databaseName: "marketing" },
  ],
  scopes: [{ name: "myCluster", type: "CLUSTER" }],
  groupId: G,
};

/** The six SEED / SPEC request examples. */
export const SEED: Record<string, CreateUserRequest> = {
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

export const check = (op: "createUser" | "updateUser", body: unknown, ctx: AtlasContextInput = {}) => ({
  strict: validateRequest(op, body, { ...ctx, profile: "strict" }).map((v) => [v.path, v.rule]),
  server: validateRequest(op, body, { ...ctx, profile: "server" }).map((v) => [v.path, v.rule]),
});
export const ok = { strict: [], server: [] };
export type Pair = [string, string];
export const bothFail = (...pairs: Pair[]) => ({ strict: pairs, server: pairs });
export const strictFail = (...pairs: Pair[]) => ({ strict: pairs, server: [] });
