/**
 * Getting a token (docs/vendors/rackspace.md §4): Rackspace Identity v2.0 (`POST {identityUrl}/tokens`
 * with an API key or a password; the token is `access.token.id`) or Keystone v3
 * (`POST {authUrl}/v3/auth/tokens` with a password or an application credential; the token is the
 * `X-Subject-Token` header, 201). Both answers carry the catalog the endpoint is chosen from.
 */
import { type AuthContext, redactText, Secret, type SecretValue, type Token } from "@dbusers/core";
import { type CatalogEndpoint, endpointsV2, endpointsV3 } from "./catalog.js";
import { faultOf, RackspaceAuthError } from "./errors.js";

export const RACKSPACE_IDENTITY_URL = "https://identity.api.rackspacecloud.com/v2.0";

export type Credentials =
  | {
      readonly kind: "rackspace";
      readonly identityUrl: string;
      readonly username: string;
      readonly apiKey?: Secret;
      readonly password?: Secret;
    }
  | {
      readonly kind: "keystone-password";
      readonly authUrl: string;
      readonly username: string;
      readonly password: Secret;
      readonly userDomainName: string;
      readonly projectName?: string;
      readonly projectDomainName: string;
      readonly projectId?: string;
    }
  | {
      readonly kind: "keystone-application";
      readonly authUrl: string;
      readonly id: string;
      readonly secret: Secret;
    };

/** A token with the catalog it came with. */
export interface CatalogToken extends Token {
  readonly endpoints: readonly CatalogEndpoint[];
  /** Rackspace's `RAX-AUTH:defaultRegion`. */
  readonly defaultRegion?: string;
}

export function credentialSecrets(credentials: Credentials): SecretValue[] {
  if (credentials.kind === "keystone-application") return [credentials.secret];
  return [
    credentials.kind === "rackspace" ? (credentials.apiKey ?? credentials.password)! : credentials.password,
  ];
}

/** `{authUrl}` as given, with `/v3` added unless it already ends in it. */
export function keystoneBase(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, "");
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

function identityBody(credentials: Credentials): unknown {
  if (credentials.kind === "rackspace") {
    return credentials.apiKey !== undefined
      ? {
          auth: {
            "RAX-KSKEY:apiKeyCredentials": {
              username: credentials.username,
              apiKey: credentials.apiKey.reveal(),
            },
          },
        }
      : {
          auth: {
            passwordCredentials: { username: credentials.username, password: credentials.password!.reveal() },
          },
        };
  }
  if (credentials.kind === "keystone-application") {
    return {
      auth: {
        identity: {
          methods: ["application_credential"],
          application_credential: { id: credentials.id, secret: credentials.secret.reveal() },
        },
      },
    };
  }
  const project =
    credentials.projectId !== undefined
      ? { id: credentials.projectId }
      : credentials.projectName !== undefined
        ? { name: credentials.projectName, domain: { name: credentials.projectDomainName } }
        : undefined;
  return {
    auth: {
      identity: {
        methods: ["password"],
        password: {
          user: {
            name: credentials.username,
            domain: { name: credentials.userDomainName },
            password: credentials.password.reveal(),
          },
        },
      },
      ...(project === undefined ? {} : { scope: { project } }),
    },
  };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;

function expiry(text: unknown): number | undefined {
  const ms = typeof text === "string" ? Date.parse(text) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** The identity service's own words for a refusal: a Trove-style fault or Keystone's `error`. */
function refusal(body: unknown): string | undefined {
  const keystone = obj(obj(body)?.error)?.message;
  return typeof keystone === "string" ? keystone : faultOf(body)?.message;
}

/** Asks the identity service for a token; never retried (a POST), with core's URL and size policies. */
export async function fetchCatalogToken(
  credentials: Credentials,
  context: AuthContext,
): Promise<CatalogToken> {
  const url =
    credentials.kind === "rackspace"
      ? `${credentials.identityUrl.replace(/\/+$/, "")}/tokens`
      : `${keystoneBase(credentials.authUrl)}/auth/tokens`;
  const secrets = credentialSecrets(credentials);
  const response = await context.fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(identityBody(credentials)),
    signal: context.signal,
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const fail = (why: string) => {
    throw new RackspaceAuthError({ status: response.status, identityUrl: url, message: why, secrets });
  };
  if (!response.ok) {
    const said = refusal(body);
    return fail(
      `The identity service at ${url} refused the credentials (${response.status})${said ? `: ${redactText(said, secrets)}` : ""}`,
    );
  }
  if (credentials.kind === "rackspace") {
    const access = obj(obj(body)?.access);
    const token = obj(access?.token);
    if (typeof token?.id !== "string" || token.id === "")
      return fail(`The identity service at ${url} answered without a token`);
    const defaultRegion = obj(access?.user)?.["RAX-AUTH:defaultRegion"];
    return {
      value: new Secret(token.id),
      expiresAt: expiry(token.expires),
      endpoints: endpointsV2(access?.serviceCatalog),
      ...(typeof defaultRegion === "string" ? { defaultRegion } : {}),
    };
  }
  const subject = response.headers.get("x-subject-token");
  const token = obj(obj(body)?.token);
  if (!subject || !token) return fail(`The identity service at ${url} answered without a token`);
  return {
    value: new Secret(subject),
    expiresAt: expiry(token.expires_at),
    endpoints: endpointsV3(token.catalog),
  };
}
