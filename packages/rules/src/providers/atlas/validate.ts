/**
 * `@dbusers/rules/atlas/validate`: the Atlas validators alone, for clients that check input before
 * sending. Same rules, violations and messages as `@dbusers/rules/atlas`, without the documentation
 * table (descriptions, sources, notes, suggestions), the JSON Schema views and the password
 * generator that only `describeRules`, `toJSONSchema`, `suggestName` and `generatePassword` need.
 */
import { bindValidators } from "../../engine/bind-validators.js";
import type { AtlasContextInput } from "./context.js";
import { atlasDefinition } from "./definition.js";

const validators = bindValidators<typeof atlasDefinition, AtlasContextInput>(atlasDefinition);

export const validateField = validators.validateField;
export const validateRequest = validators.validateRequest;

export type { Violation } from "../../types.js";
export { AUTH_DATABASE as ATLAS_AUTH_DATABASE, atlasAuthTypeOf } from "./auth.js";
export { ATLAS_AUTH_TYPES, type AtlasAuthType, type AtlasContextInput } from "./context.js";
