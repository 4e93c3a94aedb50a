/**
 * The DigitalOcean provider as data, not yet bound. Both entry points start from it: the full one
 * (`@dbusers/rules/digitalocean`) and the validate-only one (`@dbusers/rules/digitalocean/validate`),
 * which must not evaluate `bindProvider` and so cannot import index.ts.
 */
import type { ProviderDefinition } from "../../types.js";
import { type DigitalOceanContext, resolveContext } from "./context.js";
import { fields } from "./fields.js";
import { addUser, resetUserAuth, updateUser } from "./requests.js";

export const digitaloceanDefinition = {
  id: "digitalocean",
  vendor: "DigitalOcean",
  fields,
  operations: { addUser, updateUser, resetUserAuth },
  resolveContext,
} satisfies ProviderDefinition<DigitalOceanContext>;
