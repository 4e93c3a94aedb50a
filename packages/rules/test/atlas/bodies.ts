/** Valid CloudDatabaseUser bodies for every auth type, shared by the request and JSON Schema tests. */

import type { AtlasAuthType } from "../../src/providers/atlas/index.js";
import { fc } from "../support/fc.js";
import * as A from "./arbitraries.js";
import { NOW } from "./helpers.js";

export const TYPE_FIELDS: Record<AtlasAuthType, Record<string, string>> = {
  SCRAM: {},
  AWS_IAM_USER: { awsIAMType: "USER" },
  AWS_IAM_ROLE: { awsIAMType: "ROLE" },
  X509_MANAGED: { x509Type: "MANAGED" },
  X509_CUSTOMER: { x509Type: "CUSTOMER" },
  LDAP_USER: { ldapAuthType: "USER" },
  LDAP_GROUP: { ldapAuthType: "GROUP" },
  OIDC_WORKFORCE: { oidcAuthType: "IDP_GROUP" },
  OIDC_WORKLOAD: { oidcAuthType: "USER" },
};
const EXTERNAL = [
  "AWS_IAM_USER",
  "AWS_IAM_ROLE",
  "X509_MANAGED",
  "X509_CUSTOMER",
  "LDAP_USER",
  "OIDC_WORKLOAD",
];
export const authDb = (t: AtlasAuthType) => (EXTERNAL.includes(t) ? "$external" : "admin");

const role = fc.oneof(
  fc.record(
    {
      roleName: fc.constantFrom("read", "readWrite", "dbAdmin"),
      databaseName: A.dbName,
      collectionName: A.collection,
    },
    { requiredKeys: ["roleName", "databaseName"] },
  ),
  fc.record({
    roleName: fc.constantFrom("atlasAdmin", "readAnyDatabase", "backup", "clusterMonitor"),
    databaseName: fc.constant("admin"),
  }),
);
const roleKey = (r: { roleName: string; databaseName: string; collectionName?: string }) =>
  JSON.stringify([r.roleName, r.databaseName, r.collectionName ?? null]);
const roles = fc.uniqueArray(role, { minLength: 1, maxLength: 4, selector: roleKey });
const scopes = fc.uniqueArray(
  fc.record({ name: A.scopeName, type: fc.constantFrom("CLUSTER", "DATA_LAKE", "STREAM") }),
  { maxLength: 3, selector: (s) => `${s.type}/${s.name}` },
);
const labels = fc.array(fc.record({ key: A.bmpText(1, 20), value: A.bmpText(1, 20) }), { maxLength: 3 });
const deleteAfter = fc
  .integer({ min: 1, max: 7 * 86_400_000 })
  .map((d) => new Date(NOW.getTime() + d).toISOString());

/** A createUser body every profile accepts, with its auth type. */
export const validBody = A.authType.chain((t) =>
  fc
    .record(
      {
        username: A.validUserName[t],
        groupId: A.groupIdStrict,
        roles,
        password: A.validPassword,
        scopes,
        labels,
        description: A.bmpText(0, 100),
        deleteAfterDate: deleteAfter,
        noneFields: fc.subarray(["awsIAMType", "x509Type", "ldapAuthType", "oidcAuthType"]),
      },
      { requiredKeys: ["username", "groupId", "roles", "password", "noneFields"] },
    )
    .map(({ noneFields, password, ...rest }) => {
      const body: Record<string, unknown> = { ...rest, databaseName: authDb(t) };
      for (const f of noneFields) body[f] = "NONE";
      Object.assign(body, TYPE_FIELDS[t]);
      if (t === "SCRAM") body.password = password;
      return { t, body };
    }),
);
