/** The Rackspace adapter: imports `@dbusers/rackspace`, so it is loaded only when a Rackspace target is used. */
import type { Secret } from "@dbusers/core";
import {
  createRackspaceClient,
  type RackspaceClient,
  type User,
  type WriteOptions,
} from "@dbusers/rackspace";
import { UnsupportedOperationError } from "../../errors.js";
import type { CallOptions, Credentials, DbUser, UserKey } from "../../model.js";
import { formatTarget, type TargetRef } from "../../target-ref.js";
import type { VendorAdapter } from "../types.js";
import { ANY_HOST, databaseChanges, newUser } from "./body.js";
import { isRackspaceBuiltIn, type RackspaceOptions } from "./index.js";

function isClient(options: RackspaceOptions): options is RackspaceClient {
  return typeof (options as Partial<RackspaceClient>).listUsers === "function";
}

/** Trove's user in the common model; the object is kept whole in `vendorData` (Trove never returns a password). */
export function toDbUser(raw: User): DbUser {
  return {
    vendor: "rackspace",
    name: raw.name,
    host: raw.host,
    databases: raw.databases.map((d) => d.name),
    builtIn: isRackspaceBuiltIn(raw.name),
    vendorData: Object.freeze(structuredClone(raw) as Record<string, unknown>),
  };
}

const signalOf = (options?: CallOptions) => (options?.signal ? { signal: options.signal } : {});

/**
 * Trove may drop a write it answered 202 to (§1.1), so by default a write resolves only once its
 * effect is visible; `wait: false` resolves on the 202.
 */
const writeOptions = (options?: CallOptions, wait = options?.wait ?? true): WriteOptions => ({
  wait,
  ...signalOf(options),
});

function credentialsOf(target: TargetRef, key: UserKey, password: Secret): Credentials {
  return { target: formatTarget(target), name: key.name, host: key.host ?? ANY_HOST, password };
}

function needsPassword(password: Secret | undefined): Secret {
  if (password === undefined) {
    // The facade generates one where the caller gives none; an adapter called directly must too.
    throw new UnsupportedOperationError("rackspace", "password", "Rackspace needs a password for every user");
  }
  return password;
}

export function createRackspaceAdapter(options: RackspaceOptions): VendorAdapter {
  const client = isClient(options) ? options : createRackspaceClient(options);

  return {
    vendor: "rackspace",
    async listUsers(target, callOptions) {
      return (await client.listUsers(target.id, signalOf(callOptions))).map(toDbUser);
    },
    async getUser(target, key, callOptions) {
      return toDbUser(await client.getUser(target.id, key.name, key.host ?? ANY_HOST, signalOf(callOptions)));
    },
    async createUser(target, spec, password, callOptions) {
      const secret = needsPassword(password);
      const body = newUser(spec, secret.reveal());
      await client.createUsers(target.id, [body], writeOptions(callOptions));
      // Trove answers a create with no body (§3): the user is what was sent, without its password.
      const user = toDbUser({
        name: spec.name,
        host: spec.host ?? ANY_HOST,
        databases: (spec.databases ?? []).map((name) => ({ name })),
      });
      return { user, credentials: credentialsOf(target, user, secret) };
    },
    async updateUser(target, key, changes, callOptions) {
      const host = key.host ?? ANY_HOST;
      const before = await client.getUser(target.id, key.name, host, signalOf(callOptions));
      const name = changes.name ?? key.name;
      const nextHost = changes.host ?? host;
      const moved = name !== key.name || nextHost !== host;
      const access =
        changes.databases === undefined
          ? { grant: [], revoke: [] }
          : databaseChanges(
              before.databases.map((d) => d.name),
              changes.databases,
            );
      const regrants = access.grant.length > 0 || access.revoke.length > 0;
      if (moved) {
        const modify = {
          ...(name === key.name ? {} : { name }),
          ...(nextHost === host ? {} : { host: nextHost }),
        };
        // Grants address the user by its new name, so they wait for the rename whatever `wait` says.
        const wait = regrants && callOptions?.wait === false ? true : undefined;
        await client.updateUser(target.id, key.name, host, modify, writeOptions(callOptions, wait));
      }
      // Trove applies grants and revokes before it answers (§3), so they need no waiting.
      if (access.grant.length > 0) {
        await client.grantAccess(target.id, name, nextHost, access.grant, signalOf(callOptions));
      }
      for (const database of access.revoke) {
        await client.revokeAccess(target.id, name, nextHost, database, signalOf(callOptions));
      }
      const databases = changes.databases ?? before.databases.map((d) => d.name);
      return toDbUser({ ...before, name, host: nextHost, databases: databases.map((d) => ({ name: d })) });
    },
    async deleteUser(target, key, callOptions) {
      await client.deleteUser(target.id, key.name, key.host ?? ANY_HOST, writeOptions(callOptions));
    },
    async rotatePassword(target, key, password, rotateOptions) {
      const secret = needsPassword(password);
      const host = key.host ?? ANY_HOST;
      await client.changePasswords(
        target.id,
        [{ name: key.name, host, password: secret.reveal() }],
        writeOptions(rotateOptions),
      );
      return { credentials: credentialsOf(target, key, secret) };
    },
    generatePassword: async () => (await import("@dbusers/rules/rackspace")).generatePassword(),
    async close() {},
  };
}
