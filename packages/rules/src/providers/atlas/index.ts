/**
 * `@dbusers/rules/atlas`: MongoDB Atlas database users (Administration API v2, resource version
 * 2023-01-01). Imports nothing from other providers.
 */
import { bindProvider } from "../../engine/bind.js";
import type { Infer } from "../../engine/shape.js";
import type { AtlasContextInput } from "./context.js";
import { atlasDefinition } from "./definition.js";
import { atlasDocs } from "./docs.js";
import type { createUser, updateUser } from "./requests.js";

export { atlasDefinition };

export const atlas = bindProvider<typeof atlasDefinition, AtlasContextInput>(atlasDefinition, atlasDocs);

export const validateField = atlas.validateField;
export const validateRequest = atlas.validateRequest;
export const describeRules = atlas.describeRules;
export const suggestName = atlas.suggestName;
export const generatePassword = atlas.generatePassword;
export const toJSONSchema = atlas.toJSONSchema;
export const standardSchema = atlas.standardSchema;
export const standardSchemaForField = atlas.standardSchemaForField;

export type CreateUserRequest = Infer<typeof createUser>;
export type UpdateUserRequest = Infer<typeof updateUser>;
export { ATLAS_AUTH_DATABASE, atlasAuthTypeOf } from "./auth-type.js";
export type { AtlasAuthType, AtlasContext, AtlasContextInput } from "./context.js";
export { ATLAS_AUTH_TYPES } from "./context.js";
export { atlasDocs };
