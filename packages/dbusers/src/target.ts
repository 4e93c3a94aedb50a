/**
 * A `Target`: the verbs on one cluster, project or instance. What the vendor's capabilities rule
 * out (a field it lacks, a rename, a chosen password where the server chooses) and writes to
 * built-in users are refused here, before the adapter (and the vendor's client) is even loaded.
 */
import { Secret } from "@dbusers/core";
import { BuiltInUserError, UnsupportedOperationError } from "./errors.js";
import type {
  CallOptions,
  CreatedUser,
  DbUser,
  RotatedPassword,
  UserChanges,
  UserKey,
  UserRef,
  UserSpec,
} from "./model.js";
import { formatTarget, type TargetRef } from "./target-ref.js";
import type { Capabilities, RotateOptions, VendorAdapter, VendorDescriptor } from "./vendors/types.js";

export interface CreateUserOptions extends CallOptions {
  /** Where the caller chooses passwords (Atlas SCRAM, Rackspace); generated with the vendor's rules when left out. */
  readonly password?: string | Secret;
}

export interface Target {
  readonly ref: TargetRef;
  /** `vendor:id`. */
  readonly name: string;
  readonly capabilities: Capabilities;
  listUsers(options?: CallOptions): Promise<DbUser[]>;
  getUser(user: UserRef, options?: CallOptions): Promise<DbUser>;
  createUser(spec: UserSpec, options?: CreateUserOptions): Promise<CreatedUser>;
  updateUser(user: UserRef, changes: UserChanges, options?: CallOptions): Promise<DbUser>;
  deleteUser(user: UserRef, options?: CallOptions): Promise<void>;
  rotatePassword(user: UserRef, options?: RotateOptions): Promise<RotatedPassword>;
}

const FIELD_WORDS: Record<string, string> = {
  host: "hosts (name@host users)",
  authDatabase: "auth databases",
  authType: "auth types",
  roles: "roles",
  scopes: "scopes",
  labels: "labels",
  description: "descriptions",
  deleteAfterDate: "expiry dates (deleteAfterDate)",
  databases: "per-user database grants",
  settings: "engine settings",
  mysqlAuthPlugin: "MySQL auth plugins",
};

function keyOf(ref: UserRef): UserKey {
  return typeof ref === "string" ? { name: ref } : ref;
}

export function createTarget(
  ref: TargetRef,
  descriptor: Pick<VendorDescriptor<never>, "capabilities" | "isBuiltIn">,
  adapter: () => Promise<VendorAdapter>,
): Target {
  const capabilities = descriptor.capabilities;
  const vendor = capabilities.vendor;
  const allowed = new Set<string>(["name", ...capabilities.fields]);

  /** Every field set in `fields` that this vendor lacks. */
  function assertFields(fields: object, verb: string): void {
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined || allowed.has(field)) continue;
      throw new UnsupportedOperationError(
        vendor,
        field,
        `${capabilities.displayName} has no ${FIELD_WORDS[field] ?? field}: cannot ${verb} with \`${field}\``,
      );
    }
  }

  function assertNotBuiltIn(key: UserKey, verb: string): void {
    if (descriptor.isBuiltIn(ref, key)) throw new BuiltInUserError(vendor, key.name, verb);
  }

  function chosenPassword(password: string | Secret | undefined, verb: string): Secret | undefined {
    if (password === undefined) return undefined;
    if (capabilities.passwords === "server") {
      throw new UnsupportedOperationError(
        vendor,
        "password",
        `${capabilities.displayName} chooses passwords itself: cannot ${verb} with a chosen password`,
      );
    }
    return Secret.from(password);
  }

  /** A new password from the vendor's rules, where the caller chooses (and the user has one). */
  async function generated(loaded: VendorAdapter, spec: UserSpec): Promise<Secret | undefined> {
    if (capabilities.passwords !== "caller") return undefined;
    const password = await loaded.generatePassword(spec);
    return password === undefined ? undefined : new Secret(password);
  }

  return {
    ref,
    name: formatTarget(ref),
    capabilities,
    async listUsers(options) {
      return (await adapter()).listUsers(ref, options);
    },
    async getUser(user, options) {
      const key = keyOf(user);
      assertFields(key, "address a user");
      return (await adapter()).getUser(ref, key, options);
    },
    async createUser(spec, options = {}) {
      assertFields(spec, "create a user");
      assertNotBuiltIn(spec, "create");
      const given = chosenPassword(options.password, "create a user");
      const loaded = await adapter();
      return loaded.createUser(ref, spec, given ?? (await generated(loaded, spec)), options);
    },
    async updateUser(user, changes, options) {
      const key = keyOf(user);
      assertFields(key, "address a user");
      assertFields(changes, "update a user");
      assertNotBuiltIn(key, "change");
      if (changes.name !== undefined && changes.name !== key.name && !capabilities.rename) {
        throw new UnsupportedOperationError(
          vendor,
          "rename",
          `${capabilities.displayName} cannot rename a user: create ${JSON.stringify(changes.name)} and delete ${JSON.stringify(key.name)} instead`,
        );
      }
      return (await adapter()).updateUser(ref, key, changes, options);
    },
    async deleteUser(user, options) {
      const key = keyOf(user);
      assertFields(key, "address a user");
      assertNotBuiltIn(key, "delete");
      await (await adapter()).deleteUser(ref, key, options);
    },
    async rotatePassword(user, options = {}) {
      const key = keyOf(user);
      assertFields(key, "address a user");
      assertNotBuiltIn(key, "rotate the password of");
      if (options.mysqlAuthPlugin !== undefined) assertFields({ mysqlAuthPlugin: 1 }, "rotate a password");
      const given = chosenPassword(options.password, "rotate a password");
      const loaded = await adapter();
      return loaded.rotatePassword(ref, key, given ?? (await generated(loaded, key)), options);
    },
  };
}
