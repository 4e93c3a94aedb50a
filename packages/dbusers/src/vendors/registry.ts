/**
 * The vendors this build offers. Each entry is a light descriptor; its adapter (and the vendor's
 * client) is imported only when a target of that vendor is first used. A vendor whose package is
 * not part of the build has no line here, so nothing offers it.
 */
import type { VendorName } from "../model.js";
import { type AtlasOptions, atlas } from "./atlas/index.js";
import { type DigitalOceanOptions, digitalocean } from "./digitalocean/index.js";
import { type RackspaceOptions, rackspace } from "./rackspace/index.js";
import type { Capabilities, VendorDescriptor } from "./types.js";

/** Per vendor, the options `createDbUsers` takes: the vendor client's options, or a ready client. */
export interface VendorOptions {
  readonly digitalocean: DigitalOceanOptions;
  readonly atlas: AtlasOptions;
  readonly rackspace: RackspaceOptions;
}

export type AvailableVendor = keyof VendorOptions;

export const VENDORS: { readonly [V in AvailableVendor]: VendorDescriptor<VendorOptions[V]> } = {
  digitalocean,
  atlas,
  rackspace,
};

/** The vendors this build can talk to, in a stable order. */
export const AVAILABLE_VENDORS = Object.keys(VENDORS) as readonly AvailableVendor[];

export function isAvailableVendor(vendor: VendorName | string): vendor is AvailableVendor {
  return Object.hasOwn(VENDORS, vendor);
}

/** The capabilities of every vendor this build offers. */
export const CAPABILITIES: readonly Capabilities[] = AVAILABLE_VENDORS.map(
  (vendor) => VENDORS[vendor].capabilities,
);
