/** The Atlas part of the emulator: its state (for tests) and its router (for the server). */
import { EmulatorError } from "../errors.js";
import type { RateLimitOptions } from "../rate-limit.js";
import { DigestVerifier } from "./digest.js";
import { ServiceAccounts } from "./oauth.js";
import { AtlasRouter } from "./routes.js";
import { AtlasState, type GroupSeed } from "./state.js";

export interface AtlasApiKey {
  readonly publicKey: string;
  readonly privateKey: string;
}

export interface AtlasServiceAccount {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface AtlasOptions {
  /** API key pairs accepted with HTTP Digest. */
  readonly apiKeys?: readonly AtlasApiKey[];
  /** Service accounts that may fetch bearer tokens from `/api/oauth/token`. */
  readonly serviceAccounts?: readonly AtlasServiceAccount[];
  /** Projects to start with; more can be added with `state.atlas.addGroup`. */
  readonly groups?: readonly GroupSeed[];
  /** Seconds a service-account token lasts; default 3600, as at Atlas. */
  readonly tokenLifetimeSeconds?: number;
}

function credentialMap<T>(items: readonly T[] | undefined, what: string, key: keyof T, value: keyof T) {
  const map = new Map<string, string>();
  for (const item of items ?? []) {
    const id = item?.[key];
    const secret = item?.[value];
    if (typeof id !== "string" || id === "" || typeof secret !== "string" || secret === "") {
      throw new EmulatorError(
        "invalid-option",
        `atlas.${what} entries need non-empty ${String(key)} and ${String(value)}`,
      );
    }
    map.set(id, secret);
  }
  return map;
}

export function createAtlas(
  options: AtlasOptions | undefined,
  rateLimit: RateLimitOptions | false | undefined,
): { readonly state: AtlasState; readonly router: AtlasRouter } {
  const keys = credentialMap(options?.apiKeys, "apiKeys", "publicKey", "privateKey");
  const secrets = credentialMap(options?.serviceAccounts, "serviceAccounts", "clientId", "clientSecret");
  let accounts: ServiceAccounts;
  try {
    accounts = new ServiceAccounts(secrets, options?.tokenLifetimeSeconds);
  } catch {
    throw new EmulatorError("invalid-option", "atlas.tokenLifetimeSeconds must be a positive integer");
  }
  const state = new AtlasState(accounts);
  for (const group of options?.groups ?? []) state.addGroup(group);
  const router = new AtlasRouter({ state, digest: new DigestVerifier(keys), accounts, rateLimit });
  return { state, router };
}
