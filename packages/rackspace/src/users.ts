/**
 * User operations (docs/vendors/rackspace.md §3). Every `{user}` is `name@host` (host `%` when left
 * out), so a name holding `@` is always addressed right (§3.1). Checks run in this order: path
 * parameters (always), the strict rules (unless `validate: false`), then the request.
 */
import type { Core } from "./client.js";
import { arrayOf, RackspaceApiError } from "./errors.js";
import type {
  CallOptions,
  Database,
  DatabaseName,
  NewUser,
  PasswordChange,
  User,
  UserChanges,
  WriteOptions,
} from "./types.js";
import { assertValidAddress, assertValidDatabase, assertValidRequest } from "./validate.js";
import { type Expectation, expectation, waitUntil } from "./wait.js";

const refs = (databases: readonly DatabaseName[] | undefined) =>
  databases?.map((database) => (typeof database === "string" ? { name: database } : { name: database.name }));

const show = (name: string, host = "%") => `user ${name}@${host}`;

/** True once `getUser` finds the user; false on 404. */
async function exists(core: Core, instanceId: string, user: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await core.api.result(
      core.api.GET("/instances/{instanceId}/users/{user}", {
        params: { path: { instanceId, user } },
        signal,
      }),
      [200],
    );
    return true;
  } catch (error) {
    if (error instanceof RackspaceApiError && error.status === 404) return false;
    throw error;
  }
}

/** Waiting for a user to be listed (`present`) or gone. */
function userThere(
  core: Core,
  instanceId: string,
  name: string,
  host: string | undefined,
  present: boolean,
  signal?: AbortSignal,
): Expectation {
  const user = core.address(instanceId, name, host).user;
  return expectation(show(name, host), present, () => exists(core, instanceId, user, signal));
}

