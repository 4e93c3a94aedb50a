/**
 * The facade's own errors. Each is a `DbUsersError` (from `@dbusers/core`) with a stable `code`,
 * thrown before anything is sent; vendor errors (`ApiError` and its vendor subclasses,
 * `ValidationError`) pass through unchanged.
 */
import { DbUsersError } from "@dbusers/core";
import type { VendorName } from "./model.js";

/** A target reference that names no vendor this build knows, or has no id. */
export class InvalidTargetError extends DbUsersError {
  override name = "InvalidTargetError";
  declare readonly input: string;

  constructor(input: string, reason: string) {
    super("INVALID_TARGET", `Invalid target ${JSON.stringify(input)}: ${reason}`);
    this.input = input;
  }
}

/** The vendor is known but this build has no adapter for it, or no options were given for it. */
export class VendorUnavailableError extends DbUsersError {
  override name = "VendorUnavailableError";
  declare readonly vendor: string;

  constructor(vendor: string, reason: string) {
    super("VENDOR_UNAVAILABLE", `${vendor}: ${reason}`);
    this.vendor = vendor;
  }
}

/** What a vendor cannot do: rename on DigitalOcean, a chosen password on DigitalOcean, hosts outside Rackspace. */
export class UnsupportedOperationError extends DbUsersError {
  override name = "UnsupportedOperationError";
  declare readonly vendor: VendorName;
  /** The field or verb that is not supported, e.g. `host`, `password`, `rename`. */
  declare readonly feature: string;

  constructor(vendor: VendorName, feature: string, message: string) {
    super("UNSUPPORTED", message);
    this.vendor = vendor;
    this.feature = feature;
  }
}

/** A write to a user the vendor made and manages (`doadmin`, `root`, …). */
export class BuiltInUserError extends DbUsersError {
  override name = "BuiltInUserError";
  declare readonly vendor: VendorName;
  declare readonly user: string;

  constructor(vendor: VendorName, user: string, verb: string) {
    super(
      "BUILT_IN_USER",
      `${JSON.stringify(user)} is a built-in ${vendor} user; dbusers does not ${verb} built-in users`,
    );
    this.vendor = vendor;
    this.user = user;
  }
}

/** An Atlas name held on both `admin` and `$external`: which user is meant needs `authDatabase`. */
export class AmbiguousUserError extends DbUsersError {
  override name = "AmbiguousUserError";
  declare readonly user: string;

  constructor(user: string) {
    super(
      "AMBIGUOUS_USER",
      `${JSON.stringify(user)} exists on both admin and $external in this Atlas project: say which with authDatabase (--auth-db)`,
    );
    this.user = user;
  }
}
