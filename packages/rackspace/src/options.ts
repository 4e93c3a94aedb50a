/**
 * What `createRackspaceClient` is given, checked, with the vendor's usual environment variables
 * filling what is left out, as Rackspace's and OpenStack's own tools read them: `RS_USERNAME`,
 * `RS_API_KEY`, `RS_REGION_NAME`; `OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`, `OS_PROJECT_NAME`,
 * `OS_PROJECT_ID`, `OS_USER_DOMAIN_NAME`, `OS_PROJECT_DOMAIN_NAME`,
 * `OS_APPLICATION_CREDENTIAL_ID`/`_SECRET`, `OS_REGION_NAME`, `OS_INTERFACE`.
 */
import { credentialFrom, InvalidOptionError, type Secret } from "@dbusers/core";
import type { EndpointInterface } from "./catalog.js";
import { type Credentials, RACKSPACE_IDENTITY_URL } from "./identity.js";

/** How to authenticate. */
export type RackspaceAuth =
  /** Rackspace Identity v2.0 with an API key. */
  | { readonly username: string; readonly apiKey: string | Secret }
  /** Rackspace Identity v2.0 with the account password. */
  | { readonly username: string; readonly password: string | Secret }
  /** Keystone v3 with a password; domains default to `Default`. */
  | {
      readonly authUrl: string;
      readonly username: string;
      readonly password: string | Secret;
      readonly userDomainName?: string;
      readonly projectName?: string;
      readonly projectDomainName?: string;
      readonly projectId?: string;
    }
  /** Keystone v3 with an application credential (its project comes with it). */
  | {
      readonly authUrl: string;
      readonly applicationCredentialId: string;
      readonly applicationCredentialSecret: string | Secret;
    }
  /** A token you already have, and the Cloud Databases endpoint (`…/v1.0/{tenantId}`) it is for. */
  | { readonly token: string | Secret; readonly endpoint: string | URL };

export type ResolvedAuth =
  | { readonly kind: "catalog"; readonly credentials: Credentials }
  | { readonly kind: "token"; readonly token: Secret; readonly endpoint: string | URL };

const WHERE = "createRackspaceClient";

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    name
  ];
  return value === undefined || value === "" ? undefined : value;
}

function field(auth: object, key: string): unknown {
  return (auth as Record<string, unknown>)[key];
}

function text(auth: object, key: string, fallback?: string): string | undefined {
  const value = field(auth, key) ?? fallback;
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    throw new InvalidOptionError({
      option: `auth.${key}`,
      rule: "type",
      message: `${WHERE}: \`auth.${key}\` must be a non-empty string`,
    });
  }
  return value;
}

const secret = (auth: object, key: string, variable?: string) =>
  credentialFrom({
    option: `auth.${key}`,
    value: field(auth, key),
    env: variable === undefined ? [] : [variable],
    where: WHERE,
  });

/** The auth the environment describes: Rackspace's `RS_*` first, then OpenStack's `OS_*`. */
function authFromEnvironment(): object {
  if (env("RS_USERNAME") !== undefined || env("RS_API_KEY") !== undefined) {
    return { username: env("RS_USERNAME"), apiKey: env("RS_API_KEY") };
  }
  if (env("OS_AUTH_URL") !== undefined) {
    if (env("OS_APPLICATION_CREDENTIAL_ID") !== undefined) {
      return {
        authUrl: env("OS_AUTH_URL"),
        applicationCredentialId: env("OS_APPLICATION_CREDENTIAL_ID"),
        applicationCredentialSecret: env("OS_APPLICATION_CREDENTIAL_SECRET"),
      };
    }
    return {
      authUrl: env("OS_AUTH_URL"),
      username: env("OS_USERNAME"),
      password: env("OS_PASSWORD"),
      userDomainName: env("OS_USER_DOMAIN_NAME"),
      projectName: env("OS_PROJECT_NAME"),
      projectDomainName: env("OS_PROJECT_DOMAIN_NAME"),
      projectId: env("OS_PROJECT_ID"),
    };
  }
  throw new InvalidOptionError({
    option: "auth",
    rule: "missing",
    message: `${WHERE}: \`auth\` is required: pass it, or set RS_USERNAME and RS_API_KEY (Rackspace), or OS_AUTH_URL with OS_USERNAME and OS_PASSWORD or OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET (OpenStack)`,
  });
}

