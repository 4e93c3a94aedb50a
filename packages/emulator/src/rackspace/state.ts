/**
 * The Rackspace emulator's memory: accounts, their instances, and on each instance its users (keyed
 * `name@host`), databases and root history. Tests seed and inspect it through `RackspaceState`;
 * routes reach the live records through `records`, which is not part of the package's API.
 */
import { EmulatorError } from "../errors.js";
import type { RecordedRequest } from "../request-log.js";
import {
  DEFAULT_RACKSPACE_ACCOUNT,
  type RackspaceAccountSeed,
  type RackspaceApplicationCredential,
  type RackspaceInstanceSeed,
  type RackspaceOptions,
} from "./options.js";

/** @internal */
export interface UserRecord {
  name: string;
  host: string;
  password: string;
  readonly databases: Set<string>;
}

/** @internal */
export interface InstanceRecord {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  status: string;
  readonly tenantId: string;
  readonly users: Map<string, UserRecord>;
  readonly databases: Map<
    string,
    { readonly name: string; readonly characterSet?: string; readonly collate?: string }
  >;
  /** Trove's root history: once enabled, `rootEnabled` stays true until root is disabled. */
  rootEnabled: boolean;
  rootPassword: string | undefined;
}

/** @internal */
export interface AccountRecord {
  readonly username: string;
  readonly password: string | undefined;
  readonly apiKey: string | undefined;
  readonly applicationCredentials: readonly RackspaceApplicationCredential[];
  readonly tenantId: string;
  readonly instances: Map<string, InstanceRecord>;
}

export const userKey = (name: string, host: string) => `${name}@${host}`;

/** A user as a test sees it (the password included: this is the test's own emulator). */
export interface RackspaceUserView {
  readonly name: string;
  readonly host: string;
  readonly password: string;
  readonly databases: string[];
}

export interface RackspaceInstanceView {
  readonly id: string;
  readonly tenantId: string;
  readonly region: string;
  readonly status: string;
  /** Ordered as Trove lists them, by `name@host`. */
  readonly users: RackspaceUserView[];
  readonly databases: string[];
  readonly rootEnabled: boolean;
}

function instanceRecord(tenantId: string, seed: RackspaceInstanceSeed): InstanceRecord {
  const record: InstanceRecord = {
    id: seed.id,
    name: seed.name ?? seed.id.slice(0, 8),
    region: seed.region ?? "DFW",
    status: seed.status ?? "ACTIVE",
    tenantId,
    users: new Map(),
    databases: new Map(),
    rootEnabled: false,
    rootPassword: undefined,
  };
  for (const name of seed.databases ?? []) record.databases.set(name, { name });
  for (const user of seed.users ?? []) {
    const host = user.host ?? "%";
    if (record.users.has(userKey(user.name, host))) {
      throw new EmulatorError(
        "invalid-option",
        `instance ${seed.id} lists user ${userKey(user.name, host)} twice`,
      );
    }
    record.users.set(userKey(user.name, host), {
      name: user.name,
      host,
      password: user.password,
      databases: new Set(user.databases ?? []),
    });
  }
  return record;
}

/** Builds the records from options; throws `EmulatorError` on a duplicate id, user name or tenant. */
export function buildAccounts(options: RackspaceOptions | undefined): AccountRecord[] {
  const seeds: readonly RackspaceAccountSeed[] = options?.accounts ?? [DEFAULT_RACKSPACE_ACCOUNT];
  const seen = { usernames: new Set<string>(), tenants: new Set<string>(), instances: new Set<string>() };
  return seeds.map((seed) => {
    for (const [set, value, what] of [
      [seen.usernames, seed.username, "username"],
      [seen.tenants, seed.tenantId, "tenantId"],
    ] as const) {
      if (set.has(value))
        throw new EmulatorError("invalid-option", `two rackspace accounts have ${what} ${value}`);
      set.add(value);
    }
    const instances = new Map<string, InstanceRecord>();
    for (const instance of seed.instances ?? []) {
      if (seen.instances.has(instance.id)) {
        throw new EmulatorError("invalid-option", `instance id ${instance.id} is used twice`);
      }
      seen.instances.add(instance.id);
      instances.set(instance.id, instanceRecord(seed.tenantId, instance));
    }
    return {
      username: seed.username,
      password: seed.password,
      apiKey: seed.apiKey,
      applicationCredentials: seed.applicationCredentials ?? [],
      tenantId: seed.tenantId,
      instances,
    };
  });
}

