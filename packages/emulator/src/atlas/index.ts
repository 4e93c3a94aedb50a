/** The MongoDB Atlas vendor module: its options section, its state (for tests) and its router. */
import { EmulatorError } from "../errors.js";
import { sectionChecker } from "../section.js";
import type { VendorInstance, VendorModule } from "../vendor.js";
import { DigestVerifier } from "./digest.js";
import { DEFAULT_TOKEN_LIFETIME_SECONDS, ServiceAccounts } from "./oauth.js";
import { AtlasRouter } from "./routes.js";
import { AtlasState, type GroupSeed, groupRecords } from "./state.js";

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

const nonEmpty = { type: "string", minLength: 1 };
const pair = (a: string, b: string) => ({
  type: "array",
  items: {
    type: "object",
    required: [a, b],
    additionalProperties: false,
    properties: { [a]: nonEmpty, [b]: nonEmpty },
  },
});

const checkSection = sectionChecker("atlas", {
  type: "object",
  additionalProperties: false,
  properties: {
    apiKeys: pair("publicKey", "privateKey"),
    serviceAccounts: pair("clientId", "clientSecret"),
    tokenLifetimeSeconds: { type: "integer", minimum: 1 },
    groups: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: "^[a-f0-9]{24}$" },
          maxUsers: { type: "integer", minimum: 0 },
          users: {
            type: "array",
            items: {
              anyOf: [
                nonEmpty,
                { type: "object", required: ["username"], properties: { username: nonEmpty } },
              ],
            },
          },
        },
      },
    },
  },
});

interface Section {
  readonly apiKeys: readonly AtlasApiKey[];
  readonly serviceAccounts: readonly AtlasServiceAccount[];
  readonly groups: readonly GroupSeed[];
  readonly tokenLifetimeSeconds: number;
}

function complete(options: AtlasOptions | undefined): Section {
  return structuredClone({
    apiKeys: options?.apiKeys ?? [],
    serviceAccounts: options?.serviceAccounts ?? [],
    groups: options?.groups ?? [],
    tokenLifetimeSeconds: options?.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
  });
}

export const atlas: VendorModule<"atlas", AtlasOptions, AtlasState> = {
  name: "atlas",
  create(options, context): VendorInstance<AtlasState> {
    if (options !== undefined) checkSection(options, "invalid-option");
    const keys = new Map<string, string>();
    const secrets = new Map<string, string>();
    const accounts = new ServiceAccounts(secrets);
    const digest = new DigestVerifier(keys);
    const state = new AtlasState(accounts, () => context.requests());
    const router = new AtlasRouter({ state, digest, accounts, rateLimit: context.rateLimit });

    /** All or nothing: a seed that fails leaves the live state as it was. */
    const replace = (section: Section) => {
      const fresh = new AtlasState(new ServiceAccounts(new Map()));
      for (const group of section.groups) fresh.addGroup(group);
      const live = groupRecords(state);
      live.clear();
      for (const [id, record] of groupRecords(fresh)) live.set(id, record);
      keys.clear();
      for (const key of section.apiKeys) keys.set(key.publicKey, key.privateKey);
      secrets.clear();
      for (const account of section.serviceAccounts) secrets.set(account.clientId, account.clientSecret);
      accounts.clear();
      accounts.lifetimeSeconds = section.tokenLifetimeSeconds;
      digest.clear();
      router.forgetRateLimits();
    };
    const initial = complete(options);
    replace(initial);
    return {
      state,
      owns: (path) => router.owns(path),
      route: (call) => router.route(call),
      snapshot: () => ({
        apiKeys: [...keys].map(([publicKey, privateKey]) => ({ publicKey, privateKey })),
        serviceAccounts: [...secrets].map(([clientId, clientSecret]) => ({ clientId, clientSecret })),
        groups: state.snapshotGroups(),
        tokenLifetimeSeconds: accounts.lifetimeSeconds,
      }),
      load(section) {
        checkSection(section, "invalid-state");
        try {
          replace(complete(section as AtlasOptions));
        } catch (error) {
          if (error instanceof EmulatorError) throw new EmulatorError("invalid-state", error.message);
          throw error;
        }
      },
      reset: () => replace(structuredClone(initial)),
    };
  },
};
