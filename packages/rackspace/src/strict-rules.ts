/**
 * The validators the client checks with, loaded by `validate.ts` on the first check. A module of its
 * own so that a bundler's lazy import carries only these, not the whole rules entry.
 */
import { validatorsFor } from "@dbusers/rules/rackspace/validate";

export const strict: ReturnType<typeof validatorsFor> = validatorsFor("strict");
export const server: ReturnType<typeof validatorsFor> = validatorsFor("server");
