/**
 * What a desired user means on one vendor, once its defaults are filled in: the identity the vendor
 * gives it and whether it has a password. A file may leave out what the vendor decides by itself,
 * so two spellings of one user must compare equal:
 * - Atlas: a user is unique by auth database and name, and the auth database follows from the auth
 *   type when it is left out (docs/vendors/atlas.md §7, §8 items 2 and 3);
 * - Rackspace: a user is `name@host`, and no host means `%` (docs/vendors/rackspace.md §1.4).
 */
import { ATLAS_AUTH_DATABASE } from "@dbusers/rules/atlas/validate";
import type { UserKey, UserSpec, VendorName } from "../model.js";

/** The auth database each Atlas auth type lives on (docs/vendors/atlas.md §7, §8 items 2 and 3). */
export { ATLAS_AUTH_DATABASE };

/** `spec` with the identity the vendor will give it (Atlas auth database, Rackspace host). */
export function resolvedSpec(vendor: VendorName, spec: UserSpec): UserSpec {
  if (vendor === "atlas" && spec.authDatabase === undefined) {
    return { ...spec, authDatabase: ATLAS_AUTH_DATABASE[spec.authType ?? "SCRAM"] };
  }
  if (vendor === "rackspace" && spec.host === undefined) return { ...spec, host: "%" };
  return spec;
}

/** The key of a resolved spec (name and, where the vendor has them, host or auth database). */
export function resolvedKey(vendor: VendorName, spec: UserSpec): UserKey {
  const resolved = resolvedSpec(vendor, spec);
  return {
    name: resolved.name,
    ...(resolved.host === undefined ? {} : { host: resolved.host }),
    ...(resolved.authDatabase === undefined ? {} : { authDatabase: resolved.authDatabase }),
  };
}

/**
 * Whether the user signs in with a password dbusers makes or receives. Atlas users of any auth type
 * but SCRAM have none: AWS, an X.509 certificate, LDAP or an identity provider vouches for them
 * (docs/vendors/atlas.md §7).
 */
export function hasPassword(vendor: VendorName, spec: Pick<UserSpec, "authType">): boolean {
  return vendor !== "atlas" || (spec.authType ?? "SCRAM") === "SCRAM";
}
