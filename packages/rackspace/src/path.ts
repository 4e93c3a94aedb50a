/**
 * Trove's path segments (docs/vendors/rackspace.md §3.1). The server decodes the whole path once
 * before routing; the `{user}` segment is then decoded a second time (with a trailing `.json` cut
 * off in between). So `%`, `.` and `/` in a user segment are escaped first (`%25`, `%2E`, `%2F`) and
 * the result is percent-encoded: it survives both decodes exactly, and no `.json` or `/` appears
 * between them. `{instanceId}` and `{database}` are decoded once: one `encodeURIComponent`, and a
 * `/` is refused, since the first decode would turn it into a path separator that reaches another
 * route (`instance/users/x` as an instance id would address a user).
 */
import { InvalidPathParameterError } from "@dbusers/core";
import type { PathSerializer } from "openapi-fetch";

const PARAM = /\{([^{}]+)\}/g;

/** The `{user}` segment for `name` at `host`: `name@host`, escaped for Trove's two decodes. */
export function encodeUserSegment(address: string): string {
  return encodeURIComponent(address.replace(/%/g, "%25").replace(/\./g, "%2E").replace(/\//g, "%2F"));
}

function encodeOnce(parameter: string, value: string): string {
  if (value.includes("/")) {
    throw new InvalidPathParameterError({
      parameter,
      rule: "dot-segment",
      message: `Path parameter "${parameter}" must not contain "/": Trove decodes the path before routing, so the request would reach another resource`,
    });
  }
  return encodeURIComponent(value);
}

function encode(parameter: string, value: string): string {
  try {
    return parameter === "user" ? encodeUserSegment(value) : encodeOnce(parameter, value);
  } catch (error) {
    if (error instanceof InvalidPathParameterError) throw error;
    // encodeURIComponent throws a bare URIError only on a lone surrogate: no UTF-8 spells it.
    throw new InvalidPathParameterError({
      parameter,
      rule: "not-a-string",
      message: `Path parameter "${parameter}" is not well-formed Unicode (it has an unpaired surrogate), so it cannot be sent in a URL`,
    });
  }
}

/**
 * The path serializer for openapi-fetch. Core's template has already checked every parameter (a
 * non-empty string, no dot segment) before it calls this, so it only encodes.
 */
export const encodePath: PathSerializer = (pathname, params) =>
  pathname.replace(PARAM, (_match, parameter: string) => encode(parameter, params[parameter] as string));

/** What a value is, for a message; never reads the value itself. */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return `a ${typeof value}`;
  try {
    return Array.isArray(value) ? "an array" : "an object";
  } catch {
    return "an object";
  }
}

/** A name or host: a non-empty primitive string, or `InvalidPathParameterError`. */
function userPart(parameter: "name" | "host", value: unknown): string {
  if (typeof value === "string" && value !== "") return value;
  throw new InvalidPathParameterError({
    parameter,
    rule: value === undefined ? "missing" : value === "" ? "empty" : "not-a-string",
    message:
      value === ""
        ? `Path parameter "${parameter}" must not be empty`
        : `Path parameter "${parameter}" must be a string, got ${typeName(value)}`,
  });
}

/**
 * The `{user}` value for a name and host (`%` when left out), checked one by one first: only
 * primitive strings, so an array or an object whose `toString` gives `..` never becomes part of
 * the path. No dot-segment check is needed on the parts: `encodeUserSegment` turns every `.` and
 * `%` into `%252E`/`%2525`, which no URL parser reads as a dot segment, and the whole segment
 * always holds an `@`.
 */
export function userAddress(name: unknown, host: unknown): string {
  return `${userPart("name", name)}@${host === undefined ? "%" : userPart("host", host)}`;
}
