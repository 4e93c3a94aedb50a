/**
 * Turns what openapi-fetch resolves with (bodies read as text) into a user, a list of users, or a
 * typed error: `DigitalOceanApiError` for an error status, `ResponseParseError` for a success whose
 * body is not JSON, or not the JSON the spec promises. `JSON.parse`'s own error is never passed
 * on: its message quotes the body, which may hold a password or a private key.
 */
import { type FetchResult, ResponseParseError, type SecretValue, unwrap } from "@dbusers/core";
import { DigitalOceanApiError } from "./errors.js";
import type { DatabaseUser, KafkaAcl } from "./types.js";

/** Reads one answer; `method` and `secrets` are the call's, for the errors built from it. */
export type Reader<T> = (
  result: FetchResult<string, unknown>,
  method: string,
  secrets: readonly SecretValue[],
) => T;

/** `data` (the text) of a success, or throws the `DigitalOceanApiError` for an error status. */
const text: Reader<string | undefined> = (result, method, secrets) =>
  unwrap(
    result,
    (response, body) =>
      new DigitalOceanApiError({
        status: response.status,
        method,
        url: response.url,
        body,
        headers: response.headers,
        secrets,
      }),
  );

function isUser(value: unknown): value is DatabaseUser {
  return (
    typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string"
  );
}

/**
 * A reader for a success whose body is the JSON object `{ [key]: … }`: `convert` turns the member into
 * the result, or gives `undefined` when it is not what the spec promises (`what` then says what came).
 */
function reader<T>(key: string, what: string, convert: (member: unknown) => T | undefined): Reader<T> {
  return (result, method, secrets) => {
    const body = text(result, method, secrets);
    let parsed: unknown;
    let problem = "a body that is not valid JSON";
    try {
      parsed = body ? JSON.parse(body) : undefined;
      problem = "no JSON object in the body";
    } catch {
      // `problem` says so; the SyntaxError itself quotes the body, so it goes nowhere.
    }
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      const value = convert((parsed as Record<string, unknown>)[key]);
      if (value !== undefined) return value;
      problem = what;
    }
    const { status, url, headers } = result.response;
    throw new ResponseParseError({
      status,
      method,
      url,
      secrets,
      contentType: headers.get("content-type") ?? undefined,
      message: `DigitalOcean answered ${status} to ${method} ${url} with ${problem}`,
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

/** A success with nothing to read (`204 No Content`), or the typed error. */
export const readEmpty: Reader<void> = (result, method, secrets) => {
  text(result, method, secrets);
};

/**
 * DigitalOcean has answered the Kafka permission `produceconsume` spelled `produce_consume`
 * (vendor notes: "ACL permissions may come back spelled produce_consume … and need normalising");
 * callers get the spec's spelling.
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
