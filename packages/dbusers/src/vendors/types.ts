/**
 * What a vendor plugs into the facade: a light descriptor (capabilities, loaded with `dbusers`) and
 * an adapter (loaded only when the vendor is first used, since it imports the vendor's client).
 */
import type { Secret } from "@dbusers/core";
import type {
  CallOptions,
  CreatedUser,
  DbUser,
  RotatedPassword,
  UserChanges,
  UserField,
  UserKey,
  UserSpec,
  VendorName,
} from "../model.js";
import type { TargetRef } from "../target-ref.js";

/** What a vendor can do, as data (the README's capability table is generated from it). */
export interface Capabilities {
  readonly vendor: VendorName;
  /** `DigitalOcean`, `MongoDB Atlas`, `Rackspace Cloud Databases`. */
  readonly displayName: string;
  /** The vendor's word for a target: `cluster`, `project`, `instance`. */
  readonly targetKind: string;
  /** Who chooses a new password: the vendor's server, or the caller (dbusers generates one if none is given). */
  readonly passwords: "server" | "caller";
  /** A user can be renamed in place. */
  readonly rename: boolean;
  /** Users are `name@host` (MySQL hosts). */
  readonly hosts: boolean;
  /** Users hold roles on databases. */
  readonly roles: boolean;
  /** Access can be given per database. */
  readonly databaseAccess: boolean;
  /** Users have an auth type and auth database (SCRAM, AWS IAM, X.509, LDAP, OIDC). */
  readonly authTypes: boolean;
  /** Users carry engine-specific settings. */
  readonly engineSettings: boolean;
  /** Writes are accepted first and applied later (202). */
  readonly asyncWrites: boolean;
  /** The `UserSpec` fields this vendor has, beyond `name`. */
  readonly fields: readonly (UserField | "host" | "authDatabase")[];
  /** A short qualification per capability, shown in the table. */
  readonly notes: Readonly<Partial<Record<CapabilityName, string>>>;
}

export type CapabilityName =
  | "passwords"
  | "rename"
  | "hosts"
  | "roles"
  | "databaseAccess"
  | "authTypes"
  | "engineSettings"
  | "asyncWrites";

/** Options of `rotatePassword`. */
export interface RotateOptions extends CallOptions {
  /** The new password, where the caller chooses it (Atlas, Rackspace). Generated when left out. */
  readonly password?: string | Secret;
  /** DigitalOcean MySQL: switch the auth plugin with the new password. */
  readonly mysqlAuthPlugin?: UserSpec["mysqlAuthPlugin"];
}

/**
 * One vendor's verbs over the common model. The facade has already checked what the capabilities
 * say (fields, renames, who chooses passwords, built-in users) before calling these.
 */
export interface VendorAdapter {
  readonly vendor: VendorName;
  listUsers(target: TargetRef, options?: CallOptions): Promise<DbUser[]>;
  getUser(target: TargetRef, key: UserKey, options?: CallOptions): Promise<DbUser>;
  createUser(
    target: TargetRef,
    spec: UserSpec,
    password: Secret | undefined,
    options?: CallOptions,
  ): Promise<CreatedUser>;
  updateUser(target: TargetRef, key: UserKey, changes: UserChanges, options?: CallOptions): Promise<DbUser>;
  deleteUser(target: TargetRef, key: UserKey, options?: CallOptions): Promise<void>;
  rotatePassword(
    target: TargetRef,
    key: UserKey,
    password: Secret | undefined,
    options?: RotateOptions,
  ): Promise<RotatedPassword>;
  /**
   * A password the vendor accepts for this user, where the caller chooses passwords; `undefined`
   * for a user that has none (an Atlas user that authenticates with AWS IAM, X.509, LDAP or OIDC).
   * Asynchronous so the generator (with the rules' documentation tables it comes with) is loaded
   * only by the commands that make a password, not by every command that reads.
   */
  generatePassword(spec: UserSpec): Promise<string | undefined>;
  /** Releases what the client holds (a service-account token). */
  close(): Promise<void>;
}

/** The light part of a vendor, imported with `dbusers`. */
export interface VendorDescriptor<Options = unknown> {
  readonly capabilities: Capabilities;
  /** Whether a name is a built-in user on this target (checked before any write). */
  isBuiltIn(target: TargetRef, key: UserKey): boolean;
  /** Imports the adapter module (and with it the vendor's client) and makes an adapter. */
  load(): Promise<(options: Options) => VendorAdapter>;
}
