/**
 * Rackspace / OpenStack credentials as their own tools read them: `OS_CLOUD` names an entry of
 * `clouds.yaml` (looked for where openstacksdk looks); else Rackspace's `RS_USERNAME` with
 * `RS_API_KEY` (or `RS_PASSWORD`) and `RS_REGION_NAME`; else OpenStack's `OS_*` variables.
 * `--base-url` / `DBUSERS_RACKSPACE_URL` replaces the identity URL (Rackspace Identity v2.0, or the
 * Keystone `auth_url`); a bare origin such as the emulator's gets the identity version path
 * (`/v2.0` or `/v3`) added, as the catalog-based clients discover it.
 */
import type { RackspaceAuth, RackspaceClientOptions } from "@dbusers/rackspace";
import type { Env } from "./config.js";
import { MissingCredentialsError, UsageError } from "./errors.js";
import { nonBlank } from "./non-blank.js";

type Options = Omit<RackspaceClientOptions, "fetch">;

/** The identity URL override, with `/v2.0` or `/v3` added to a bare origin. */
function identityUrl(override: string | undefined, version: "/v2.0" | "/v3"): string | undefined {
  if (override === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new UsageError(`the Rackspace identity URL ${JSON.stringify(override)} is not a URL`);
  }
  return url.pathname === "/" ? `${url.origin}${version}` : override;
}

/** Keystone v3 (or, with an API key, Rackspace Identity) auth from clouds.yaml `auth` keys or `OS_*`. */
function catalogAuth(
  get: (key: string) => string | undefined,
  authUrl: string | undefined,
  override: string | undefined,
  where: string,
  rackspace = false,
): { auth: RackspaceAuth; identityUrl?: string } {
  const apiKey = get("api_key");
  if (apiKey !== undefined || rackspace) {
    // Rackspace's clouds.yaml profile (`profile: rackspace`, or `auth_type: rackspace_apikey` with
    // an `api_key`): Rackspace Identity v2.0 with the API key or the password (§4.1, §4.3).
    const username = get("username");
    const password = get("password");
    if (username === undefined || (apiKey === undefined && password === undefined)) {
      throw new MissingCredentialsError(
        `${where}: Rackspace Identity needs a username and an api_key (or password)`,
      );
    }
    const url = identityUrl(override, "/v2.0") ?? authUrl;
    return {
      auth: apiKey !== undefined ? { username, apiKey } : { username, password: password! },
      ...(url === undefined ? {} : { identityUrl: url }),
    };
  }
  const url = identityUrl(override, "/v3") ?? authUrl;
  if (url === undefined) throw new MissingCredentialsError(`${where}: the Keystone auth_url is missing`);
  const credentialId = get("application_credential_id");
  if (credentialId !== undefined) {
    const secret = get("application_credential_secret");
    if (secret === undefined) {
      throw new MissingCredentialsError(`${where}: an application credential needs its secret too`);
    }
    return {
      auth: { authUrl: url, applicationCredentialId: credentialId, applicationCredentialSecret: secret },
    };
  }
  const username = get("username");
  const password = get("password");
  if (username === undefined || password === undefined) {
    throw new MissingCredentialsError(
      `${where}: Keystone needs a username and password (or an application credential)`,
    );
  }
  const optional = (key: string, field: string) => {
    const value = get(key);
    return value === undefined ? {} : { [field]: value };
  };
  return {
    auth: {
      authUrl: url,
      username,
      password,
      ...optional("user_domain_name", "userDomainName"),
      ...optional("project_name", "projectName"),
      ...optional("project_domain_name", "projectDomainName"),
      ...optional("project_id", "projectId"),
    },
  };
}

const INTERFACES = new Set(["public", "internal", "admin"]);

function interfaceOf(value: string | undefined): Pick<RackspaceClientOptions, "interface"> {
  if (value === undefined) return {};
  const name = value.replace(/URL$/, "");
  if (!INTERFACES.has(name)) {
    throw new UsageError(
      `the OpenStack interface must be public, internal or admin, not ${JSON.stringify(value)}`,
    );
  }
  return { interface: name as NonNullable<RackspaceClientOptions["interface"]> };
}

