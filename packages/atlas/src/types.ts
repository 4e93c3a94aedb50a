/**
 * Friendly names for the generated types, so users never import from `src/generated/`. Everything
 * is derived from `components["schemas"]`; `pnpm generate` after a spec change flows through.
 */
import type { AtlasAuthType } from "@dbusers/rules/atlas/validate";
import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** A database user as Atlas returns it (never with a password). */
export type DatabaseUser = Omit<Schemas["CloudDatabaseUser"], "password">;
/** A role on a database; `roleName` is a built-in role or the name of a custom role. */
export type DatabaseUserRole = Schemas["DatabaseUserRole"];
export type UserScope = Schemas["UserScope"];
export type ComponentLabel = Schemas["ComponentLabel"];
export type AuthDatabase = Schemas["CloudDatabaseUser"]["databaseName"];

/**
 * The body of `createUser`: `username` and `roles`, and whatever else the user needs. The auth type
 * fields default to `NONE` (a SCRAM user, with a `password`); `databaseName` may be left out (the
 * client fills the one the auth type needs, docs/vendors/atlas.md §7) and so may `groupId` (taken
 * from the path).
 */
export type CreateUserRequest = Partial<Omit<Schemas["CloudDatabaseUser"], "links">> &
  Pick<Schemas["CloudDatabaseUser"], "username" | "roles">;

/** The body of `updateUser` (PATCH): only what changes; the rest is kept (§8.5). */
export type UpdateUserRequest = Partial<Omit<Schemas["CloudDatabaseUser"], "links">>;

/** One page of `listUsersPage`. */
export interface UsersPage {
  readonly results: DatabaseUser[];
  /** Atlas's estimate of all users in the project; absent with `includeCount: false`. */
  readonly totalCount?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface ListOptions extends CallOptions {
  /** Users per request, 1..500; default 500 (the fewest round trips). */
  readonly itemsPerPage?: number;
}

export interface PageOptions extends CallOptions {
  /** From 1; default 1. */
  readonly pageNum?: number;
  /** 1..500; default 100. */
  readonly itemsPerPage?: number;
  /** Default true (Atlas's default). */
  readonly includeCount?: boolean;
}

/** How a user authenticates, derived from its type fields. */
export type { AtlasAuthType };
