/**
 * One planned change as facade calls, safe when an answer is lost: a write that may have happened
 * is checked by reading before it is tried again. A create is never sent twice for a user that
 * exists; when its answer (and so a server-chosen password) was lost, the password is reset so the
 * caller still gets working credentials.
 */
import { type Secret, sleep } from "@dbusers/core";
import type { CallOptions, Credentials, DbUser, UserChanges, UserKey, UserSpec } from "../model.js";
import { specOf } from "../spec.js";
import type { Target } from "../target.js";
import { covers } from "./diff.js";
import { isNotFound, mayHaveHappened } from "./outcome.js";
import type { PlannedChange } from "./plan-types.js";

/** Runs one change; resolves to a note when something beyond the plain result happened. */
export type StepRunner = (change: PlannedChange) => Promise<string | undefined>;

export interface StepContext {
  readonly attempts: number;
  readonly deliver: (credentials: Credentials) => Promise<void>;
  /**
   * Makes a password for a user where the caller chooses them (`undefined` for a user that has
   * none); the function is `undefined` where the server chooses.
   */
  readonly password: ((spec: UserSpec) => Secret | undefined) | undefined;
  /** How writes a vendor applies after accepting them (Rackspace's 202s) are waited for. */
  readonly wait?: CallOptions["wait"];
}

/** How often, and how many times, a lost create is looked for where writes land later (Rackspace). */
const SETTLE_POLLS = 5;
const SETTLE_INTERVAL_MS = 2000;

async function find(target: Target, key: UserKey): Promise<DbUser | undefined> {
  try {
    return await target.getUser(key);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function chosen(password: Secret | undefined): { password?: Secret } {
  return password === undefined ? {} : { password };
}

export function steps(target: Target, context: StepContext): StepRunner {
  const { attempts, deliver } = context;
  // Every write waits until the vendor shows it (the default), so the next plan sees it.
  const call: CallOptions = context.wait === undefined ? {} : { wait: context.wait };

  /** Retries `write` while it fails in a way that may or may not have happened and `settled` says it did not. */
  async function retrying<T>(
    write: () => Promise<T>,
    settled: () => Promise<string | undefined>,
  ): Promise<{ value?: T; note?: string }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await write();
        return attempt === 1 ? { value } : { value, note: `done on attempt ${attempt} after a lost answer` };
      } catch (error) {
        if (!mayHaveHappened(error)) throw error;
        const note = await settled();
        if (note !== undefined) return { note };
        if (attempt >= attempts) throw error;
      }
    }
  }

  async function rotate(
    key: UserKey,
    mysqlAuthPlugin?: PlannedChange & { action: "rotate" },
  ): Promise<string | undefined> {
    for (let attempt = 1; ; attempt++) {
      const password = context.password?.(key);
      try {
        const rotated = await target.rotatePassword(key, {
          ...call,
          ...chosen(password),
          ...(mysqlAuthPlugin?.mysqlAuthPlugin ? { mysqlAuthPlugin: mysqlAuthPlugin.mysqlAuthPlugin } : {}),
        });
        await deliver(rotated.credentials);
        return attempt === 1 ? undefined : `done on attempt ${attempt} after a lost answer`;
      } catch (error) {
        // A second new password is harmless: the last one set is the one delivered.
        if (!mayHaveHappened(error) || attempt >= attempts) throw error;
      }
    }
  }

  /**
   * The user, if the lost create made it. Where the vendor applies a write after accepting it
   * (Rackspace's 202, docs/vendors/rackspace.md §1.1), a create that was accepted may not show yet:
   * look a few times before concluding it was not, or a second create would race the first.
   */
  async function settled(spec: UserSpec): Promise<DbUser | undefined> {
    const polls = target.capabilities.asyncWrites ? SETTLE_POLLS : 1;
    const wait = typeof context.wait === "object" ? context.wait.intervalMs : undefined;
    for (let poll = 1; ; poll++) {
      const found = await find(target, spec);
      if (found !== undefined || poll >= polls) return found;
      await sleep(wait ?? SETTLE_INTERVAL_MS);
    }
  }

  async function create(change: PlannedChange & { action: "create" }): Promise<string | undefined> {
    const spec = change.user;
    for (let attempt = 1; ; attempt++) {
      const password = context.password?.(spec);
      try {
        const created = await target.createUser(spec, { ...call, ...chosen(password) });
        await deliver(created.credentials);
        return attempt === 1
          ? undefined
          : `created on attempt ${attempt} (the user did not exist after a lost answer)`;
      } catch (error) {
        if (!mayHaveHappened(error)) throw error;
        const existing = await settled(spec);
        if (existing !== undefined) {
          if (password !== undefined) {
            await deliver(credentialsOf(target, existing, password));
            return "the answer was lost; the user exists with the password that was sent";
          }
          if (context.password !== undefined) return "the answer was lost; the user exists";
          await rotate(spec);
          return "the answer was lost; the user exists, so its password was reset to capture it";
        }
        if (attempt >= attempts) throw error;
      }
    }
  }

  return async (change) => {
    switch (change.action) {
      case "create":
        return create(change);
      case "rotate":
        return rotate(change.user, change);
      case "update": {
        const changes: Record<string, unknown> = {};
        for (const f of change.fields) changes[f.field] = f.to;
        const { note } = await retrying(
          () => target.updateUser(change.user, changes as UserChanges, call),
          async () => {
            const now = await find(target, change.user);
            return now !== undefined && covers(changes, specOf(now))
              ? "the answer was lost; the change is in place"
              : undefined;
          },
        );
        return note;
      }
      case "delete": {
        try {
          await target.deleteUser(change.user, call);
          return undefined;
        } catch (error) {
          if (!isNotFound(error) && !mayHaveHappened(error)) throw error;
          if ((await find(target, change.user)) === undefined)
            return "the user was already gone (an earlier answer was lost)";
          throw error;
        }
      }
    }
  };
}

function credentialsOf(target: Target, user: DbUser, password: Secret): Credentials {
  return {
    target: target.name,
    name: user.name,
    ...(user.host === undefined ? {} : { host: user.host }),
    ...(user.authDatabase === undefined ? {} : { authDatabase: user.authDatabase }),
    password,
  };
}
