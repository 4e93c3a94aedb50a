/** The Atlas adapter: imports `@dbusers/atlas`, so it is loaded only when an Atlas target is used. */
import {
  type AtlasClient,
  createAtlasClient,
  type DatabaseUser,
  type UpdateUserRequest,
} from "@dbusers/atlas";
import type { Secret } from "@dbusers/core";
import { atlasAuthTypeOf } from "@dbusers/rules/atlas/auth-type";
import { AmbiguousUserError, UnsupportedOperationError } from "../../errors.js";
import type { CallOptions, Credentials, DbUser, UserKey } from "../../model.js";
import { formatTarget, type TargetRef } from "../../target-ref.js";
import type { VendorAdapter } from "../types.js";
import { accessFields, createBody } from "./body.js";
import type { AtlasOptions } from "./index.js";

function isClient(options: AtlasOptions): options is AtlasClient {
  return typeof (options as Partial<AtlasClient>).listUsers === "function";
}

/** Atlas's user in the common model; the object itself is kept whole in `vendorData` (it holds no secret: §3). */
export function toDbUser(raw: DatabaseUser): DbUser {
  return {
    vendor: "atlas",
    name: raw.username,
    authDatabase: raw.databaseName,
    authType: atlasAuthTypeOf(raw),
    roles: (raw.roles ?? []).map((r) => ({
      role: r.roleName,
      database: r.databaseName,
      ...(r.collectionName === undefined ? {} : { collection: r.collectionName }),
    })),
    // Left out means every resource of the project, which `[]` says too (§3).
    scopes: (raw.scopes ?? []).map((s) => ({ name: s.name, type: s.type })),
    labels: (raw.labels ?? []).flatMap((l) =>
      l.key === undefined || l.value === undefined ? [] : [{ key: l.key, value: l.value }],
    ),
    ...(raw.description === undefined ? {} : { description: raw.description }),
    ...(raw.deleteAfterDate === undefined ? {} : { deleteAfterDate: raw.deleteAfterDate }),
    builtIn: false,
    vendorData: Object.freeze(structuredClone(raw) as Record<string, unknown>),
  };
}

const signalOf = (options?: CallOptions) => (options?.signal ? { signal: options.signal } : {});

function credentialsOf(target: TargetRef, user: DbUser, password: Secret | undefined): Credentials {
  return {
    target: formatTarget(target),
    name: user.name,
    ...(user.authDatabase === undefined ? {} : { authDatabase: user.authDatabase }),
    ...(password === undefined ? {} : { password }),
  };
}

export function createAtlasAdapter(options: AtlasOptions): VendorAdapter {
  const client = isClient(options) ? options : createAtlasClient(options);

  /**
   * The user's auth database: as given, or found by listing, since the same name may exist once on
   * `admin` and once on `$external` (§7). A name on neither is looked up on `admin`, so Atlas's own
   * 404 answers.
   */
  async function authDatabaseOf(target: TargetRef, key: UserKey, options?: CallOptions): Promise<string> {
    if (key.authDatabase !== undefined) return key.authDatabase;
    const found = (await client.listUsers(target.id, signalOf(options))).filter(
      (u) => u.username === key.name,
    );
    if (found.length > 1) throw new AmbiguousUserError(key.name);
    return found[0]?.databaseName ?? "admin";
  }

  async function current(target: TargetRef, key: UserKey, options?: CallOptions) {
    const database = await authDatabaseOf(target, key, options);
    return { database, user: await client.getUser(target.id, database, key.name, signalOf(options)) };
  }

  return {
    vendor: "atlas",
    async listUsers(target, callOptions) {
      return (await client.listUsers(target.id, signalOf(callOptions))).map(toDbUser);
    },
    async getUser(target, key, callOptions) {
      return toDbUser((await current(target, key, callOptions)).user);
    },
    async createUser(target, spec, password, callOptions) {
      const authType = spec.authType ?? "SCRAM";
      if (authType !== "SCRAM" && password !== undefined) {
        throw new UnsupportedOperationError(
          "atlas",
          "password",
          `an Atlas ${authType} user has no password: Atlas authenticates it elsewhere (docs/vendors/atlas.md §7)`,
        );
      }
      const body = {
        ...createBody(spec),
        ...(password === undefined ? {} : { password: password.reveal() }),
      };
      const user = toDbUser(await client.createUser(target.id, body, signalOf(callOptions)));
      return { user, credentials: credentialsOf(target, user, password) };
    },
    async updateUser(target, key, changes, callOptions) {
      const { database, user } = await current(target, key, callOptions);
      const authType = atlasAuthTypeOf(user);
      if (
        (changes.authType !== undefined && changes.authType !== authType) ||
        (changes.authDatabase !== undefined && changes.authDatabase !== database)
      ) {
        throw new UnsupportedOperationError(
          "atlas",
          "authType",
          `Atlas cannot change how ${JSON.stringify(key.name)} authenticates (${authType} on ${database}): create a new user instead`,
        );
      }
      const patch: UpdateUserRequest = {
        ...accessFields(changes),
        ...(changes.name === undefined || changes.name === key.name ? {} : { username: changes.name }),
      };
      if (Object.keys(patch).length === 0) return toDbUser(user);
      return toDbUser(await client.updateUser(target.id, database, key.name, patch, signalOf(callOptions)));
    },
    async deleteUser(target, key, callOptions) {
      const database = await authDatabaseOf(target, key, callOptions);
      await client.deleteUser(target.id, database, key.name, signalOf(callOptions));
    },
    async rotatePassword(target, key, password, rotateOptions) {
      const { database, user } = await current(target, key, rotateOptions);
      const authType = atlasAuthTypeOf(user);
      if (authType !== "SCRAM" || password === undefined) {
        throw new UnsupportedOperationError(
          "atlas",
          "password",
          `${JSON.stringify(key.name)} is an Atlas ${authType} user: it has no password to rotate`,
        );
      }
      const updated = toDbUser(
        await client.updateUser(
          target.id,
          database,
          key.name,
          { password: password.reveal() },
          signalOf(rotateOptions),
        ),
      );
      return { user: updated, credentials: credentialsOf(target, updated, password) };
    },
    async generatePassword(spec) {
      if ((spec.authType ?? "SCRAM") !== "SCRAM") return undefined;
      return (await import("@dbusers/rules/atlas")).generatePassword();
    },
    close: () => client.close(),
  };
}
