/** The client object: every operation, and the endpoint the catalog gave. */
import { createCore, type RackspaceClientOptions } from "./client.js";
import { databaseOperations } from "./databases.js";
import { userOperations } from "./users.js";

export type RackspaceClient = ReturnType<typeof userOperations> &
  ReturnType<typeof databaseOperations> & {
    /** The Cloud Databases endpoint in use, from the catalog on first use (authenticates if needed). */
    endpoint(): Promise<string>;
  };

export function createRackspaceClient(options: RackspaceClientOptions = {}): RackspaceClient {
  const core = createCore(options);
  return {
    ...userOperations(core),
    ...databaseOperations(core),
    async endpoint() {
      // The catalog is read on the first request; listing one instance is the cheapest one.
      if (core.api.baseUrl === undefined) {
        await core.api.result(core.api.GET("/instances", { params: { query: { limit: 1 } } }), [200]);
      }
      return core.api.baseUrl!;
    },
  };
}
