/**
 * @dbusers/atlas — MongoDB Atlas database users (Atlas Administration API v2).
 * The OpenAPI types generated from specs/atlas/openapi.yaml, under friendly names.
 */
export type { components, operations, paths } from "./generated/openapi.js";
