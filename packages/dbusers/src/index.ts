/**
 * dbusers — one API over DigitalOcean Managed Databases, MongoDB Atlas and Rackspace Cloud
 * Databases users. Importing it loads no vendor client: each is imported when a target of that
 * vendor is first used.
 */
export {
  ApiError,
  DbUsersError,
  Secret,
  ValidationError,
  type Violation,
} from "@dbusers/core";
export { capabilityMatrix, capabilityTable } from "./capabilities.js";
export {
  AmbiguousUserError,
  BuiltInUserError,
  InvalidTargetError,
  UnsupportedOperationError,
  VendorUnavailableError,
} from "./errors.js";
export { createDbUsers, type DbUsers, type DbUsersOptions } from "./facade.js";
export {
  type AtlasAuthDatabase,
  type AtlasAuthType,
  type AtlasLabel,
  type AtlasRole,
  type AtlasScope,
  type CallOptions,
  type CreatedUser,
  type Credentials,
  type DbUser,
  type RotatedPassword,
  type UserChanges,
  type UserField,
  type UserKey,
  type UserRef,
  type UserSpec,
  VENDOR_NAMES,
  type VendorName,
} from "./model.js";
export { canonicalSpec, diffSpec, type FieldChange, specOf, stableJson, userKeyString } from "./spec.js";
export type { CreateUserOptions, Target } from "./target.js";
export {
  type DigitalOceanEngine,
  formatTarget,
  parseTarget,
  type TargetInput,
  type TargetRef,
} from "./target-ref.js";
export type { AtlasOptions } from "./vendors/atlas/index.js";
export type { DigitalOceanOptions } from "./vendors/digitalocean/index.js";
export type { RackspaceOptions } from "./vendors/rackspace/index.js";
export {
  AVAILABLE_VENDORS,
  type AvailableVendor,
  CAPABILITIES,
  type VendorOptions,
} from "./vendors/registry.js";
export type {
  Capabilities,
  CapabilityName,
  RotateOptions,
  VendorAdapter,
  VendorDescriptor,
} from "./vendors/types.js";
