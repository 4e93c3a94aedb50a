/**
 * `@dbusers/rules/rackspace/validate`: the Rackspace validators alone, for clients that check input
 * before sending. Same rules, violations and messages as `@dbusers/rules/rackspace`, without the
 * documentation table (descriptions, sources, notes, suggestions), the JSON Schema views and the
 * password generator that only `describeRules`, `toJSONSchema`, `suggestName` and
 * `generatePassword` need.
 */
import { bindValidators } from "../../engine/bind-validators.js";
import type { RackspaceContextInput } from "./context.js";
import { rackspaceDefinition } from "./definition.js";

const validators = bindValidators<typeof rackspaceDefinition, RackspaceContextInput>(rackspaceDefinition);

export const validateField = validators.validateField;
export const validateRequest = validators.validateRequest;

export type { Violation } from "../../types.js";
export type { RackspaceContextInput } from "./context.js";
