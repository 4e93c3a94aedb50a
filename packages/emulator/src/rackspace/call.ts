/** What every Trove operation handler receives, and the helpers they share. */
import { validateField, validateRequest } from "@dbusers/rules/rackspace";
import type { Reply } from "../http.js";
import { badRequest } from "./faults.js";
import { nextLink, type UserAddress } from "./paths.js";
import type { AccountRecord, InstanceRecord } from "./state.js";
import type { WriteQueue } from "./writes.js";

export interface TroveCall {
  readonly account: AccountRecord;
  /** The instance named in the path; absent only for the instance list. */
  readonly instance: InstanceRecord | undefined;
  /** The `{user}` segment, decoded as Trove does. */
  readonly user: UserAddress | undefined;
  /** The `{database}` segment, decoded once. */
  readonly database: string | undefined;
  readonly body: unknown;
  readonly query: URLSearchParams;
  /** The URL of this collection, for `next` links. */
  readonly pageUrl: string;
  readonly validation: "api" | "guest";
  readonly writes: WriteQueue;
}

export type Handler = (call: TroveCall) => Reply;

/** Trove's page size for users, databases and instances (docs/vendors/rackspace.md §3.2). */
export const PAGE_SIZE = 20;

export const RESERVED_USERS = new Set(["root", "os_admin"]);
export const RESERVED_DATABASES = new Set([
  "mysql",
  "information_schema",
  "performance_schema",
  "sys",
  "lost+found",
]);

export const json = (status: number, body: unknown): Reply => ({ status, headers: {}, body });
export const accepted = (): Reply => ({ status: 202, headers: {} });

const SERVER = { profile: "server" } as const;

/** The MySQL model's verdict on a request (server profile): the first problem as Trove words it, or undefined. */
export function modelError(
  operation: "createUsers" | "changePasswords" | "modifyUser" | "grantAccess" | "createDatabases",
  body: unknown,
  prefix: string,
): Reply | undefined {
  const violations = validateRequest(operation, body, SERVER);
  return violations[0] === undefined ? undefined : badRequest(`${prefix}: ${violations[0].message}`);
}

/** What the guest agent checks before it acts: a value the model refuses stops the work silently. */
export function guestAccepts(
  field: "userName" | "password" | "host" | "databaseName",
  value: unknown,
): boolean {
  return value === undefined || validateField(field, value, SERVER).length === 0;
}

/**
 * One page of `items` after `marker` (exclusive) under `key`, with a `next` link while more remain
 * (docs/vendors/rackspace.md §3.2).
 */
export function pagedReply<T>(
  call: TroveCall,
  key: string,
  items: readonly T[],
  keyOf: (item: T) => string,
  view: (item: T) => unknown,
): Reply {
  const rawLimit = call.query.get("limit");
  const asked = rawLimit === null ? PAGE_SIZE : Number(rawLimit);
  if (!Number.isInteger(asked) || asked < 1)
    return badRequest(`limit must be a positive integer, got ${rawLimit}`);
  const limit = Math.min(asked, PAGE_SIZE);
  const marker = call.query.get("marker");
  const after = marker === null ? items : items.filter((item) => keyOf(item) > marker);
  const shown = after.slice(0, limit);
  const body: Record<string, unknown> = { [key]: shown.map(view) };
  if (after.length > limit) {
    body.links = [{ rel: "next", href: nextLink(call.pageUrl, limit, keyOf(shown[shown.length - 1]!)) }];
  }
  return json(200, body);
}
