/**
 * @dbusers/emulator — a stateful local HTTP emulator of the vendors' database-user APIs, with their
 * auth, the servers' own rules, rate limits, fault injection and a control API, on 127.0.0.1.
 */
export type { AtlasApiKey, AtlasOptions, AtlasServiceAccount } from "./atlas/index.js";
export { ATLAS_RATE_LIMIT } from "./atlas/routes.js";
export type { AtlasGroup, AtlasState, GroupSeed } from "./atlas/state.js";
export type { AtlasLabel, AtlasRole, AtlasScope, AtlasUser, AtlasUserSeed } from "./atlas/users.js";
export { CONTROL_PREFIX } from "./control.js";
export { DEFAULT_DIGITALOCEAN_TOKEN, type DigitalOceanOptions } from "./digitalocean/index.js";
export { DIGITALOCEAN_RATE_LIMIT } from "./digitalocean/routes.js";
export type {
  ClusterSeed,
  DigitalOceanCluster,
  DigitalOceanState,
  UserSeed,
} from "./digitalocean/state.js";
export type {
  DigitalOceanUser,
  DigitalOceanUserSettings,
  KafkaAcl,
  KafkaAclInput,
  MongoUserSettings,
  OpensearchAcl,
  UserInput,
} from "./digitalocean/users.js";
export { EmulatorError, type EmulatorErrorCode } from "./errors.js";
export type { Fault, FaultInfo, FaultMatch, InjectedFault } from "./faults.js";
export type { ServerOptions, VendorSections, VendorStates } from "./options.js";
export type { RateLimitOptions } from "./rate-limit.js";
export {
  type BodyOmitted,
  REDACTED,
  type RecordedRequest,
  type RequestLogOptions,
} from "./request-log.js";
export {
  type Emulator,
  type EmulatorFaults,
  type EmulatorOptions,
  type EmulatorState,
  startEmulator,
} from "./server.js";
export { readStateFile } from "./state-file.js";
export type { VendorName } from "./vendors.js";
