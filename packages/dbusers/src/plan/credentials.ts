/**
 * Credentials for a target, by reference only. Each credential key of a target (`token`, `apiKey`,
 * …) is read from its `{ env: NAME }` or `{ file: path }` and put in the environment variable the
 * vendor's own tools read (and `dbusers users` reads); plain settings (a Keystone `authUrl`, a
 * `cloud` of clouds.yaml) go to theirs. Then the facade's CLI configuration builds the client
 * options from that environment, so a file and a shell set up the same way reach the same account.
 * A target that names any credential takes its whole login from the file: the vendor's variables
 * from the surrounding environment are cleared first, so an ambient `OS_CLOUD` cannot win over it.
 * A target that names none uses the surrounding environment, as the CLI does.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Env, optionsFor } from "../cli/config.js";
import { nonBlank } from "../cli/non-blank.js";
import type { DbUsersOptions } from "../facade.js";
import type { VendorName } from "../model.js";
import type { AvailableVendor } from "../vendors/registry.js";
import type { CredentialRef, TargetConnection } from "./types.js";

/**
 * Per vendor, each credential a target may name (always as a reference; secrets marked) and the
 * environment variable it stands for. Rackspace's `username` and `password` are Keystone's
 * `OS_USERNAME`/`OS_PASSWORD` when the target has an `authUrl`, Rackspace Identity's otherwise.
 */
export const CREDENTIAL_VARIABLES: { readonly [V in VendorName]: Readonly<Record<string, string>> } = {
  digitalocean: { token: "DIGITALOCEAN_TOKEN" },
  atlas: {
    publicKey: "MONGODB_ATLAS_PUBLIC_API_KEY",
    privateKey: "MONGODB_ATLAS_PRIVATE_API_KEY",
    clientId: "MONGODB_ATLAS_CLIENT_ID",
    clientSecret: "MONGODB_ATLAS_CLIENT_SECRET",
  },
  rackspace: {
    username: "RS_USERNAME",
    apiKey: "RS_API_KEY",
    password: "RS_PASSWORD",
    applicationCredentialId: "OS_APPLICATION_CREDENTIAL_ID",
    applicationCredentialSecret: "OS_APPLICATION_CREDENTIAL_SECRET",
  },
};

/** Keystone's names for the Rackspace credentials that differ from Rackspace Identity's. */
const KEYSTONE_VARIABLES: Readonly<Record<string, string>> = {
  username: "OS_USERNAME",
  password: "OS_PASSWORD",
};

/** Per vendor, the plain (not secret) login settings a target may give, and their variables. */
export const SETTING_VARIABLES: { readonly [V in VendorName]: Readonly<Record<string, string>> } = {
  digitalocean: {},
  atlas: {},
  rackspace: {
    authUrl: "OS_AUTH_URL",
    projectName: "OS_PROJECT_NAME",
    projectId: "OS_PROJECT_ID",
    userDomainName: "OS_USER_DOMAIN_NAME",
    projectDomainName: "OS_PROJECT_DOMAIN_NAME",
    cloud: "OS_CLOUD",
    cloudsFile: "OS_CLIENT_CONFIG_FILE",
    secureFile: "OS_CLIENT_SECURE_FILE",
  },
};

/** Every variable a vendor's login may be read from; cleared when the file gives the login. */
const LOGIN_VARIABLES: { readonly [V in VendorName]: readonly string[] } = {
  digitalocean: ["DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"],
  atlas: Object.values(CREDENTIAL_VARIABLES.atlas),
  rackspace: [
    ...Object.values(CREDENTIAL_VARIABLES.rackspace),
    ...Object.values(KEYSTONE_VARIABLES),
    ...Object.values(SETTING_VARIABLES.rackspace),
    "OS_TENANT_NAME",
    "OS_TENANT_ID",
  ],
};

/** Where a reference points, for messages (never the value). */
export function describeRef(ref: CredentialRef): string {
  return "env" in ref ? `environment variable ${ref.env}` : `file ${ref.file}`;
}

/** The value a reference points at, or `undefined` when it is unset, empty or unreadable. */
export async function readRef(ref: CredentialRef, env: Env, baseDir: string): Promise<string | undefined> {
  if ("env" in ref) {
    return nonBlank(env[ref.env]);
  }
  try {
    const value = (await readFile(resolve(baseDir, ref.file), "utf8")).replace(/\r?\n$/, "");
    return value === "" ? undefined : value;
  } catch {
    return undefined;
  }
}

function variableOf(connection: TargetConnection, key: string): string | undefined {
  const keystone = connection.settings?.authUrl !== undefined;
  if (connection.vendor === "rackspace" && keystone && KEYSTONE_VARIABLES[key] !== undefined) {
    return KEYSTONE_VARIABLES[key];
  }
  return CREDENTIAL_VARIABLES[connection.vendor][key];
}

/** The environment the facade's configuration sees for this target. */
export async function targetEnv(connection: TargetConnection, env: Env, baseDir: string): Promise<Env> {
  const overlay: Record<string, string | undefined> = { ...env };
  const credentials = Object.entries(connection.credentials);
  const settings = Object.entries(connection.settings ?? {});
  if (credentials.length > 0 || settings.length > 0) {
    for (const variable of LOGIN_VARIABLES[connection.vendor]) delete overlay[variable];
  }
  for (const [key, ref] of credentials) {
    const variable = variableOf(connection, key);
    if (variable !== undefined) overlay[variable] = await readRef(ref, env, baseDir);
  }
  for (const [key, value] of settings) {
    const variable = SETTING_VARIABLES[connection.vendor][key];
    if (variable === undefined) continue;
    overlay[variable] = key === "cloudsFile" || key === "secureFile" ? resolve(baseDir, value) : value;
  }
  return overlay;
}

/** `createDbUsers` options for one target (throws `MissingCredentialsError` when none are found). */
export async function targetOptions(
  vendor: AvailableVendor,
  connection: TargetConnection,
  env: Env,
  baseDir: string,
): Promise<DbUsersOptions> {
  const flags = {
    ...(connection.baseUrl === undefined ? {} : { baseUrl: connection.baseUrl }),
    ...(connection.region === undefined ? {} : { region: connection.region }),
  };
  return optionsFor(vendor, await targetEnv(connection, env, baseDir), flags, baseDir);
}
