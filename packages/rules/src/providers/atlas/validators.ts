/** The Atlas validators that read (and report on) a context object given by the caller. */
import { bindValidators } from "../../engine/bind-validators.js";
import type { AtlasContextInput } from "./context.js";
import { atlasDefinition } from "./definition.js";

const validators = bindValidators<typeof atlasDefinition, AtlasContextInput>(atlasDefinition);

export const validateField = validators.validateField;
export const validateRequest = validators.validateRequest;
