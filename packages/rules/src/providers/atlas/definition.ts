/**
 * The Atlas provider as data, not yet bound. Every entry point starts from it: the full one
 * (`@dbusers/rules/atlas`) and the validate-only one (`@dbusers/rules/atlas/validate`), which must
 * not evaluate `bindProvider` or read the documentation table, and so cannot import index.ts.
 * `atlasValidation` is the part validating with a fixed context reads: without the context reader
 * and the password policy, so a client bundle that only uses `validatorsFor` leaves them out.
 */
import type { ProviderDefinition } from "../../types.js";
import { type AtlasContext, resolveAtlasContext } from "./context.js";
import { fields, passwordPolicy } from "./fields.js";
import { createUser, updateUser } from "./requests.js";

const id = "atlas";
const vendor = "MongoDB Atlas";
const operations = { createUser, updateUser };

export const atlasDefinition = {
  id,
  vendor,
  fields,
  operations,
  resolveContext: resolveAtlasContext,
  password: passwordPolicy,
} satisfies ProviderDefinition<AtlasContext>;

export const atlasValidation = { id, vendor, fields, operations };
