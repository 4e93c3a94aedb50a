/**
 * Turns what openapi-fetch resolves with (bodies read as text) into a user, a list of users, or a
 * typed error: `DigitalOceanApiError` for an error status, `ResponseParseError` for a success whose
 * body is not JSON, or not the JSON the spec promises. `JSON.parse`'s own error is never passed
 * on: its message quotes the body, which may hold a password or a private key.
 */
import { type FetchResult, ResponseParseError, type SecretValue, unwrap } from "@dbusers/core";
import { DigitalOceanApiError } from "./errors.js";
import type { DatabaseUser, KafkaAcl } from "./types.js";

type TextResult = FetchResult<string, unknown>;

/** What the caller sent, for the errors built from the answer. */
export interface Exchange {
  readonly method: string;
  readonly secrets: readonly SecretValue[];
}

function apiError(exchange: Exchange) {
  return (response: Response, body: unknown): Error =>
    new DigitalOceanApiError({
      status: response.status,
      method: exchange.method,
      url: response.url,
      body,
      headers: response.headers,
      secrets: exchange.secrets,
    });
}

function unexpected(response: Response, exchange: Exchange, what: string): ResponseParseError {
  const contentType = response.headers.get("content-type");
  return new ResponseParseError({
    status: response.status,
    method: exchange.method,
    url: response.url,
    secrets: exchange.secrets,
    ...(contentType === null ? {} : { contentType }),
    message: `DigitalOcean answered ${response.status} to ${exchange.method} ${response.url} with ${what}`,
  });
}

/** The JSON object of a success, or the typed error. */
function successObject(result: TextResult, exchange: Exchange): Record<string, unknown> {
  const text = unwrap(result, apiError(exchange));
  let parsed: unknown;
  try {
    parsed = text === undefined || text === "" ? undefined : JSON.parse(text);
  } catch {
    throw unexpected(result.response, exchange, "a body that is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw unexpected(result.response, exchange, "no JSON object in the body");
  }
  return parsed as Record<string, unknown>;
}

function isUser(value: unknown): value is DatabaseUser {
  return (
    typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string"
  );
}

/** `{ user }` → the user. */
export function readUser(result: TextResult, exchange: Exchange): DatabaseUser {
  const { user } = successObject(result, exchange);
  if (!isUser(user))
    throw unexpected(result.response, exchange, "no `user` object with a `name` in the body");
  return normalizeUser(user);
}

/** `{ users }` → the users; a missing `users` is an empty list (the spec does not require the key). */
export function readUsers(result: TextResult, exchange: Exchange): DatabaseUser[] {
  const { users } = successObject(result, exchange);
  if (users === undefined) return [];
  if (!Array.isArray(users) || !users.every(isUser)) {
    throw unexpected(result.response, exchange, "a `users` member that is not a list of users");
  }
  return users.map(normalizeUser);
}

/** A success with nothing to read (`204 No Content`), or the typed error. */
export function readEmpty(result: TextResult, exchange: Exchange): void {
  unwrap(result, apiError(exchange));
}

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
