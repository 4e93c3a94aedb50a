/** The Rackspace validators that read (and report on) a context object given by the caller. */
import { bindValidators } from "../../engine/bind-validators.js";
import type { RackspaceContextInput } from "./context.js";
import { rackspaceDefinition } from "./definition.js";

const validators = bindValidators<typeof rackspaceDefinition, RackspaceContextInput>(rackspaceDefinition);

export const validateField = validators.validateField;
export const validateRequest = validators.validateRequest;
