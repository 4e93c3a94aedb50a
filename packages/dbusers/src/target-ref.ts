/**
 * Targets: where users live. `digitalocean:<cluster-uuid>`, `atlas:<group-id>`,
 * `rackspace:<instance-id>`, or the same as an object. The id's own format is checked by the
 * vendor's client (with the rules) when it is used; here only the shape is.
 */
import { InvalidTargetError } from "./errors.js";
import { VENDOR_NAMES, type VendorName } from "./model.js";

/** DigitalOcean cluster engines, as the rules know them. */
export type DigitalOceanEngine = "pg" | "mysql" | "redis" | "valkey" | "mongodb" | "kafka" | "opensearch";

export interface TargetRef {
  readonly vendor: VendorName;
  /** Cluster UUID (DigitalOcean), project/group id (Atlas), instance id (Rackspace). */
  readonly id: string;
  /** DigitalOcean: the cluster's engine; turns on its engine rules (name length, settings). */
  readonly engine?: DigitalOceanEngine;
}

/** A target as a string (`vendor:id`) or an object. */
export type TargetInput = string | TargetRef;

function isVendor(value: unknown): value is VendorName {
  return typeof value === "string" && (VENDOR_NAMES as readonly string[]).includes(value);
}

/** Parses `vendor:id` (or checks an object); throws `InvalidTargetError`. */
export function parseTarget(input: TargetInput): TargetRef {
  if (typeof input === "object" && input !== null) {
    const shown = `${String(input.vendor)}:${String(input.id)}`;
    if (!isVendor(input.vendor)) throw new InvalidTargetError(shown, vendorList());
    if (typeof input.id !== "string" || input.id === "")
      throw new InvalidTargetError(shown, "the id is empty");
    return input.engine === undefined
      ? { vendor: input.vendor, id: input.id }
      : { vendor: input.vendor, id: input.id, engine: input.engine };
  }
  if (typeof input !== "string") throw new InvalidTargetError(String(input), "expected vendor:id");
  const at = input.indexOf(":");
  if (at < 0) throw new InvalidTargetError(input, `expected vendor:id, e.g. digitalocean:<cluster-uuid>`);
  const vendor = input.slice(0, at);
  const id = input.slice(at + 1);
  if (!isVendor(vendor)) throw new InvalidTargetError(input, vendorList());
  if (id === "") throw new InvalidTargetError(input, "the id after the colon is empty");
  return { vendor, id };
}

/** `vendor:id`. */
export function formatTarget(ref: TargetRef): string {
  return `${ref.vendor}:${ref.id}`;
}

function vendorList(): string {
  return `the vendor must be one of ${VENDOR_NAMES.join(", ")}`;
}
