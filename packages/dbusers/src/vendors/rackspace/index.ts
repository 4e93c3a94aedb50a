/**
 * Rackspace Cloud Databases (OpenStack Trove v1.0): what the facade knows without loading the
 * client. Users are `name@host`; the caller chooses passwords; writes are answered with 202 and
 * applied later (docs/vendors/rackspace.md §1.1, §3); `root` and `os_admin` are Trove's own (§1.5).
 */
import type { RackspaceClient, RackspaceClientOptions } from "@dbusers/rackspace";
import type { VendorDescriptor } from "../types.js";

/** Client options, or a ready client. */
export type RackspaceOptions = RackspaceClientOptions | RackspaceClient;

/** Trove's reserved users (§1.5): never listed, and refused in any letter case by older servers. */
export const RACKSPACE_RESERVED_USERS: readonly string[] = ["root", "os_admin"];

export function isRackspaceBuiltIn(name: string): boolean {
  return RACKSPACE_RESERVED_USERS.includes(name.toLowerCase());
}

export const rackspace: VendorDescriptor<RackspaceOptions> = {
  capabilities: {
    vendor: "rackspace",
    displayName: "Rackspace Cloud Databases",
    targetKind: "instance",
    passwords: "caller",
    rename: true,
    hosts: true,
    roles: false,
    databaseAccess: true,
    authTypes: false,
    engineSettings: false,
    asyncWrites: true,
    fields: ["host", "databases"],
    notes: {
      passwords: "generated with the rules unless given",
      databaseAccess: "every privilege on each listed database",
      asyncWrites: "waited for until visible, unless `wait: false`",
    },
  },
  isBuiltIn: (_target, key) => isRackspaceBuiltIn(key.name),
  load: async () => (await import("./adapter.js")).createRackspaceAdapter,
};
