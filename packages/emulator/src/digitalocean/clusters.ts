/**
 * What `GET /v2/databases` and `GET /v2/databases/{uuid}` say about a cluster (`database_cluster_read`
 * in specs/digitalocean/openapi.yaml): the fields a test may seed, with defaults, and the JSON shape.
 * The emulator sends the required fields and the descriptive ones; it leaves out connection details,
 * maintenance windows and firewall rules, since nothing here can be connected to.
 */
import type { Engine } from "@dbusers/rules/digitalocean";

/** The descriptive fields of a cluster, as DigitalOcean names them. */
export interface ClusterDetails {
  /** Unique within the emulator; default `<engine>-<first 8 characters of the id>`. */
  readonly name: string;
  /** Default `nyc3`. */
  readonly region: string;
  /** Default `db-s-1vcpu-1gb`. */
  readonly size: string;
  /** Default 1. */
  readonly num_nodes: number;
  /** Default: a current major version of the engine. */
  readonly version: string;
  /** Default none; `GET /v2/databases?tag_name=` filters on them. */
  readonly tags: readonly string[];
  /** ISO 8601; default the time the cluster was added. */
  readonly created_at: string;
}

/** Recent major versions, so listings look like DigitalOcean's; nothing depends on them. */
const VERSIONS: Readonly<Record<Engine, string>> = {
  pg: "17",
  mysql: "8",
  mongodb: "8.0",
  kafka: "3.8",
  opensearch: "2",
  redis: "7",
  valkey: "8",
};

export function clusterDetails(id: string, engine: Engine, seed: Partial<ClusterDetails>): ClusterDetails {
  return {
    name: seed.name ?? `${engine}-${id.slice(0, 8)}`,
    region: seed.region ?? "nyc3",
    size: seed.size ?? "db-s-1vcpu-1gb",
    num_nodes: seed.num_nodes ?? 1,
    version: seed.version ?? VERSIONS[engine] ?? "1",
    tags: [...(seed.tags ?? [])],
    created_at: seed.created_at ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

/** The cluster as the API returns it. */
export function clusterJson(id: string, engine: Engine, details: ClusterDetails): Record<string, unknown> {
  return { id, engine, ...details, tags: [...details.tags], status: "online" };
}
