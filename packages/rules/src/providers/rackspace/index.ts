/**
 * `@dbusers/rules/rackspace`: naming, character and length rules of Rackspace Cloud Databases
 * (OpenStack Trove v1.0, MySQL), in a strict profile (what both the documentation and the server
 * accept, the default) and a server profile (what the server accepts).
 */
import { bindProvider } from "../../engine/bind.js";
import type { Infer } from "../../engine/shape.js";
import type { RackspaceContext, RackspaceContextInput } from "./context.js";
import { rackspaceDefinition } from "./definition.js";
import { rackspaceDocs } from "./docs.js";
import type { fields } from "./fields.js";
import type {
  changePasswords,
  createDatabases,
  createUsers,
  grantAccess,
  modifyUser,
  operations,
} from "./requests.js";

export { rackspaceDefinition };

export const rackspace = bindProvider<typeof rackspaceDefinition, RackspaceContextInput>(
  rackspaceDefinition,
  rackspaceDocs,
);

export const validateField = rackspace.validateField;
export const validateRequest = rackspace.validateRequest;
export const describeRules = rackspace.describeRules;
export const suggestName = rackspace.suggestName;
export const generatePassword = rackspace.generatePassword;
export const toJSONSchema = rackspace.toJSONSchema;
export const standardSchema = rackspace.standardSchema;
export const standardSchemaForField = rackspace.standardSchemaForField;

export type { RackspaceContext, RackspaceContextInput };
export type RackspaceField = keyof typeof fields;
export type RackspaceOperation = keyof typeof operations;
/** `POST /instances/{id}/users` */
export type CreateUsersRequest = Infer<typeof createUsers>;
/** `PUT /instances/{id}/users` */
export type ChangePasswordsRequest = Infer<typeof changePasswords>;
/** `PUT /instances/{id}/users/{user}` */
export type ModifyUserRequest = Infer<typeof modifyUser>;
/** `PUT /instances/{id}/users/{user}/databases` */
export type GrantAccessRequest = Infer<typeof grantAccess>;
/** `POST /instances/{id}/databases` */
export type CreateDatabasesRequest = Infer<typeof createDatabases>;

export { KNOWN_CHARSETS, KNOWN_COLLATIONS, MYSQL_CHARSETS, type MysqlCharset } from "./charsets.js";
export { rackspaceDocs };