export function userOperations(core: Core) {
  const { api } = core;
  const passwords = (items: readonly { password?: unknown }[] | undefined) =>
    (Array.isArray(items) ? items : []).flatMap((u) => (typeof u?.password === "string" ? [u.password] : []));
  /** With `wait`, until every user of a batch (created, or with a new password) is listed. */
  const listed = (id: string, users: readonly { name: string; host?: string }[], options?: WriteOptions) =>
    waitUntil(
      users.map((u) => userThere(core, id, u.name, u.host, true, options?.signal)),
      options?.wait,
      options?.signal,
    );

  return {
    /** Creates users (202); with `wait`, resolves once every one of them is listed. */
    async createUsers(instanceId: string, users: readonly NewUser[], options?: WriteOptions): Promise<void> {
      const id = core.instance(instanceId);
      const list = arrayOf(users, "users");
      // Unknown keys stay in the body, so the strict rules can refuse them (Trove would ignore them).
      const body = {
        users: list.map((user) => {
          const { databases, ...rest } = user ?? ({} as NewUser);
          return databases === undefined ? rest : { ...rest, databases: refs(databases)! };
        }),
      };
      if (core.validate) await assertValidRequest("createUsers", body, passwords(body.users));
      await api.result(
        api.POST("/instances/{instanceId}/users", {
          params: { path: { instanceId: id } },
          body,
          signal: options?.signal,
        }),
        [202],
      );
      await listed(id, list, options);
    },

    /** Every user of the instance, all pages (reserved users are never listed). */
    async listUsers(instanceId: string, options?: CallOptions): Promise<User[]> {
      return core.list(core.instance(instanceId), "users", options);
    },

    /** One user; `host` defaults to `%`. */
    async getUser(instanceId: string, name: string, host?: string, options?: CallOptions): Promise<User> {
      const path = core.address(instanceId, name, host);
      if (core.validate) await assertValidAddress(name, host);
      const { user } = await api.result(
        api.GET("/instances/{instanceId}/users/{user}", { params: { path }, signal: options?.signal }),
        [200],
      );
      return user;
    },

    /** New passwords for existing users (202). Trove cannot show a password, so `wait` only checks the users still exist. */
    async changePasswords(
      instanceId: string,
      users: readonly PasswordChange[],
      options?: WriteOptions,
    ): Promise<void> {
      const id = core.instance(instanceId);
      const list = arrayOf(users, "users");
      const body = { users: [...list] };
      if (core.validate) await assertValidRequest("changePasswords", body, passwords(list));
      await api.result(
        api.PUT("/instances/{instanceId}/users", {
          params: { path: { instanceId: id } },
          body,
          signal: options?.signal,
        }),
        [202],
      );
      await listed(id, list, options);
    },

    /** Renames, re-hosts or re-passwords one user (202); with `wait`, until the new name and host are listed. */
    async updateUser(
      instanceId: string,
      name: string,
      host: string | undefined,
      changes: UserChanges,
      options?: WriteOptions,
    ): Promise<void> {
      const path = core.address(instanceId, name, host);
      const body = { user: changes };
      if (core.validate) {
        await assertValidAddress(name, host);
        await assertValidRequest("modifyUser", body, passwords([changes]));
      }
      await api.result(
        api.PUT("/instances/{instanceId}/users/{user}", { params: { path }, body, signal: options?.signal }),
        [202],
      );
      const nextName = changes.name ?? name;
      const nextHost = changes.host ?? host;
      const moved = `${nextName}@${nextHost ?? "%"}` !== `${name}@${host ?? "%"}`;
      const expectations = [userThere(core, path.instanceId, nextName, nextHost, true, options?.signal)];
      if (moved) expectations.push(userThere(core, path.instanceId, name, host, false, options?.signal));
      await waitUntil(expectations, options?.wait, options?.signal);
    },

    /** Deletes a user (202); with `wait`, until it is gone. */
    async deleteUser(instanceId: string, name: string, host?: string, options?: WriteOptions): Promise<void> {
      const path = core.address(instanceId, name, host);
      if (core.validate) await assertValidAddress(name, host);
      await api.result(
        api.DELETE("/instances/{instanceId}/users/{user}", { params: { path }, signal: options?.signal }),
        [202],
      );
      await waitUntil(
        [userThere(core, path.instanceId, name, host, false, options?.signal)],
        options?.wait,
        options?.signal,
      );
    },

    /** The databases the user may use. */
    async listAccess(
      instanceId: string,
      name: string,
      host?: string,
      options?: CallOptions,
    ): Promise<Database[]> {
      const path = core.address(instanceId, name, host);
      if (core.validate) await assertValidAddress(name, host);
      const { databases } = await api.result(
        api.GET("/instances/{instanceId}/users/{user}/databases", {
          params: { path },
          signal: options?.signal,
        }),
        [200],
      );
      return databases;
    },

    /** Grants every privilege on each database. Trove applies it before answering. */
    async grantAccess(
      instanceId: string,
      name: string,
      host: string | undefined,
      databases: readonly DatabaseName[],
      options?: CallOptions,
    ): Promise<void> {
      const path = core.address(instanceId, name, host);
      const body = { databases: refs(arrayOf(databases, "databases"))! };
      if (core.validate) {
        await assertValidAddress(name, host);
        await assertValidRequest("grantAccess", body, []);
      }
      await api.result(
        api.PUT("/instances/{instanceId}/users/{user}/databases", {
          params: { path },
          body,
          signal: options?.signal,
        }),
        [202],
      );
    },

    /** Revokes the user's access to one database (404 when it had none). */
    async revokeAccess(
      instanceId: string,
      name: string,
      host: string | undefined,
      database: string,
      options?: CallOptions,
    ): Promise<void> {
      const { instanceId: id, user } = core.address(instanceId, name, host);
      const checked = core.database(database);
      if (core.validate) {
        await assertValidAddress(name, host);
        await assertValidDatabase(database);
      }
      await api.result(
        api.DELETE("/instances/{instanceId}/users/{user}/databases/{database}", {
          params: { path: { instanceId: id, user, database: checked } },
          signal: options?.signal,
        }),
        [202],
      );
    },
  };
}
