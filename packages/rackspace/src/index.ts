/**
 * @dbusers/rackspace — Rackspace Cloud Databases / OpenStack Trove v1.0 database users.
 * The types of the API as described by specs/rackspace/openapi.yaml.
 */
export type { components, operations, paths } from "./generated/openapi.js";