/** Which scheme `auth` names, checked field by field; missing secrets come from the environment. */
export function resolveAuth(given: unknown, identityUrl: string | undefined): ResolvedAuth {
  const auth = given === undefined ? authFromEnvironment() : given;
  if (typeof auth !== "object" || auth === null || Array.isArray(auth)) {
    throw new InvalidOptionError({
      option: "auth",
      rule: "type",
      message: `${WHERE}: \`auth\` must be an object`,
    });
  }
  if (field(auth, "token") !== undefined || field(auth, "endpoint") !== undefined) {
    const endpoint = field(auth, "endpoint");
    if (!(endpoint instanceof URL)) text(auth, "endpoint", undefined);
    if (endpoint === undefined) {
      throw new InvalidOptionError({
        option: "auth.endpoint",
        rule: "missing",
        message: `${WHERE}: \`auth.endpoint\` is required with \`auth.token\``,
      });
    }
    return { kind: "token", token: secret(auth, "token"), endpoint: endpoint as string | URL };
  }
  const authUrl = text(auth, "authUrl");
  if (authUrl !== undefined) {
    if (
      field(auth, "applicationCredentialId") !== undefined ||
      field(auth, "applicationCredentialSecret") !== undefined
    ) {
      return {
        kind: "catalog",
        credentials: {
          kind: "keystone-application",
          authUrl,
          id:
            text(auth, "applicationCredentialId") ??
            missing("applicationCredentialId", "OS_APPLICATION_CREDENTIAL_ID"),
          secret: secret(auth, "applicationCredentialSecret", "OS_APPLICATION_CREDENTIAL_SECRET"),
        },
      };
    }
    const projectName = text(auth, "projectName");
    const projectId = text(auth, "projectId");
    return {
      kind: "catalog",
      credentials: {
        kind: "keystone-password",
        authUrl,
        username: text(auth, "username") ?? missing("username", "OS_USERNAME"),
        password: secret(auth, "password", "OS_PASSWORD"),
        userDomainName: text(auth, "userDomainName", "Default")!,
        projectDomainName: text(auth, "projectDomainName", "Default")!,
        ...(projectName === undefined ? {} : { projectName }),
        ...(projectId === undefined ? {} : { projectId }),
      },
    };
  }
  const username = text(auth, "username") ?? missing("username", "RS_USERNAME");
  const usesPassword = field(auth, "password") !== undefined && field(auth, "apiKey") === undefined;
  return {
    kind: "catalog",
    credentials: {
      kind: "rackspace",
      identityUrl: identityUrl ?? RACKSPACE_IDENTITY_URL,
      username,
      ...(usesPassword
        ? { password: secret(auth, "password") }
        : { apiKey: secret(auth, "apiKey", "RS_API_KEY") }),
    },
  };
}

function missing(key: string, variable: string): never {
  throw new InvalidOptionError({
    option: `auth.${key}`,
    rule: "missing",
    message: `${WHERE}: \`auth.${key}\` is required: pass it or set ${variable}`,
  });
}

/** `region`, else `RS_REGION_NAME` (Rackspace) or `OS_REGION_NAME` (OpenStack). */
export function resolveRegion(region: unknown, auth: ResolvedAuth): string | undefined {
  if (region !== undefined) {
    if (typeof region !== "string" || region.trim() === "") {
      throw new InvalidOptionError({
        option: "region",
        rule: "type",
        message: `${WHERE}: \`region\` must be a non-empty string`,
      });
    }
    return region;
  }
  const rackspace = auth.kind === "catalog" && auth.credentials.kind === "rackspace";
  return rackspace ? (env("RS_REGION_NAME") ?? env("OS_REGION_NAME")) : env("OS_REGION_NAME");
}

const INTERFACES = new Set(["public", "internal", "admin"]);

/** `interface`, else `OS_INTERFACE` (`publicURL` and `internalURL` spellings too), else `public`. */
export function resolveInterface(value: unknown): EndpointInterface {
  const given = value ?? env("OS_INTERFACE")?.replace(/URL$/, "") ?? "public";
  if (typeof given !== "string" || !INTERFACES.has(given)) {
    throw new InvalidOptionError({
      option: "interface",
      rule: "enum",
      message: `${WHERE}: \`interface\` must be "public", "internal" or "admin"`,
    });
  }
  return given as EndpointInterface;
}
