/**
 * The flags that name a user (`--host`, `--auth-db`) into a `UserKey`. Apart from the access flags
 * (user-flags.ts), so `users list` and `users get` load no more than they use.
 */
import type { AtlasAuthDatabase, UserKey } from "../model.js";
import { UsageError } from "./errors.js";

export interface KeyFlags {
  readonly host?: string;
  readonly authDb?: string;
}

/** The object without its `undefined` fields. */
export const defined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;

export function authDatabaseOf(value: string | undefined): AtlasAuthDatabase | undefined {
  if (value === undefined) return undefined;
  if (value !== "admin" && value !== "$external") {
    throw new UsageError(`--auth-db must be admin or $external, not ${JSON.stringify(value)}`);
  }
  return value;
}

export function keyFrom(name: string, flags: KeyFlags): UserKey {
  return defined({ name, host: flags.host, authDatabase: authDatabaseOf(flags.authDb) });
}
