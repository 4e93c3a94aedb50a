/**
 * DigitalOcean Managed Databases: what the facade knows without loading the client. Facts are in
 * `docs/vendors/digitalocean.md` (server-chosen passwords; `doadmin` on every cluster, and
 * MongoDB's `do-readonly`, cannot be removed).
 */
import type { DigitalOceanClient, DigitalOceanClientOptions } from "@dbusers/digitalocean";
import type { TargetRef } from "../../target-ref.js";
import type { VendorDescriptor } from "../types.js";

/** Client options, or a ready client. */
export type DigitalOceanOptions = DigitalOceanClientOptions | DigitalOceanClient;

export function isDigitalOceanBuiltIn(target: TargetRef, name: string): boolean {
  if (name === "doadmin") return true;
  // `do-readonly` exists on MongoDB clusters; without an engine it is treated as built in, so it is
  // never changed by mistake.
  return name === "do-readonly" && (target.engine === undefined || target.engine === "mongodb");
}

export const digitalocean: VendorDescriptor<DigitalOceanOptions> = {
  capabilities: {
    vendor: "digitalocean",
    displayName: "DigitalOcean",
    targetKind: "cluster",
    passwords: "server",
    rename: false,
    hosts: false,
    roles: false,
    databaseAccess: true,
    authTypes: false,
    engineSettings: true,
    asyncWrites: false,
    fields: ["settings", "mysqlAuthPlugin"],
    notes: {
      databaseAccess: "MongoDB clusters, through settings",
      engineSettings: "PostgreSQL replication, Kafka and OpenSearch ACLs, MongoDB role; MySQL auth plugin",
    },
  },
  isBuiltIn: (target, key) => isDigitalOceanBuiltIn(target, key.name),
  load: async () => (await import("./adapter.js")).createDigitalOceanAdapter,
};
