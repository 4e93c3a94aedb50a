/** The desired state read from `dbusers.yaml`, after every check passed. */
import type { UserSpec, VendorName } from "../model.js";
import type { TargetRef } from "../target-ref.js";

/** A credential by reference: an environment variable or a file, never the value. */
export type CredentialRef = { readonly env: string } | { readonly file: string };

/** How to reach one target: what the file says, without any secret value. */
export interface TargetConnection {
  readonly vendor: VendorName;
  readonly id: string;
  /** DigitalOcean: the cluster's engine. */
  readonly engine?: TargetRef["engine"];
  /** Rackspace: the region. */
  readonly region?: string;
  readonly baseUrl?: string;
  /** Credential name (`token`, `publicKey`, `apiKey`, …) → where it comes from. */
  readonly credentials: Readonly<Record<string, CredentialRef>>;
  /** Plain login settings, no secret (Rackspace: `authUrl`, `projectName`, `cloud`, …). */
  readonly settings?: Readonly<Record<string, string>>;
}

export interface DesiredTarget {
  /** The name the file gives it (`app-pg`). */
  readonly name: string;
  readonly ref: TargetRef;
  readonly connection: TargetConnection;
}

export interface DesiredUser {
  readonly spec: UserSpec;
  readonly targets: readonly string[];
  /** Give the user a new password on this apply. */
  readonly rotate: boolean;
}

export interface DesiredState {
  /** The file as named to the loader (for messages). */
  readonly file: string;
  /** The folder `{ file: … }` references are read from. */
  readonly baseDir: string;
  readonly targets: readonly DesiredTarget[];
  readonly users: readonly DesiredUser[];
}