const regionOf = (region: string | undefined) => (region === undefined ? {} : { region });

function firstRegion(regions: unknown): string | undefined {
  const first: unknown = Array.isArray(regions) ? regions[0] : undefined;
  return nonBlank(typeof first === "object" && first !== null ? (first as { name?: unknown }).name : first);
}

export interface RackspaceFlags {
  readonly baseUrl?: string;
  readonly region?: string;
}

/** The Rackspace client's options from the environment (and clouds.yaml) and the flags. */
export async function rackspaceOptions(env: Env, cwd: string, flags: RackspaceFlags): Promise<Options> {
  const override = nonBlank(flags.baseUrl) ?? nonBlank(env.DBUSERS_RACKSPACE_URL);
  const region = nonBlank(flags.region);
  const cloud = nonBlank(env.OS_CLOUD);
  if (cloud !== undefined) {
    // clouds.yaml (and the file system and YAML it needs) loads only when a cloud is named.
    const { readCloud } = await import("./clouds-yaml.js");
    const entry = await readCloud(env, cwd, cloud);
    const auth = (entry.auth ?? {}) as Record<string, unknown>;
    const where = `OS_CLOUD=${cloud}`;
    const rackspace = entry.profile === "rackspace";
    return {
      ...catalogAuth((key) => nonBlank(auth[key]), nonBlank(auth.auth_url), override, where, rackspace),
      // As the openstack CLI: --region, then OS_REGION_NAME, then the cloud's region_name, then the
      // first of its `regions` (a name, or `{ name, values }`).
      ...regionOf(
        region ?? nonBlank(env.OS_REGION_NAME) ?? nonBlank(entry.region_name) ?? firstRegion(entry.regions),
      ),
      ...interfaceOf(nonBlank(entry.interface) ?? nonBlank(env.OS_INTERFACE)),
    };
  }
  const rsUser = nonBlank(env.RS_USERNAME);
  if (rsUser !== undefined) {
    const apiKey = nonBlank(env.RS_API_KEY);
    const password = nonBlank(env.RS_PASSWORD);
    if (apiKey === undefined && password === undefined) {
      throw new MissingCredentialsError("RS_USERNAME is set: set RS_API_KEY (or RS_PASSWORD) too");
    }
    const url = identityUrl(override, "/v2.0");
    return {
      auth: apiKey !== undefined ? { username: rsUser, apiKey } : { username: rsUser, password: password! },
      ...(url === undefined ? {} : { identityUrl: url }),
      ...regionOf(region ?? nonBlank(env.RS_REGION_NAME)),
    };
  }
  if (nonBlank(env.OS_AUTH_URL) !== undefined || nonBlank(env.OS_USERNAME) !== undefined) {
    const variables: Record<string, string | undefined> = {
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD,
      user_domain_name: env.OS_USER_DOMAIN_NAME,
      project_name: env.OS_PROJECT_NAME ?? env.OS_TENANT_NAME,
      project_domain_name: env.OS_PROJECT_DOMAIN_NAME,
      project_id: env.OS_PROJECT_ID ?? env.OS_TENANT_ID,
      application_credential_id: env.OS_APPLICATION_CREDENTIAL_ID,
      application_credential_secret: env.OS_APPLICATION_CREDENTIAL_SECRET,
    };
    return {
      ...catalogAuth((key) => nonBlank(variables[key]), nonBlank(env.OS_AUTH_URL), override, "OS_AUTH_URL"),
      ...regionOf(region ?? nonBlank(env.OS_REGION_NAME)),
      ...interfaceOf(nonBlank(env.OS_INTERFACE)),
    };
  }
  throw new MissingCredentialsError(
    "Rackspace needs credentials: RS_USERNAME and RS_API_KEY, OpenStack's OS_AUTH_URL with OS_USERNAME and OS_PASSWORD (or an application credential), or OS_CLOUD with a clouds.yaml",
  );
}
