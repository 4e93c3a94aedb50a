/**
 * `@dbusers/rules/atlas/validate`: the Atlas validators alone, for clients that check input before
 * sending. Same rules, violations and messages as `@dbusers/rules/atlas`, without the documentation
 * table (descriptions, sources, notes, suggestions), the JSON Schema views and the password
 * generator that only `describeRules`, `toJSONSchema`, `suggestName` and `generatePassword` need.
 * A client with a fixed profile uses `validatorsFor(profile)`, which does not carry the code that
 * reads a caller's context object either.
 */
export type { FixedValidators } from "../../engine/bind-validators.js";
export type { Violation } from "../../types.js";
export { ATLAS_AUTH_DATABASE, atlasAuthTypeOf } from "./auth-type.js";
export { ATLAS_AUTH_TYPES, type AtlasAuthType, type AtlasContextInput } from "./context.js";
export { validatorsFor } from "./fixed-validators.js";
export { validateField, validateRequest } from "./validators.js";
