/**
 * The DigitalOcean emulator's memory: clusters by id, each with its users in creation order. Tests
 * seed and inspect it through `DigitalOceanState`; the routes reach the records through
 * `clusterRecords`, which is not part of the package's API.
 */
import { randomUUID } from "node:crypto";
import { ENGINES, type Engine, supportsUserManagement } from "@dbusers/rules/digitalocean";
import { EmulatorError } from "../errors.js";
import { isUuid } from "../random.js";
import type { RecordedRequest } from "../request-log.js";
import { builtInUsers, createUser, type DigitalOceanUser, type UserInput } from "./users.js";

/**
 * A user to start a cluster with; `password` (and on Kafka `access_cert`/`access_key`) fix what is
 * otherwise generated. In `ClusterSeed.users` a built-in name (`doadmin`) sets that user's secrets.
 */
export interface UserSeed extends UserInput {
  readonly password?: string;
  readonly access_cert?: string;
  readonly access_key?: string;
}

export interface ClusterSeed {
  /** A UUID; a random one when left out. */
  readonly id?: string;
  readonly engine: Engine;
  /** Users besides the built-in ones (`doadmin`, and `do-readonly` on MongoDB); a string is a name. */
  readonly users?: readonly (string | UserSeed)[];
}

export interface DigitalOceanCluster {
  readonly id: string;
  readonly engine: Engine;
}

/** @internal */
export interface ClusterRecord {
  readonly id: string;
  readonly engine: Engine;
  readonly users: Map<string, DigitalOceanUser>;
}

const records = new WeakMap<DigitalOceanState, Map<string, ClusterRecord>>();

/** @internal The live records behind a state, for the routes. */
export function clusterRecords(state: DigitalOceanState): Map<string, ClusterRecord> {
  return records.get(state)!;
}

/** Names that are created with every cluster and can never be deleted. */
export function isBuiltIn(engine: Engine, name: string): boolean {
  return name === "doadmin" || (engine === "mongodb" && name === "do-readonly");
}

/** Fixes the secrets (and Kafka ACL ids) a seed gives instead of the generated ones. */
function applySecrets(user: DigitalOceanUser, seed: UserSeed): void {
  if (seed.password !== undefined) user.password = seed.password;
  const given = seed.settings?.acl;
  user.settings?.acl?.forEach((acl, i) => {
    const id = given?.[i]?.id;
    if (id !== undefined) acl.id = id;
  });
  if (user.access_cert !== undefined && seed.access_cert !== undefined) user.access_cert = seed.access_cert;
  if (user.access_key !== undefined && seed.access_key !== undefined) user.access_key = seed.access_key;
}

export class DigitalOceanState {
  readonly #requests: () => RecordedRequest[];

  constructor(requests: () => RecordedRequest[]) {
    this.#requests = requests;
    records.set(this, new Map());
  }

  /** Adds a cluster with its built-in users (none for `redis` and `valkey`, which have no user management). */
  addCluster(seed: ClusterSeed): DigitalOceanCluster {
    if (!(ENGINES as readonly unknown[]).includes(seed?.engine)) {
      throw new EmulatorError(
        "unknown-engine",
        `engine must be one of ${ENGINES.join(", ")}, got ${JSON.stringify(seed?.engine)}`,
      );
    }
    const id = seed.id ?? randomUUID();
    if (!isUuid(id)) {
      throw new EmulatorError(
        "invalid-cluster-id",
        `cluster id must be a UUID (DigitalOcean's format), got ${JSON.stringify(id)}`,
      );
    }
    const clusters = clusterRecords(this);
    if (clusters.has(id.toLowerCase()))
      throw new EmulatorError("duplicate-cluster", `cluster ${id} already exists`);
    const record: ClusterRecord = { id: id.toLowerCase(), engine: seed.engine, users: new Map() };
    if (supportsUserManagement(seed.engine)) {
      for (const user of builtInUsers(seed.engine)) record.users.set(user.name, user);
    } else if ((seed.users ?? []).length > 0) {
      throw new EmulatorError(
        "invalid-user",
        `${seed.engine} clusters have no database users; do not seed any`,
      );
    }
    clusters.set(record.id, record);
    try {
      for (const user of seed.users ?? []) {
        const builtIn = typeof user === "object" && user !== null ? record.users.get(user.name) : undefined;
        if (builtIn && isBuiltIn(record.engine, builtIn.name)) applySecrets(builtIn, user as UserSeed);
        else this.addUser(record.id, user);
      }
    } catch (error) {
      clusters.delete(record.id); // all or nothing: a bad seed leaves no half-made cluster
      throw error;
    }
    return { id: record.id, engine: record.engine };
  }

  /** Removes a cluster and its users; false when there was none. */
  removeCluster(id: string): boolean {
    return clusterRecords(this).delete(id.toLowerCase());
  }

  getCluster(id: string): DigitalOceanCluster | undefined {
    const record = clusterRecords(this).get(id.toLowerCase());
    return record && { id: record.id, engine: record.engine };
  }

  listClusters(): DigitalOceanCluster[] {
    return [...clusterRecords(this).values()].map(({ id, engine }) => ({ id, engine }));
  }

  /**
   * Adds a user directly, without HTTP and without the rules (to seed names a client would refuse).
   * Engine settings are kept as DigitalOcean keeps them; a password is generated unless given.
   */
  addUser(clusterId: string, seed: string | UserSeed): DigitalOceanUser {
    const record = this.#record(clusterId);
    const input: UserSeed = typeof seed === "string" ? { name: seed } : seed;
    if (typeof input?.name !== "string" || input.name.length === 0) {
      throw new EmulatorError("invalid-user", "a seeded user needs a non-empty name");
    }
    if (!supportsUserManagement(record.engine)) {
      throw new EmulatorError("invalid-user", `${record.engine} clusters have no database users`);
    }
    if (record.users.has(input.name)) {
      throw new EmulatorError(
        "duplicate-user",
        `cluster ${record.id} already has a user named ${JSON.stringify(input.name)}`,
      );
    }
    const user = createUser(record.engine, input);
    applySecrets(user, input);
    record.users.set(user.name, user);
    return structuredClone(user);
  }

  /** A copy of the user, or `undefined` when the cluster has no user of that name. */
  getUser(clusterId: string, name: string): DigitalOceanUser | undefined {
    const user = this.#record(clusterId).users.get(name);
    return user && structuredClone(user);
  }

  /** Copies of the cluster's users, in creation order (built-in users first). */
  listUsers(clusterId: string): DigitalOceanUser[] {
    return [...this.#record(clusterId).users.values()].map((user) => structuredClone(user));
  }

  /** Every request the DigitalOcean routes received, oldest first, credentials redacted. */
  get requests(): RecordedRequest[] {
    return this.#requests();
  }

  #record(clusterId: string): ClusterRecord {
    const record = clusterRecords(this).get(String(clusterId).toLowerCase());
    if (!record)
      throw new EmulatorError("unknown-cluster", `no DigitalOcean cluster ${JSON.stringify(clusterId)}`);
    return record;
  }
}
