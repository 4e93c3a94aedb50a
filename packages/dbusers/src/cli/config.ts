/**
 * Each vendor's client options from the vendor's own conventions, so existing setups work as they
 * are: the variables its official CLI reads, and `DBUSERS_<VENDOR>_URL` (or `--base-url`) to point
 * at another API root, such as the emulator.
 */
import type { DbUsersOptions } from "../facade.js";
import type { AvailableVendor } from "../vendors/registry.js";
import { MissingCredentialsError } from "./errors.js";
import { nodeFetch } from "./node-fetch.js";
import { nonBlank } from "./non-blank.js";
import { rackspaceOptions } from "./rackspace-config.js";

export type Env = Readonly<Record<string, string | undefined>>;

export interface ConnectionFlags {
  readonly baseUrl?: string;
  readonly region?: string;
}

function baseUrlFor(vendor: AvailableVendor, env: Env, flags: ConnectionFlags): { baseUrl?: string } {
  const url = nonBlank(flags.baseUrl) ?? nonBlank(env[`DBUSERS_${vendor.toUpperCase()}_URL`]);
  return url === undefined ? {} : { baseUrl: url };
}

type Builders = {
  readonly [V in AvailableVendor]: (
    env: Env,
    flags: ConnectionFlags,
    cwd: string,
  ) => DbUsersOptions[V] | Promise<DbUsersOptions[V]>;
};

const BUILDERS: Builders = {
  digitalocean(env, flags) {
    // doctl reads DIGITALOCEAN_ACCESS_TOKEN; DigitalOcean's API docs and Terraform use DIGITALOCEAN_TOKEN.
    const token = nonBlank(env.DIGITALOCEAN_TOKEN) ?? nonBlank(env.DIGITALOCEAN_ACCESS_TOKEN);
    if (token === undefined) {
      throw new MissingCredentialsError(
        "DigitalOcean needs a token: set DIGITALOCEAN_TOKEN (or doctl's DIGITALOCEAN_ACCESS_TOKEN)",
      );
    }
    return { token, fetch: nodeFetch, ...baseUrlFor("digitalocean", env, flags) };
  },
  atlas(env, flags) {
    // The Atlas CLI's variables; a service account first, as the Atlas client prefers it.
    const clientId = nonBlank(env.MONGODB_ATLAS_CLIENT_ID);
    const clientSecret = nonBlank(env.MONGODB_ATLAS_CLIENT_SECRET);
    const publicKey = nonBlank(env.MONGODB_ATLAS_PUBLIC_API_KEY);
    const privateKey = nonBlank(env.MONGODB_ATLAS_PRIVATE_API_KEY);
    const auth =
      clientId !== undefined && clientSecret !== undefined
        ? { clientId, clientSecret }
        : publicKey !== undefined && privateKey !== undefined
          ? { publicKey, privateKey }
          : undefined;
    if (auth === undefined) {
      throw new MissingCredentialsError(
        "MongoDB Atlas needs credentials: MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET (a service account), or MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY",
      );
    }
    // The Atlas CLI points at another Atlas (or Ops Manager) with MONGODB_ATLAS_OPS_MANAGER_URL.
    const url = baseUrlFor("atlas", env, flags).baseUrl ?? nonBlank(env.MONGODB_ATLAS_OPS_MANAGER_URL);
    return { auth, fetch: nodeFetch, ...(url === undefined ? {} : { baseUrl: url }) };
  },
  async rackspace(env, flags, cwd) {
    // Only a named cloud loads the clouds.yaml reader (and its YAML parser): rackspace-config.ts.
    return { ...(await rackspaceOptions(env, cwd, flags)), fetch: nodeFetch };
  },
};

/** `createDbUsers` options for one vendor, from the environment (and config files) and the flags. */
export async function optionsFor(
  vendor: AvailableVendor,
  env: Env,
  flags: ConnectionFlags,
  cwd: string,
): Promise<DbUsersOptions> {
  return { [vendor]: await BUILDERS[vendor](env, flags, cwd) } as DbUsersOptions;
}
