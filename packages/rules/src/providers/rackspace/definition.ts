/**
 * The Rackspace provider as data, not yet bound. Both entry points start from it: the full one
 * (`@dbusers/rules/rackspace`) and the validate-only one (`@dbusers/rules/rackspace/validate`),
 * which must not evaluate `bindProvider` or read the documentation table, and so cannot import
 * index.ts. `rackspaceValidation` is the part validating with a fixed context reads: without the
 * context reader and the password policy, so a client bundle that only uses `validatorsFor` leaves
 * them out.
 */
import type { PasswordPolicy, ProviderDefinition } from "../../types.js";
import { type RackspaceContext, resolveContext } from "./context.js";
import { fields } from "./fields.js";
import { operations } from "./requests.js";
import { password as passwordField } from "./user-fields.js";

/**
 * Characters both the documentation (letters, digits, `_ . @ ? #`, spaces) and the server accept,
 * without the space (edge spaces are refused, inner ones are easy to mistype). `@ ? #` must not be
 * first or last; the generator re-checks every candidate against the rules.
 */
const PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@?#";

const password: PasswordPolicy<RackspaceContext> = {
  field: passwordField,
  // The server accepts 1 character; fewer than 8 random characters is guessable offline.
  minLength: 8,
  // The API schema (`non_empty_string`) caps passwords at 255, whatever the documentation says.
  maxLength: 255,
  // 24 characters from 67 symbols is about 145 bits, and fits every MySQL client and config file.
  defaultLength: 24,
  alphabet: PASSWORD_ALPHABET,
};

const id = "rackspace";
const vendor = "Rackspace";

export const rackspaceDefinition = {
  id,
  vendor,
  fields,
  operations,
  resolveContext,
  password,
} satisfies ProviderDefinition<RackspaceContext>;

export const rackspaceValidation = { id, vendor, fields, operations };
