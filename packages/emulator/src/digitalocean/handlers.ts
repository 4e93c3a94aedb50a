/**
 * The six user operations on a cluster that exists and has user management, with a request that
 * passed every check. Each returns DigitalOcean's success status and body (docs/vendors/digitalocean.md
 * §12); only a duplicate name or a built-in user can still be refused.
 */
import type { Reply } from "../http.js";
import { clusterJson } from "./clusters.js";
import { type ErrorReply, unprocessable } from "./errors.js";
import { type ClusterRecord, isBuiltIn } from "./state.js";
import { createUser, type DigitalOceanUser, engineSettings, newPassword, type UserInput } from "./users.js";

export interface OperationCall {
  readonly cluster: ClusterRecord;
  /** The user named in the path (already looked up); absent for list and add. */
  readonly user: DigitalOceanUser | undefined;
  readonly body: unknown;
  readonly requestId: string;
}

type Handler = (call: OperationCall) => Reply | ErrorReply;

const json = (status: number, body: unknown): Reply => ({ status, headers: {}, body });
const copy = (user: DigitalOceanUser) => structuredClone(user);

const listUsers: Handler = ({ cluster }) => json(200, { users: [...cluster.users.values()].map(copy) });

const getUser: Handler = ({ user }) => json(200, { user: copy(user!) });

/**
 * A name that exists already gets a 422, as for any other invalid body: what DigitalOcean answers
 * is unobserved (409 or 422, docs/vendors/digitalocean.md §5), and its spec lists 422 only.
 */
const addUser: Handler = ({ cluster, body, requestId }) => {
  const input = body as UserInput;
  if (cluster.users.has(input.name)) {
    const message = isBuiltIn(cluster.engine, input.name)
      ? `${input.name} is a built-in user of every ${cluster.engine} cluster and already exists`
      : `a user named ${JSON.stringify(input.name)} already exists on this cluster`;
    return unprocessable(requestId, [{ path: "name", rule: "emulator.digitalocean.user.exists", message }]);
  }
  const user = createUser(cluster.engine, input);
  cluster.users.set(user.name, user);
  return json(201, { user: copy(user) });
};

/** Settings are replaced as a whole; DigitalOcean documents 201 for success. */
const updateUser: Handler = ({ cluster, user, body }) => {
  const { settings } = body as Required<Pick<UserInput, "settings">>;
  const next = engineSettings(cluster.engine, settings, {}, user!.settings);
  if (next === undefined) delete user!.settings;
  else user!.settings = next;
  return json(201, { user: copy(user!) });
};

/**
 * The built-in users cannot be deleted (DigitalOcean's docs: "you can't delete them"). The real
 * answer is unobserved; a 422 like other refused requests is the emulator's choice.
 */
const deleteUser: Handler = ({ cluster, user, requestId }) => {
  if (isBuiltIn(cluster.engine, user!.name)) {
    return unprocessable(requestId, [
      {
        path: "username",
        rule: "emulator.digitalocean.user.builtIn",
        message: `${user!.name} is a built-in user of every ${cluster.engine} cluster and cannot be deleted`,
      },
    ]);
  }
  cluster.users.delete(user!.name);
  return { status: 204, headers: {} };
};

/** A new password; on MySQL, `mysql_settings.auth_plugin` also switches the plugin. */
const resetAuth: Handler = ({ cluster, user, body }) => {
  user!.password = newPassword();
  const plugin = (body as Pick<UserInput, "mysql_settings"> | undefined)?.mysql_settings?.auth_plugin;
  if (cluster.engine === "mysql" && plugin !== undefined) user!.mysql_settings = { auth_plugin: plugin };
  return json(200, { user: copy(user!) });
};

/** `GET /v2/databases`, optionally only the clusters carrying `tag_name`. */
export function listClusters(clusters: Iterable<ClusterRecord>, tag: string | null): Reply {
  const picked = [...clusters].filter((c) => tag === null || c.details.tags.includes(tag));
  return json(200, { databases: picked.map((c) => clusterJson(c.id, c.engine, c.details)) });
}

/** `GET /v2/databases/{uuid}`. */
export function getCluster(cluster: ClusterRecord): Reply {
  return json(200, { database: clusterJson(cluster.id, cluster.engine, cluster.details) });
}

export const handlers: Readonly<Record<string, Handler>> = {
  databases_list_users: listUsers,
  databases_get_user: getUser,
  databases_add_user: addUser,
  databases_update_user: updateUser,
  databases_delete_user: deleteUser,
  databases_reset_auth: resetAuth,
};
