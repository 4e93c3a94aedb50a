/**
 * The shapes DigitalOcean's successes promise (`{ user }`, `{ users }`), checked after the template
 * has matched the status: a body that is not that shape is a `ResponseParseError` naming what came,
 * never quoting it (it may hold a password or a private key).
 */
import { callInfoOf, ResponseParseError } from "@dbusers/core";
import type { DatabaseUser, KafkaAcl } from "./types.js";

/** Reads the parsed body of a success; `method` and `response` are for the error when it does not fit. */
export type Reader<T> = (data: unknown, method: string, response: Response) => T;

function isUser(value: unknown): value is DatabaseUser {
  return (
    typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string"
  );
}

/** A reader for `{ [key]: … }`: `convert` gives the result, or `undefined` when it is not what the spec promises. */
function reader<T>(key: string, what: string, convert: (member: unknown) => T | undefined): Reader<T> {
  return (data, method, response) => {
    const isObject = typeof data === "object" && data !== null && !Array.isArray(data);
    const value = isObject ? convert((data as Record<string, unknown>)[key]) : undefined;
    if (value !== undefined) return value;
    const { status, url, headers } = response;
    throw new ResponseParseError({
      status,
      method,
      url,
      secrets: callInfoOf(response)?.secrets,
      contentType: headers.get("content-type") ?? undefined,
      message: `DigitalOcean answered ${status} to ${method} ${url} with ${isObject ? what : "no JSON object in the body"}`,
    });
  };
}

/** `{ user }` → the user. */
export const readUser: Reader<DatabaseUser> = /* @__PURE__ */ reader(
  "user",
  "no `user` object with a `name` in the body",
  (user) => (isUser(user) ? normalizeUser(user) : undefined),
);

/** `{ users }` → the users; a missing `users` is an empty list (the spec does not require the key). */
export const readUsers: Reader<DatabaseUser[]> = /* @__PURE__ */ reader(
  "users",
  "a `users` member that is not a list of users",
  (users) =>
    users === undefined
      ? []
      : Array.isArray(users) && users.every(isUser)
        ? users.map(normalizeUser)
        : undefined,
);

/**
 * DigitalOcean has answered the Kafka permission `produceconsume` spelled `produce_consume`;
 * callers get the spec's spelling (docs/vendors/digitalocean.md §16).
 */
function normalizeUser(user: DatabaseUser): DatabaseUser {
  const acl = user.settings?.acl;
  if (!Array.isArray(acl) || !acl.some(isOddSpelling)) return user;
  const fixed: KafkaAcl[] = acl.map((entry) =>
    isOddSpelling(entry) ? { ...entry, permission: "produceconsume" } : entry,
  );
  return { ...user, settings: { ...user.settings, acl: fixed } };
}

function isOddSpelling(entry: KafkaAcl): boolean {
  return (entry?.permission as string) === "produce_consume";
}
