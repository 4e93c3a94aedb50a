/**
 * `@dbusers/rules/rackspace`: naming, character and length rules of Rackspace Cloud Databases
 * (OpenStack Trove v1.0, MySQL), in a strict profile (what both the documentation and the server
 * accept, the default) and a server profile (what the server accepts).
 */
import { bindProvider } from "../../engine/bind.js";
import type { Infer } from "../../engine/shape.js";
import type { PasswordPolicy, ProviderDefinition } from "../../types.js";
import { type RackspaceContext, type RackspaceContextInput, resolveContext } from "./context.js";
import { rackspaceDocs } from "./docs.js";
import { fields } from "./fields.js";
import type { changePasswords, createDatabases, createUsers, grantAccess, modifyUser } from "./requests.js";
import { operations } from "./requests.js";

/**
 * Characters both the documentation (letters, digits, `_ . @ ? #`, spaces) and the server accept,
 * without the space (edge spaces are refused, inner ones are easy to mistype). `@ ? #` must not be
 * first or last; the generator re-checks every candidate against the rules.
 */
const PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@?#";

const password: PasswordPolicy<RackspaceContext> = {
  field: fields.password,
  // The server accepts 1 character; fewer than 8 random characters is guessable offline.
  minLength: 8,
  // The API schema (`non_empty_string`) caps passwords at 255, whatever the documentation says.
  maxLength: 255,
  // 24 characters from 67 symbols is about 145 bits, and fits every MySQL client and config file.
  defaultLength: 24,
  alphabet: PASSWORD_ALPHABET,
};

export const rackspaceDefinition = {
  id: "rackspace",
  vendor: "Rackspace",
  fields,
  operations,
  resolveContext,
  password,
} satisfies ProviderDefinition<RackspaceContext>;

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
