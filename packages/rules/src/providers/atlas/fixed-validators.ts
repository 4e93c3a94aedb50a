/** The Atlas validators for one profile fixed in advance, as a client checks its input. */
import { bindFixedValidators, type FixedValidators } from "../../engine/bind-validators.js";
import type { Profile } from "../../types.js";
import { atlasContext } from "./context.js";
import { type atlasDefinition, atlasValidation } from "./definition.js";

/**
 * The validators of `validateField`/`validateRequest` with the context `{ profile }`: the same
 * violations, for callers whose context never changes. The auth type is SCRAM unless a request
 * body names another, and date rules read the clock.
 */
export function validatorsFor(profile: Profile): FixedValidators<typeof atlasDefinition> {
  return bindFixedValidators<typeof atlasDefinition>(atlasValidation, atlasContext(profile, "SCRAM"));
}
