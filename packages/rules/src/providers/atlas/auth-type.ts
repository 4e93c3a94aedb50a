/**
 * `@dbusers/rules/atlas/auth-type`: which authentication method a CloudDatabaseUser body names, and
 * the auth database each method lives in, without any validator. For code that only reads users
 * (mapping a listing, say), where even `@dbusers/rules/atlas/validate` would be more than it needs.
 */

export { AUTH_DATABASE as ATLAS_AUTH_DATABASE, atlasAuthTypeOf } from "./auth.js";
export type { AtlasAuthType } from "./context.js";
