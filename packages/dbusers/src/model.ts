/**
 * One user model over every vendor. Vendor words map onto it: a DigitalOcean cluster, an Atlas
 * project and a Rackspace instance are all a target; a user is addressed by `name` plus, where the
 * vendor has them, `host` (Rackspace) or `authDatabase` (Atlas). Fields a vendor lacks are left
 * out, never invented; the vendor's own object is kept beside them in `vendorData`.
 */
import type { Secret } from "@dbusers/core";
import type { MySqlAuthPlugin, UserSettings } from "@dbusers/digitalocean";

export type VendorName = "digitalocean" | "atlas" | "rackspace";

/** Every vendor dbusers knows, whether or not this build ships its adapter. */
export const VENDOR_NAMES: readonly VendorName[] = ["digitalocean", "atlas", "rackspace"];

/** An Atlas role grant: `readWrite` on `sales`, optionally one collection. */
export interface AtlasRole {
  readonly role: string;
  readonly database: string;
  readonly collection?: string;
}

/** Limits an Atlas user to some clusters, data lakes or stream workspaces of the project. */
export interface AtlasScope {
  readonly name: string;
  readonly type: "CLUSTER" | "DATA_LAKE" | "STREAM";
}

export interface AtlasLabel {
  readonly key: string;
  readonly value: string;
}

/** How an Atlas user authenticates; it decides `authDatabase` and the name's format. */
export type AtlasAuthType =
  | "SCRAM"
  | "AWS_IAM_USER"
  | "AWS_IAM_ROLE"
  | "X509_MANAGED"
  | "X509_CUSTOMER"
  | "LDAP_USER"
  | "LDAP_GROUP"
  | "OIDC_WORKFORCE"
  | "OIDC_WORKLOAD";

export type AtlasAuthDatabase = "admin" | "$external";

/**
 * What identifies one user inside a target. `host` exists only on Rackspace (MySQL's
 * `name@host`, default `%`), `authDatabase` only on Atlas (default: the one `authType` needs).
 */
export interface UserKey {
  readonly name: string;
  readonly host?: string;
  readonly authDatabase?: AtlasAuthDatabase;
}

/** A user name, or a name with the host or auth database that makes it unique. */
export type UserRef = string | UserKey;

/**
 * The fields of a user its owner chooses, in vendor-neutral words. It is what `createUser` takes and
 * what a desired state (plan/apply) declares; `specOf(user)` gives the same shape back from a
 * listed user, and `diffSpec` compares two.
 */
export interface UserSpec extends UserKey {
  /** Atlas: how the user authenticates. Default `SCRAM` (a password). */
  readonly authType?: AtlasAuthType;
  /** Atlas: roles on databases (and collections). */
  readonly roles?: readonly AtlasRole[];
  /** Atlas: the clusters, data lakes or stream workspaces the user may reach; empty means all. */
  readonly scopes?: readonly AtlasScope[];
  /** Atlas: key/value labels. */
  readonly labels?: readonly AtlasLabel[];
  /** Atlas: a short note (at most 100 characters). */
  readonly description?: string;
  /** Atlas: when Atlas deletes the user (ISO 8601, within a week). */
  readonly deleteAfterDate?: string;
  /** Rackspace: the databases the user may use. */
  readonly databases?: readonly string[];
  /** DigitalOcean: the engine settings (PostgreSQL replication, Kafka/OpenSearch ACLs, MongoDB databases and role). */
  readonly settings?: UserSettings;
  /** DigitalOcean MySQL: the authentication plugin. */
  readonly mysqlAuthPlugin?: MySqlAuthPlugin;
}

/** The spec fields that describe access or options rather than identity. */
export type UserField = Exclude<keyof UserSpec, "name" | "host" | "authDatabase">;

/** What `updateUser` may change. `name` and `host` here rename or re-host, where the vendor can. */
export type UserChanges = { readonly [K in keyof UserSpec]?: UserSpec[K] | undefined };

/** A user as a target holds it. */
export interface DbUser extends UserSpec {
  readonly vendor: VendorName;
  /**
   * A user the vendor made and manages (`doadmin`, MongoDB's `do-readonly`, Trove's `root` and
   * `os_admin`): listed, never changed through dbusers.
   */
  readonly builtIn: boolean;
  /**
   * The vendor's object as it came, with every secret field (`password`, Kafka's `access_key` and
   * `access_cert`) held as a `Secret`, so printing or serializing a user never shows one.
   */
  readonly vendorData: Readonly<Record<string, unknown>>;
}

/** New credentials: returned once, by `createUser` and `rotatePassword`. */
export interface Credentials {
  /** The target in `vendor:id` form. */
  readonly target: string;
  readonly name: string;
  readonly host?: string;
  readonly authDatabase?: AtlasAuthDatabase;
  /** The password (absent for users that authenticate otherwise, e.g. Atlas AWS IAM). */
  readonly password?: Secret;
  /** DigitalOcean Kafka: the client key and certificate. */
  readonly accessKey?: Secret;
  readonly accessCert?: Secret;
}

export interface CreatedUser {
  readonly user: DbUser;
  readonly credentials: Credentials;
}

export interface RotatedPassword {
  /** The user after the change, where the vendor answers with it. */
  readonly user?: DbUser;
  readonly credentials: Credentials;
}

/** Options every verb takes. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /**
   * Vendors whose writes are accepted first and applied later (Rackspace): `true`, the default,
   * resolves once the change is visible; `false` once the vendor accepted it; or the timing.
   */
  readonly wait?: boolean | { readonly timeoutMs?: number; readonly intervalMs?: number };
}
