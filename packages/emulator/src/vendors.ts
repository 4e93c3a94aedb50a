/**
 * The registry of emulated vendors. Adding a vendor is two lines here: its import, and its module in
 * `VENDOR_MODULES`. Its name then becomes a key of `startEmulator` options, of `emulator.state`, of
 * the state file and of `RecordedRequest.vendor`. Order matters only if two vendors claim a path.
 */
import { atlas } from "./atlas/index.js";
import { digitalocean } from "./digitalocean/index.js";

export const VENDOR_MODULES = [digitalocean, atlas] as const;

export type RegisteredVendor = (typeof VENDOR_MODULES)[number];

/** The name of an emulated vendor. */
export type VendorName = RegisteredVendor["name"];
