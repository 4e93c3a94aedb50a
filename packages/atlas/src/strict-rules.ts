/**
 * The part of `@dbusers/rules/atlas/validate` the client uses, loaded by `validate.ts` on the first
 * write. A module of its own so that a bundler's lazy import carries only these names, not the whole
 * rules entry.
 */
import { ATLAS_AUTH_DATABASE, atlasAuthTypeOf, validatorsFor } from "@dbusers/rules/atlas/validate";

export { ATLAS_AUTH_DATABASE, atlasAuthTypeOf };
export const strict: ReturnType<typeof validatorsFor> = validatorsFor("strict");
