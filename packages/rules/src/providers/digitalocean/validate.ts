/**
 * `@dbusers/rules/digitalocean/validate`: the DigitalOcean validators alone, for clients that
 * check input before sending. Same rules, violations and messages as `@dbusers/rules/digitalocean`;
 * the published build of this entry leaves out the rule prose only `describeRules` and
 * `toJSONSchema` read (descriptions, sources, notes, JSON Schema fragments, suggestions), see
 * scripts/lean.ts.
 */
import { bindValidators } from "../../engine/bind-validators.js";
import type { DigitalOceanContextInput } from "./context.js";
import { digitaloceanDefinition } from "./definition.js";

const validators = bindValidators<typeof digitaloceanDefinition, DigitalOceanContextInput>(
  digitaloceanDefinition,
);

export const validateField = validators.validateField;
export const validateRequest = validators.validateRequest;

export type { Violation } from "../../types.js";
export {
  type DigitalOceanContextInput,
  ENGINES,
  type Engine,
  supportsUserManagement,
  USER_MANAGEMENT_ENGINES,
  type UserManagementEngine,
} from "./context.js";
