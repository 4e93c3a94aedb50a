/** Database and root operations (docs/vendors/rackspace.md §3). */
import type { Core } from "./client.js";
import { arrayOf } from "./errors.js";
import type { CallOptions, Database, NewDatabase, RootCredentials, WriteOptions } from "./types.js";
import { assertValidDatabase, assertValidRequest } from "./validate.js";
import { expectation, waitUntil } from "./wait.js";

const nameOf = (database: NewDatabase) => (typeof database === "string" ? database : database.name);

export function databaseOperations(core: Core) {
  const { api } = core;
  const listed = async (instanceId: string, signal?: AbortSignal) =>
    new Set((await core.list(instanceId, "databases", { signal })).map((d) => d.name));

  return {
    /** Creates databases (202); with `wait`, resolves once every one of them is listed. */
    async createDatabases(
      instanceId: string,
      databases: readonly NewDatabase[],
      options?: WriteOptions,
    ): Promise<void> {
      const id = core.instance(instanceId);
      const body = {
        databases: arrayOf(databases, "databases").map((d) =>
          typeof d === "string" ? { name: d } : { ...d },
        ),
      };
      if (core.validate) await assertValidRequest("createDatabases", body, []);
      await api.result(
        api.POST("/instances/{instanceId}/databases", {
          params: { path: { instanceId: id } },
          body,
          signal: options?.signal,
        }),
        [202],
      );
      const names = databases.map(nameOf);
      await waitUntil(
        names.map((name) =>
          expectation(`database ${name}`, true, async () => (await listed(id, options?.signal)).has(name)),
        ),
        options?.wait,
        options?.signal,
      );
    },

    /** Every database of the instance, all pages (reserved ones are never listed). */
    async listDatabases(instanceId: string, options?: CallOptions): Promise<Database[]> {
      return core.list(core.instance(instanceId), "databases", options);
    },

    /** Drops a database (202); with `wait`, until it is gone. */
    async deleteDatabase(instanceId: string, name: string, options?: WriteOptions): Promise<void> {
      const id = core.instance(instanceId);
      const database = core.database(name);
      if (core.validate) await assertValidDatabase(name);
      await api.result(
        api.DELETE("/instances/{instanceId}/databases/{database}", {
          params: { path: { instanceId: id, database } },
          signal: options?.signal,
        }),
        [202],
      );
      await waitUntil(
        [expectation(`database ${name}`, false, async () => (await listed(id, options?.signal)).has(name))],
        options?.wait,
        options?.signal,
      );
    },

    /** Enables `root` and returns its generated password, shown only this once. */
    async enableRoot(instanceId: string, options?: CallOptions): Promise<RootCredentials> {
      const id = core.instance(instanceId);
      const { user } = await api.result(
        api.POST("/instances/{instanceId}/root", {
          params: { path: { instanceId: id } },
          signal: options?.signal,
        }),
        [200],
      );
      return user;
    },

    /** Whether root has ever been enabled on the instance. */
    async isRootEnabled(instanceId: string, options?: CallOptions): Promise<boolean> {
      const id = core.instance(instanceId);
      const { rootEnabled } = await api.result(
        api.GET("/instances/{instanceId}/root", {
          params: { path: { instanceId: id } },
          signal: options?.signal,
        }),
        [200],
      );
      return rootEnabled;
    },

    /** Disables root (Trove; Rackspace does not document it). */
    async disableRoot(instanceId: string, options?: CallOptions): Promise<void> {
      const id = core.instance(instanceId);
      await api.result(
        api.DELETE("/instances/{instanceId}/root", {
          params: { path: { instanceId: id } },
          signal: options?.signal,
        }),
        [204],
      );
    },
  };
}