export function sortedUsers(instance: InstanceRecord): UserRecord[] {
  return [...instance.users.values()].sort((a, b) => {
    const ka = userKey(a.name, a.host);
    const kb = userKey(b.name, b.host);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** What the state handle reads and drives; the module rebuilds these on `load` and `reset`. */
export interface RackspaceStateParts {
  readonly accounts: () => readonly AccountRecord[];
  readonly tokensIssued: () => number;
  readonly expireTokens: () => void;
  readonly pendingWrites: () => number;
  readonly applyWrites: () => number;
  readonly requests: () => RecordedRequest[];
}

/** What tests see as `emulator.state.rackspace`. */
export class RackspaceState {
  readonly #parts: RackspaceStateParts;

  constructor(parts: RackspaceStateParts) {
    this.#parts = parts;
  }

  /** Rackspace requests received (identity included), oldest first; credentials redacted. */
  get requests(): RecordedRequest[] {
    return this.#parts.requests();
  }

  /** Accepted writes not applied yet (with `writes: "manual"` or a delay). */
  get pendingWrites(): number {
    return this.#parts.pendingWrites();
  }

  /** Applies every pending write now, oldest first; returns how many there were. */
  applyWrites(): number {
    return this.#parts.applyWrites();
  }

  /** Makes every token issued so far expired, as if their 24 hours had passed; the next call gets a 401. */
  expireTokens(): void {
    this.#parts.expireTokens();
  }

  /** How many tokens the identity endpoints have issued. */
  get tokensIssued(): number {
    return this.#parts.tokensIssued();
  }

  /** Sets an instance's status (`BUILD`, `REBOOT`, … make user and database changes a 422). */
  setInstanceStatus(instanceId: string, status: string): void {
    this.#record(instanceId).status = status;
  }

  instance(instanceId: string): RackspaceInstanceView {
    const record = this.#record(instanceId);
    return {
      id: record.id,
      tenantId: record.tenantId,
      region: record.region,
      status: record.status,
      users: sortedUsers(record).map((u) => ({
        name: u.name,
        host: u.host,
        password: u.password,
        databases: [...u.databases].sort(),
      })),
      databases: [...record.databases.keys()].sort(),
      rootEnabled: record.rootEnabled,
    };
  }

  /** Every account with its instances, users (passwords included) and databases, as seeds. */
  snapshotAccounts(): RackspaceAccountSeed[] {
    return this.#parts.accounts().map((account) => ({
      username: account.username,
      ...(account.password === undefined ? {} : { password: account.password }),
      ...(account.apiKey === undefined ? {} : { apiKey: account.apiKey }),
      applicationCredentials: account.applicationCredentials.map((c) => ({ ...c })),
      tenantId: account.tenantId,
      instances: [...account.instances.values()].map((instance) => ({
        id: instance.id,
        name: instance.name,
        region: instance.region,
        status: instance.status,
        databases: [...instance.databases.keys()],
        users: sortedUsers(instance).map((u) => ({
          name: u.name,
          host: u.host,
          password: u.password,
          databases: [...u.databases],
        })),
      })),
    }));
  }

  #record(instanceId: string): InstanceRecord {
    for (const account of this.#parts.accounts()) {
      const found = account.instances.get(instanceId);
      if (found) return found;
    }
    throw new EmulatorError("invalid-option", `no rackspace instance ${instanceId}`);
  }
}
