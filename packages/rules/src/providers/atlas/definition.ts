/**
 * The Atlas provider as data, not yet bound. Both entry points start from it: the full one
 * (`@dbusers/rules/atlas`) and the validate-only one (`@dbusers/rules/atlas/validate`), which must
 * not evaluate `bindProvider` or read the documentation table, and so cannot import index.ts.
 */
import type { ProviderDefinition } from "../../types.js";
import { type AtlasContext, resolveAtlasContext } from "./context.js";
import { fields, passwordPolicy } from "./fields.js";
import { createUser, updateUser } from "./requests.js";

export const atlasDefinition = {
  id: "atlas",
  vendor: "MongoDB Atlas",
  fields,
  operations: { createUser, updateUser },
  resolveContext: resolveAtlasContext,
  password: passwordPolicy,
} satisfies ProviderDefinition<AtlasContext>;
