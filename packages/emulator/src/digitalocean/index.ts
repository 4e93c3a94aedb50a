/** The DigitalOcean vendor module: its options section, its state (for tests) and its router. */
import { ENGINES } from "@dbusers/rules/digitalocean";
import { EmulatorError } from "../errors.js";
import type { RecordedRequest } from "../request-log.js";
import { sectionChecker } from "../section.js";
import type { VendorInstance, VendorModule } from "../vendor.js";
import { DigitalOceanRouter } from "./routes.js";
import { type ClusterSeed, clusterRecords, DigitalOceanState } from "./state.js";

/** The token accepted when `digitalocean.token` is not given. */
export const DEFAULT_DIGITALOCEAN_TOKEN = "dbusers-emulator-token";

export interface DigitalOceanOptions {
  /** The only bearer token the emulator accepts; default `DEFAULT_DIGITALOCEAN_TOKEN`. */
  readonly token?: string;
  /** Clusters to start with; more can be added with `state.digitalocean.addCluster`. */
  readonly clusters?: readonly ClusterSeed[];
}

const userSeed = {
  anyOf: [
    { type: "string", minLength: 1 },
    {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: { type: "string", minLength: 1 },
        // What a snapshot shows; derived on load (doadmin is the primary user, every other is normal).
        role: { enum: ["primary", "normal"] },
        password: { type: "string" },
        access_cert: { type: "string" },
        access_key: { type: "string" },
        readonly: { type: "boolean" },
        mysql_settings: { type: "object" },
        settings: { type: "object" },
      },
    },
  ],
};

const checkSection = sectionChecker("digitalocean", {
  type: "object",
  additionalProperties: false,
  properties: {
    token: { type: "string", pattern: "^\\S+$" },
    clusters: {
      type: "array",
      items: {
        type: "object",
        required: ["engine"],
        additionalProperties: false,
        properties: {
          id: { type: "string" },
          engine: { enum: [...ENGINES] },
          users: { type: "array", items: userSeed },
        },
      },
    },
  },
});

function checkToken(token: unknown): string {
  if (typeof token !== "string" || !/^\S+$/.test(token)) {
    throw new EmulatorError("invalid-option", "digitalocean.token must be a non-empty string without spaces");
  }
  return token;
}

/** A state holding exactly the seeded clusters; throws (and builds nothing) on a bad seed. */
function seededState(
  clusters: readonly ClusterSeed[] | undefined,
  requests: () => RecordedRequest[],
): DigitalOceanState {
  const state = new DigitalOceanState(requests);
  for (const cluster of clusters ?? []) state.addCluster(cluster);
  return state;
}

export const digitalocean: VendorModule<"digitalocean", DigitalOceanOptions, DigitalOceanState> = {
  name: "digitalocean",
  create(options, context): VendorInstance<DigitalOceanState> {
    if (options !== undefined) checkSection(options, "invalid-option");
    const token = { current: checkToken(options?.token ?? DEFAULT_DIGITALOCEAN_TOKEN) };
    const requests = () => context.requests();
    const state = seededState(options?.clusters, requests);
    const initial = { token: token.current, clusters: structuredClone(snapshotClusters(state)) };
    const router = new DigitalOceanRouter({
      token: () => token.current,
      state,
      rateLimit: context.rateLimit,
    });
    const replace = (next: { token: string; clusters: readonly ClusterSeed[] }) => {
      const fresh = seededState(next.clusters, requests);
      const live = clusterRecords(state);
      live.clear();
      for (const [id, record] of clusterRecords(fresh)) live.set(id, record);
      token.current = next.token;
      router.forgetRateLimits();
    };
    return {
      state,
      owns: (path) => router.owns(path),
      route: (call) => router.route(call),
      snapshot: () => ({ token: token.current, clusters: snapshotClusters(state) }),
      load(section) {
        checkSection(section, "invalid-state");
        const given = section as DigitalOceanOptions;
        replace({ token: given.token ?? DEFAULT_DIGITALOCEAN_TOKEN, clusters: given.clusters ?? [] });
      },
      reset: () => replace(structuredClone(initial)),
    };
  },
};

/** Every cluster with every user (secrets included), in the shape `ClusterSeed` accepts. */
function snapshotClusters(state: DigitalOceanState): ClusterSeed[] {
  return state.listClusters().map(({ id, engine }) => ({ id, engine, users: state.listUsers(id) }));
}
