/**
 * Credentials for a target, by reference only. A `{ env: NAME }` or `{ file: path }` in the file is
 * read and put where the vendor's own CLI would look for it (its usual environment variable); then
 * the facade's own configuration (the same one the `users` commands use) builds the client options.
 * So a target without credentials in the file uses the vendor's usual environment, as the CLI does.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Env, optionsFor } from "../cli/config.js";
import type { DbUsersOptions } from "../facade.js";
import type { VendorName } from "../model.js";
import type { AvailableVendor } from "../vendors/registry.js";
import type { CredentialRef, TargetConnection } from "./types.js";

/** Per vendor, each credential the file may name and the environment variable it stands for. */
export const CREDENTIAL_VARIABLES: { readonly [V in VendorName]: Readonly<Record<string, string>> } = {
  digitalocean: { token: "DIGITALOCEAN_TOKEN" },
  atlas: {
    publicKey: "MONGODB_ATLAS_PUBLIC_API_KEY",
    privateKey: "MONGODB_ATLAS_PRIVATE_API_KEY",
    clientId: "MONGODB_ATLAS_CLIENT_ID",
    clientSecret: "MONGODB_ATLAS_CLIENT_SECRET",
  },
  rackspace: { username: "RS_USERNAME", apiKey: "RS_API_KEY" },
};

/** Why a reference cannot be read, or `undefined` when it can (files are checked by reading them). */
export function describeRef(ref: CredentialRef): string {
  return "env" in ref ? `environment variable ${ref.env}` : `file ${ref.file}`;
}

export async function readRef(ref: CredentialRef, env: Env, baseDir: string): Promise<string | undefined> {
  if ("env" in ref) {
    const value = env[ref.env];
    return value === undefined || value.trim() === "" ? undefined : value;
  }
  try {
    const value = (await readFile(resolve(baseDir, ref.file), "utf8")).replace(/\r?\n$/, "");
    return value === "" ? undefined : value;
  } catch {
    return undefined;
  }
}

/**
 * The environment the facade's configuration sees for this target: the process's, with each
 * referenced credential in the vendor's usual variable and the region where the vendor reads it.
 */
export async function targetEnv(connection: TargetConnection, env: Env, baseDir: string): Promise<Env> {
  const overlay: Record<string, string | undefined> = { ...env };
  const variables = CREDENTIAL_VARIABLES[connection.vendor];
  for (const [name, ref] of Object.entries(connection.credentials)) {
    const variable = variables[name];
    if (variable !== undefined) overlay[variable] = await readRef(ref, env, baseDir);
  }
  if (connection.region !== undefined) overlay.RS_REGION_NAME = connection.region;
  return overlay;
}

/** `createDbUsers` options for one target (throws `MissingCredentialsError` when none are found). */
export async function targetOptions(
  vendor: AvailableVendor,
  connection: TargetConnection,
  env: Env,
  baseDir: string,
): Promise<DbUsersOptions> {
  const flags = connection.baseUrl === undefined ? {} : { baseUrl: connection.baseUrl };
  return optionsFor(vendor, await targetEnv(connection, env, baseDir), flags, baseDir);
}
