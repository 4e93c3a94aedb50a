/**
 * MongoDB Atlas: what the facade knows without loading the client. A user is unique by auth
 * database and name; its auth type decides the auth database and whether it has a password
 * (docs/vendors/atlas.md §7). Atlas manages no database users of its own, so none is built in.
 */
import type { AtlasClient, AtlasClientOptions } from "@dbusers/atlas";
import type { VendorDescriptor } from "../types.js";

/** Client options, or a ready client. */
export type AtlasOptions = AtlasClientOptions | AtlasClient;

export const atlas: VendorDescriptor<AtlasOptions> = {
  capabilities: {
    vendor: "atlas",
    displayName: "MongoDB Atlas",
    targetKind: "project",
    passwords: "caller",
    rename: true,
    hosts: false,
    roles: true,
    databaseAccess: true,
    authTypes: true,
    engineSettings: false,
    asyncWrites: false,
    fields: ["authDatabase", "authType", "roles", "scopes", "labels", "description", "deleteAfterDate"],
    notes: {
      passwords: "SCRAM users only; generated with the rules unless given",
      databaseAccess: "roles on databases and collections",
      authTypes: "SCRAM, AWS IAM, X.509, LDAP, OIDC",
    },
  },
  isBuiltIn: () => false,
  load: async () => (await import("./adapter.js")).createAtlasAdapter,
};
