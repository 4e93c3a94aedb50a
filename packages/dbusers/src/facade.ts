/** `createDbUsers`: one entry point over every vendor, each loaded on first use. */
import { VendorUnavailableError } from "./errors.js";
import { createTarget, type Target } from "./target.js";
import { parseTarget, type TargetInput } from "./target-ref.js";
import {
  AVAILABLE_VENDORS,
  type AvailableVendor,
  isAvailableVendor,
  VENDORS,
  type VendorOptions,
} from "./vendors/registry.js";
import type { Capabilities, VendorAdapter } from "./vendors/types.js";

/** Each vendor's client options (or a ready client); only the vendors given can be used. */
export type DbUsersOptions = { readonly [V in AvailableVendor]?: VendorOptions[V] };

export interface DbUsers {
  /** The vendors this build offers. */
  readonly vendors: readonly AvailableVendor[];
  /** A target by `vendor:id` (or object). Throws `InvalidTargetError` or `VendorUnavailableError`. */
  target(ref: TargetInput): Target;
  capabilities(vendor: AvailableVendor): Capabilities;
  /** Releases what the loaded clients hold (Atlas service-account tokens). */
  close(): Promise<void>;
}

export function createDbUsers(options: DbUsersOptions = {}): DbUsers {
  const adapters = new Map<AvailableVendor, Promise<VendorAdapter>>();

  function adapterFor(vendor: AvailableVendor): () => Promise<VendorAdapter> {
    return () => {
      let loading = adapters.get(vendor);
      if (loading === undefined) {
        const descriptor = VENDORS[vendor] as (typeof VENDORS)[AvailableVendor];
        loading = descriptor.load().then((make) => (make as (o: unknown) => VendorAdapter)(options[vendor]));
        // A failed load (a bad option) is not cached: the next call tries again.
        loading.catch(() => adapters.delete(vendor));
        adapters.set(vendor, loading);
      }
      return loading;
    };
  }

  return {
    vendors: AVAILABLE_VENDORS,
    target(input) {
      const ref = parseTarget(input);
      if (!isAvailableVendor(ref.vendor)) {
        throw new VendorUnavailableError(ref.vendor, "this version of dbusers has no adapter for it");
      }
      if (options[ref.vendor] === undefined) {
        throw new VendorUnavailableError(ref.vendor, `no options were given for it in createDbUsers`);
      }
      return createTarget(ref, VENDORS[ref.vendor], adapterFor(ref.vendor));
    },
    capabilities(vendor) {
      if (!isAvailableVendor(vendor)) throw new VendorUnavailableError(vendor, "not offered by this version");
      return VENDORS[vendor].capabilities;
    },
    async close() {
      const loaded = await Promise.allSettled(adapters.values());
      await Promise.all(loaded.map((r) => (r.status === "fulfilled" ? r.value.close() : undefined)));
    },
  };
}
