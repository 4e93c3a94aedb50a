/**
 * `@dbusers/rules/digitalocean/validate`: the DigitalOcean validators alone, for clients that
 * check input before sending. Same rules, violations and messages as `@dbusers/rules/digitalocean`,
 * without the documentation table (descriptions, sources, notes, suggestions) that only
 * `describeRules` and `suggestName` import.
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
