/** The Rackspace part of the package's public surface. */
export {
  DEFAULT_RACKSPACE_ACCOUNT,
  type RackspaceAccountSeed,
  type RackspaceApplicationCredential,
  type RackspaceInstanceSeed,
  type RackspaceOptions,
  type RackspaceUserSeed,
  type RackspaceWrites,
} from "./options.js";
export type { RackspaceInstanceView, RackspaceState, RackspaceUserView } from "./state.js";
export { RACKSPACE_RATE_LIMITS } from "./trove.js";
