/** The DigitalOcean adapter: imports `@dbusers/digitalocean`, so it is loaded only when used. */
import { Secret } from "@dbusers/core";
import {
  createDigitalOceanClient,
  type DatabaseEngine,
  type DatabaseUser,
  type DigitalOceanClient,
} from "@dbusers/digitalocean";
import { UnsupportedOperationError } from "../../errors.js";
import type { Credentials, DbUser } from "../../model.js";
import { formatTarget, type TargetRef } from "../../target-ref.js";
import type { VendorAdapter } from "../types.js";
import { type DigitalOceanOptions, isDigitalOceanBuiltIn } from "./index.js";

/** The fields of DigitalOcean's user object that are secrets (docs/vendors/digitalocean.md). */
const SECRET_FIELDS = ["password", "access_key", "access_cert"] as const;

function isClient(options: DigitalOceanOptions): options is DigitalOceanClient {
  return typeof (options as Partial<DigitalOceanClient>).listUsers === "function";
}

function secretOf(value: unknown): Secret | undefined {
  return typeof value === "string" && value !== "" ? new Secret(value) : undefined;
}

function toDbUser(target: TargetRef, raw: DatabaseUser): DbUser {
  const vendorData: Record<string, unknown> = { ...raw };
  for (const field of SECRET_FIELDS) {
    const value = vendorData[field];
    if (typeof value === "string") vendorData[field] = new Secret(value);
  }
  return {
    vendor: "digitalocean",
    name: raw.name,
    ...(raw.settings === undefined ? {} : { settings: raw.settings }),
    ...(raw.mysql_settings?.auth_plugin === undefined
      ? {}
      : { mysqlAuthPlugin: raw.mysql_settings.auth_plugin }),
    builtIn: raw.role === "primary" || isDigitalOceanBuiltIn(target, raw.name),
    vendorData: Object.freeze(vendorData),
  };
}

function credentialsOf(target: TargetRef, raw: DatabaseUser): Credentials {
  const password = secretOf(raw.password);
  const accessKey = secretOf(raw.access_key);
  const accessCert = secretOf(raw.access_cert);
  return {
    target: formatTarget(target),
    name: raw.name,
    ...(password ? { password } : {}),
    ...(accessKey ? { accessKey } : {}),
    ...(accessCert ? { accessCert } : {}),
  };
}

const engineOf = (target: TargetRef): { engine?: DatabaseEngine } =>
  target.engine === undefined ? {} : { engine: target.engine };

export function createDigitalOceanAdapter(options: DigitalOceanOptions): VendorAdapter {
  const client = isClient(options) ? options : createDigitalOceanClient(options);

  return {
    vendor: "digitalocean",
    async listUsers(target, callOptions) {
      const users = await client.listUsers(target.id, callOptions);
      return users.map((user) => toDbUser(target, user));
    },
    async getUser(target, key, callOptions) {
      return toDbUser(target, await client.getUser(target.id, key.name, callOptions));
    },
    async createUser(target, spec, _password, callOptions) {
      const created = await client.addUser(
        target.id,
        {
          name: spec.name,
          ...(spec.settings === undefined ? {} : { settings: spec.settings }),
          ...(spec.mysqlAuthPlugin === undefined
            ? {}
            : { mysql_settings: { auth_plugin: spec.mysqlAuthPlugin } }),
        },
        { ...engineOf(target), ...(callOptions?.signal ? { signal: callOptions.signal } : {}) },
      );
      return { user: toDbUser(target, created), credentials: credentialsOf(target, created) };
    },
    async updateUser(target, key, changes, callOptions) {
      if (changes.mysqlAuthPlugin !== undefined) {
        // The only way to switch the plugin is reset_auth, which also makes a new password.
        throw new UnsupportedOperationError(
          "digitalocean",
          "mysqlAuthPlugin",
          "DigitalOcean changes a MySQL auth plugin only together with a new password: use rotatePassword with mysqlAuthPlugin",
        );
      }
      if (changes.settings === undefined) return this.getUser(target, key, callOptions);
      const updated = await client.updateUser(
        target.id,
        key.name,
        { settings: changes.settings },
        { ...engineOf(target), ...(callOptions?.signal ? { signal: callOptions.signal } : {}) },
      );
      return toDbUser(target, updated);
    },
    async deleteUser(target, key, callOptions) {
      await client.deleteUser(target.id, key.name, callOptions);
    },
    async rotatePassword(target, key, _password, rotateOptions) {
      const reset = await client.resetUserAuth(
        target.id,
        key.name,
        rotateOptions?.mysqlAuthPlugin === undefined
          ? {}
          : { mysql_settings: { auth_plugin: rotateOptions.mysqlAuthPlugin } },
        { ...engineOf(target), ...(rotateOptions?.signal ? { signal: rotateOptions.signal } : {}) },
      );
      return { user: toDbUser(target, reset), credentials: credentialsOf(target, reset) };
    },
    async generatePassword() {
      throw new UnsupportedOperationError(
        "digitalocean",
        "password",
        "DigitalOcean chooses every password itself",
      );
    },
    async close() {},
  };
}
