/**
 * Service catalogs (docs/vendors/rackspace.md §4): Cloud Databases is type `rax:database` in
 * Rackspace Identity's catalog and `database` in Keystone's; every endpoint is this emulator's own
 * `/v1.0/{tenantId}`, one per region the account has instances in. A compute entry sits beside it,
 * so a client that takes the first entry instead of matching the type goes wrong.
 */
import type { AccountRecord } from "./state.js";

export function regionsOf(account: AccountRecord): string[] {
  const regions = new Set([...account.instances.values()].map((instance) => instance.region));
  if (regions.size === 0) regions.add("DFW");
  return [...regions].sort();
}

const databaseUrl = (origin: string, account: AccountRecord) => `${origin}/v1.0/${account.tenantId}`;
const computeUrl = (origin: string, account: AccountRecord) => `${origin}/compute/v2/${account.tenantId}`;

/** Rackspace Identity v2.0 `access.serviceCatalog`. */
export function rackspaceCatalog(origin: string, account: AccountRecord): unknown[] {
  const regions = regionsOf(account);
  return [
    {
      name: "cloudServersOpenStack",
      type: "compute",
      endpoints: regions.map((region) => ({
        region,
        tenantId: account.tenantId,
        publicURL: computeUrl(origin, account),
      })),
    },
    {
      name: "cloudDatabases",
      type: "rax:database",
      endpoints: regions.map((region) => ({
        region,
        tenantId: account.tenantId,
        publicURL: databaseUrl(origin, account),
      })),
    },
  ];
}

const INTERFACES = ["public", "internal", "admin"] as const;

/** Keystone v3 `token.catalog`. */
export function keystoneCatalog(origin: string, account: AccountRecord): unknown[] {
  const regions = regionsOf(account);
  const endpoints = (service: string, url: string) =>
    regions.flatMap((region) =>
      INTERFACES.map((iface) => ({
        id: `${service}-${region}-${iface}`.toLowerCase(),
        interface: iface,
        region,
        region_id: region,
        url,
      })),
    );
  return [
    {
      id: "compute",
      name: "nova",
      type: "compute",
      endpoints: endpoints("compute", computeUrl(origin, account)),
    },
    { id: "identity", name: "keystone", type: "identity", endpoints: endpoints("identity", `${origin}/v3`) },
    {
      id: "database",
      name: "trove",
      type: "database",
      endpoints: endpoints("database", databaseUrl(origin, account)),
    },
  ];
}
