/**
 * The Atlas emulator's memory: projects ("groups") by id, each with its database users in creation
 * order, unique on (databaseName, username). Tests seed and inspect it through `AtlasState`; the
 * routes reach the records through `groupRecords`, which is not part of the package's API.
 */
import { randomBytes } from "node:crypto";
import { EmulatorError } from "../errors.js";
import type { RecordedRequest } from "../request-log.js";
import type { ServiceAccounts } from "./oauth.js";
import {
  type AtlasUser,
  type AtlasUserSeed,
  newRecord,
  toAtlasUser,
  type UserRecord,
  userKey,
} from "./users.js";

/** Atlas's limit per project (atlas.md §2); a test may lower it. */
export const DEFAULT_MAX_USERS = 100;

export interface GroupSeed {
  /** 24 lower-case hex digits; a random one when left out. */
  readonly id?: string;
  /** Users to start with; a string is a SCRAM user on `admin` with the role `readWriteAnyDatabase`. */
  readonly users?: readonly (string | AtlasUserSeed)[];
  /** How many users the project may hold; default 100. */
  readonly maxUsers?: number;
}

export interface AtlasGroup {
  readonly id: string;
  readonly maxUsers: number;
}

/** @internal */
export interface GroupRecord {
  readonly id: string;
  readonly maxUsers: number;
  readonly users: Map<string, UserRecord>;
}

const GROUP_ID = /^[a-f0-9]{24}$/;
const records = new WeakMap<AtlasState, Map<string, GroupRecord>>();

/** @internal The live records behind a state, for the routes. */
export function groupRecords(state: AtlasState): Map<string, GroupRecord> {
  return records.get(state)!;
}

/** Self links in answers made for tests (not for a request) point at the real host. */
const STATE_ORIGIN = "https://cloud.mongodb.com";

export class AtlasState {
  readonly #accounts: ServiceAccounts;
  readonly #requests: () => RecordedRequest[];

  constructor(accounts: ServiceAccounts, requests: () => RecordedRequest[] = () => []) {
    this.#accounts = accounts;
    this.#requests = requests;
    records.set(this, new Map());
  }

  /** Adds a project with the given users. */
  addGroup(seed: GroupSeed = {}): AtlasGroup {
    const id = seed.id ?? randomBytes(12).toString("hex");
    if (typeof id !== "string" || !GROUP_ID.test(id)) {
      throw new EmulatorError(
        "invalid-option",
        `atlas group id must be 24 lower-case hex digits, got ${JSON.stringify(id)}`,
      );
    }
    const groups = groupRecords(this);
    if (groups.has(id)) throw new EmulatorError("invalid-option", `atlas group ${id} exists already`);
    const maxUsers = seed.maxUsers ?? DEFAULT_MAX_USERS;
    if (!Number.isInteger(maxUsers) || maxUsers < 0) {
      throw new EmulatorError(
        "invalid-option",
        `atlas maxUsers must be a non-negative integer, got ${String(maxUsers)}`,
      );
    }
    const group: GroupRecord = { id, maxUsers, users: new Map() };
    groups.set(id, group);
    for (const user of seed.users ?? []) this.addUser(id, user);
    return { id, maxUsers };
  }

  /** Adds a user without any checks but uniqueness (for seeding). */
  addUser(groupId: string, seed: string | AtlasUserSeed): AtlasUser {
    const group = this.#group(groupId);
    const input: AtlasUserSeed =
      typeof seed === "string"
        ? { username: seed, roles: [{ roleName: "readWriteAnyDatabase", databaseName: "admin" }] }
        : seed;
    const record = newRecord(group.id, input);
    const key = userKey(record.databaseName, record.username);
    if (group.users.has(key)) {
      throw new EmulatorError(
        "duplicate-user",
        `atlas user ${record.databaseName}/${record.username} exists already`,
      );
    }
    group.users.set(key, record);
    return toAtlasUser(record, STATE_ORIGIN);
  }

  groups(): AtlasGroup[] {
    return [...groupRecords(this).values()].map(({ id, maxUsers }) => ({ id, maxUsers }));
  }

  /** The project's users as Atlas would return them, in creation order. */
  users(groupId: string): AtlasUser[] {
    return [...this.#group(groupId).users.values()].map((record) => toAtlasUser(record, STATE_ORIGIN));
  }

  /** Whether the stored SCRAM password of a user is `password` (passwords are never returned). */
  hasPassword(groupId: string, databaseName: string, username: string, password: string): boolean {
    return this.#group(groupId).users.get(userKey(databaseName, username))?.password === password;
  }

  /** The Atlas requests the emulator received (the newest the log keeps), oldest first. */
  get requests(): RecordedRequest[] {
    return this.#requests();
  }

  /** Seconds a new service-account token lasts (Atlas: 3600). */
  get tokenLifetimeSeconds(): number {
    return this.#accounts.lifetimeSeconds;
  }

  set tokenLifetimeSeconds(seconds: number) {
    this.#accounts.lifetimeSeconds = seconds;
  }

  /** Service-account tokens handed out since the start. */
  get tokensIssued(): number {
    return this.#accounts.issued;
  }

  /** Makes every token handed out so far expire now, as if an hour had passed. */
  expireTokens(): void {
    this.#accounts.expireAll();
  }

  /** @internal Every project with every user, password included, in the shape `GroupSeed` takes. */
  snapshotGroups(): GroupSeed[] {
    return [...groupRecords(this).values()].map((group) => ({
      id: group.id,
      maxUsers: group.maxUsers,
      users: [...group.users.values()].map(({ groupId: _groupId, ...user }) => structuredClone(user)),
    }));
  }

  #group(groupId: string): GroupRecord {
    const group = groupRecords(this).get(groupId);
    if (!group) throw new EmulatorError("invalid-option", `no atlas group ${JSON.stringify(groupId)}`);
    return group;
  }
}
