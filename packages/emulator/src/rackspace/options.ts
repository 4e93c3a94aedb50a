/**
 * The `rackspace` section of `startEmulator` options (and of a state file): accounts of the identity
 * service, each owning a tenant and its database instances. Checked by a JSON Schema, so a wrong
 * field gets one `EmulatorError` naming it (`rackspace.accounts[0].tenantId …`) before anything changes.
 */
import { sectionChecker } from "../section.js";

export interface RackspaceUserSeed {
  readonly name: string;
  /** Default `%` (any host). */
  readonly host?: string;
  readonly password: string;
  /** Names of databases the user may use. */
  readonly databases?: readonly string[];
}

export interface RackspaceInstanceSeed {
  readonly id: string;
  readonly name?: string;
  /** Default `DFW`. Catalogs list a database endpoint for every region an account has instances in. */
  readonly region?: string;
  /** Default `ACTIVE`; user and database changes on any other status get a 422. */
  readonly status?: string;
  readonly users?: readonly RackspaceUserSeed[];
  readonly databases?: readonly string[];
}

export interface RackspaceApplicationCredential {
  readonly id: string;
  readonly secret: string;
}

export interface RackspaceAccountSeed {
  /** The identity user name (Rackspace Identity and Keystone, domain `Default`). */
  readonly username: string;
  /** Accepted by `/v2.0/tokens` (passwordCredentials) and `/v3/auth/tokens` (password method). */
  readonly password?: string;
  /** Accepted by `/v2.0/tokens` (`RAX-KSKEY:apiKeyCredentials`). */
  readonly apiKey?: string;
  /** Keystone application credentials (`/v3/auth/tokens`, method `application_credential`). */
  readonly applicationCredentials?: readonly RackspaceApplicationCredential[];
  /** The tenant (Keystone: project id and name) in the database URLs, `/v1.0/{tenantId}`. */
  readonly tenantId: string;
  readonly instances?: readonly RackspaceInstanceSeed[];
}

/** When accepted writes (202) take effect. */
export type RackspaceWrites = "immediate" | "manual" | { readonly delayMs: number };

export interface RackspaceOptions {
  /** Default: one account, `DEFAULT_RACKSPACE_ACCOUNT`. */
  readonly accounts?: readonly RackspaceAccountSeed[];
  /** Lifetime of issued tokens; default 86,400 (Rackspace's 24 hours). */
  readonly tokenTtlSeconds?: number;
  /**
   * `immediate` (default): applied before the 202 is sent. `manual`: held until
   * `state.rackspace.applyWrites()`. `{ delayMs }`: applied that long after the 202.
   */
  readonly writes?: RackspaceWrites;
  /**
   * `api` (default, Rackspace and Trove before 2025): the API checks names with the MySQL model and
   * answers 400. `guest` (Trove since 2024-12): the API checks only the JSON schema, reserved names
   * and duplicates; names the model refuses are accepted with 202 and never appear (§1.1).
   */
  readonly validation?: "api" | "guest";
}

/** The account used when `accounts` is left out (handy for the CLI and for quick tries). */
export const DEFAULT_RACKSPACE_ACCOUNT = {
  username: "demo",
  password: "dbusers-emulator-password",
  apiKey: "dbusers-emulator-api-key",
  tenantId: "123456",
  instances: [{ id: "8d5e5b7c-2f3a-4c1e-9b6d-0a1f2e3d4c5b", name: "demo", region: "DFW" }],
} as const satisfies RackspaceAccountSeed;

const text = { type: "string", minLength: 1 } as const;
export const checkRackspaceSection = sectionChecker("rackspace", {
  type: "object",
  additionalProperties: false,
  properties: {
    accounts: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["username", "tenantId"],
        properties: {
          username: text,
          password: text,
          apiKey: text,
          tenantId: { type: "string", pattern: "^[A-Za-z0-9_-]+$" },
          applicationCredentials: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id", "secret"],
              properties: { id: text, secret: text },
            },
          },
          instances: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id"],
              properties: {
                id: { type: "string", pattern: "^[A-Za-z0-9-]+$" },
                name: text,
                region: { type: "string", pattern: "^[A-Za-z0-9]+$" },
                status: { type: "string", pattern: "^[A-Z_]+$" },
                databases: { type: "array", items: text },
                users: {
                  type: "array",
                  items: {
                    type: "object",
                    additionalProperties: false,
                    required: ["name", "password"],
                    properties: {
                      name: text,
                      host: text,
                      password: text,
                      databases: { type: "array", items: text },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    tokenTtlSeconds: { type: "integer", minimum: 1 },
    writes: {
      oneOf: [
        { enum: ["immediate", "manual"] },
        {
          type: "object",
          additionalProperties: false,
          required: ["delayMs"],
          properties: { delayMs: { type: "integer", minimum: 0 } },
        },
      ],
    },
    validation: { enum: ["api", "guest"] },
  },
});
