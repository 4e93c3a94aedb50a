/**
 * The Trove request bodies a `UserSpec` becomes (docs/vendors/rackspace.md §3). Light on purpose: it
 * imports no client code (types only), so the plan's rules check can build the exact body the adapter
 * sends without loading `@dbusers/rackspace`.
 */
import type { NewUser } from "@dbusers/rackspace";
import type { UserSpec } from "../../model.js";

/** MySQL's "any host", which Trove uses when a user is given none (§3.1). */
export const ANY_HOST = "%";

/** One user of a `createUsers` body, as Trove reads it (`databases` as `{ name }` objects). */
export function newUser(spec: UserSpec, password: string): NewUser {
  return {
    name: spec.name,
    password,
    ...(spec.host === undefined ? {} : { host: spec.host }),
    ...(spec.databases === undefined ? {} : { databases: spec.databases.map((name) => ({ name })) }),
  };
}

/**
 * What turns `have` into `want`: the databases to grant and the ones to revoke, nothing else, so a
 * change of access is never a re-create (and a grant already held is not sent again).
 */
export function databaseChanges(
  have: readonly string[],
  want: readonly string[],
): { grant: string[]; revoke: string[] } {
  const held = new Set(have);
  const wanted = new Set(want);
  return {
    grant: [...wanted].filter((d) => !held.has(d)),
    revoke: [...held].filter((d) => !wanted.has(d)),
  };
}
