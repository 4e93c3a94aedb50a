/** The shapes callers pass and get back, derived from the generated spec types where they exist. */
import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** A user as Rackspace shows it: name, host (`%` is anywhere) and the databases it may use. */
export type User = Schemas["User"];
/** A database as Rackspace lists it. */
export type Database = Schemas["Database"];
/** A database named in a user's grants. */
export type DatabaseRef = Schemas["DatabaseRef"];
/** The root user and its password, as `enableRoot` returns it once. */
export type RootCredentials = Schemas["RootCredentials"]["user"];
/** Trove's fault body: `{ "<faultName>": { code, message } }`. */
export type RackspaceFaultBody = Schemas["Fault"];

/** A database named by a string or as Trove writes it (`{ name }`). */
export type DatabaseName = string | { readonly name: string };

/** A user to create. */
export interface NewUser {
  readonly name: string;
  /** A secret: never printed by the client, never in an error. */
  readonly password: string;
  /** `%` (any host, the default) or an IPv4 address whose first or last octets may be `%`. */
  readonly host?: string;
  /** Databases the user gets every privilege on. */
  readonly databases?: readonly DatabaseName[];
}

/** A user (by name and host) and its new password. */
export interface PasswordChange {
  readonly name: string;
  readonly password: string;
  readonly host?: string;
}

/** What `updateUser` may change; at least one. */
export interface UserChanges {
  readonly name?: string;
  readonly host?: string;
  readonly password?: string;
}

/** A database to create. */
export type NewDatabase =
  | string
  | { readonly name: string; readonly character_set?: string; readonly collate?: string };

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** How long to wait for a write Rackspace accepted (202) to become visible. */
export interface WaitOptions {
  /** Give up after this long. Default 120 000 ms. */
  readonly timeoutMs?: number;
  /** Time between checks. Default 2 000 ms (Rackspace allows 100 reads a minute). */
  readonly intervalMs?: number;
}

export interface WriteOptions extends CallOptions {
  /**
   * `true` (or the wait's timing) resolves only once the change is visible: the user or database
   * listed, the password usable, the user gone. Otherwise the call resolves when Rackspace has
   * accepted the change (202), which newer Trove may still drop silently.
   */
  readonly wait?: boolean | WaitOptions;
}
