/** The Rackspace validators for one profile fixed in advance, as a client checks its input. */
import { bindFixedValidators, type FixedValidators } from "../../engine/bind-validators.js";
import type { Profile } from "../../types.js";
import { rackspaceContext } from "./context.js";
import { type rackspaceDefinition, rackspaceValidation } from "./definition.js";

/**
 * The validators of `validateField`/`validateRequest` with the context `{ profile }`: the same
 * violations, for callers whose context never changes.
 */
export function validatorsFor(profile: Profile): FixedValidators<typeof rackspaceDefinition> {
  return bindFixedValidators<typeof rackspaceDefinition>(rackspaceValidation, rackspaceContext(profile));
}
