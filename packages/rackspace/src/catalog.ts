/**
 * Picking the Cloud Databases endpoint from a service catalog (docs/vendors/rackspace.md §4): the
 * entry of type `rax:database` (Rackspace) or `database` (OpenStack), the endpoint of the region
 * asked for, on the interface asked for (public by default). Rackspace Identity v2.0 lists
 * `publicURL`/`internalURL` per endpoint; Keystone v3 lists one endpoint per interface.
 */
import { RackspaceEndpointError } from "./errors.js";

export type EndpointInterface = "public" | "internal" | "admin";

/** One endpoint of the catalog, in either identity version's shape, reduced to what matters. */
export interface CatalogEndpoint {
  readonly type: string;
  readonly region: string | undefined;
  readonly interface: EndpointInterface;
  readonly url: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Rackspace Identity v2.0 `access.serviceCatalog`. */
export function endpointsV2(catalog: unknown): CatalogEndpoint[] {
  return list(catalog).flatMap((service) => {
    const type = str(obj(service)?.type);
    if (type === undefined) return [];
    return list(obj(service)?.endpoints).flatMap((endpoint) => {
      const e = obj(endpoint);
      const region = str(e?.region);
      return (["public", "internal", "admin"] as const).flatMap((iface) => {
        const url = str(e?.[`${iface}URL`]);
        return url === undefined ? [] : [{ type, region, interface: iface, url }];
      });
    });
  });
}

/** Keystone v3 `token.catalog`. */
export function endpointsV3(catalog: unknown): CatalogEndpoint[] {
  return list(catalog).flatMap((service) => {
    const type = str(obj(service)?.type);
    if (type === undefined) return [];
    return list(obj(service)?.endpoints).flatMap((endpoint) => {
      const e = obj(endpoint);
      const iface = e?.interface;
      const url = str(e?.url);
      if (url === undefined || (iface !== "public" && iface !== "internal" && iface !== "admin")) return [];
      return [{ type, region: str(e?.region_id) ?? str(e?.region), interface: iface, url }];
    });
  });
}

export interface EndpointChoice {
  /** Service types tried in order. Default `rax:database`, then `database`. */
  readonly serviceTypes: readonly string[];
  readonly region: string | undefined;
  /** Rackspace's `RAX-AUTH:defaultRegion`, used when `region` is left out. */
  readonly defaultRegion: string | undefined;
  readonly interface: EndpointInterface;
}

const sameRegion = (a: string | undefined, b: string) =>
  a !== undefined && a.toLowerCase() === b.toLowerCase();

/** The endpoint URL, or `RackspaceEndpointError` saying which regions and interfaces there are. */
export function chooseEndpoint(endpoints: readonly CatalogEndpoint[], choice: EndpointChoice): string {
  const type = choice.serviceTypes.find((t) => endpoints.some((e) => e.type === t));
  if (type === undefined) {
    throw new RackspaceEndpointError(
      `The service catalog has no Cloud Databases entry (type ${choice.serviceTypes.join(" or ")}); pass \`baseUrl\`, or use an account with Cloud Databases`,
    );
  }
  const ofType = endpoints.filter((e) => e.type === type && e.interface === choice.interface);
  const regions = [...new Set(ofType.map((e) => e.region ?? "(none)"))];
  const wanted = choice.region ?? choice.defaultRegion;
  if (wanted !== undefined) {
    const found = ofType.find((e) => sameRegion(e.region, wanted));
    if (found) return found.url;
    throw new RackspaceEndpointError(
      `The service catalog has no ${choice.interface} ${type} endpoint in region ${wanted}; it has: ${regions.join(", ") || "none"}. Set \`region\``,
    );
  }
  if (ofType.length === 1 || regions.length === 1) return ofType[0]!.url;
  throw new RackspaceEndpointError(
    ofType.length === 0
      ? `The service catalog has no ${choice.interface} ${type} endpoint; set \`interface\``
      : `The service catalog has ${type} endpoints in several regions (${regions.join(", ")}); set \`region\``,
  );
}
