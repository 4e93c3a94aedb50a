/**
 * Request checks in the order the emulator fails them: the resource version asked for (406), the
 * body's media type (415), JSON (400), the spec's schema and then the rules in *server* profile
 * (400 INVALID_ATTRIBUTE with `badRequestDetail.fields`).
 */
import { type AtlasAuthType, atlas } from "@dbusers/rules/atlas";
import type { Reply } from "../http.js";
import { childPointer, type SpecOperation, type SpecValidator } from "../spec-validator.js";
import type { IncomingCall } from "../vendor.js";
import { atlasError, type FieldProblem, invalidAttribute } from "./errors.js";

/** The one resource version database users have (atlas.md §1). */
export const RESOURCE_VERSION = "2023-01-01";
export const VERSIONED_JSON = `application/vnd.atlas.${RESOURCE_VERSION}+json`;

const VERSIONED = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/i;

/**
 * The version an `Accept` header asks for. Any date on or after 2023-01-01 gets 2023-01-01, the
 * newest version that is not later than it: MongoDB's curl examples and its v2 clients send a later
 * global date (2025-03-12) for database users (atlas.md §1, §8.9; the mapping is the emulator's
 * choice, §10). No versioned type, or an earlier date, is a 406.
 */
export function negotiate(accept: string | undefined): Reply | undefined {
  for (const part of (accept ?? "").split(",")) {
    const date = VERSIONED.exec(part.split(";")[0]!.trim())?.[1];
    if (date !== undefined && date >= RESOURCE_VERSION && !Number.isNaN(Date.parse(date))) return undefined;
  }
  return atlasError(406, "INVALID_VERSION_DATE", "Invalid accept header or version date.", {
    parameters: [accept ?? ""],
  });
}

export type BodyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly reply: Reply };

/** JSON in any spelling: the seed's curl examples send `application/json`, the SDK the versioned type. */
const isJson = (contentType: string) =>
  /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(contentType.trim());

export function parseBody(call: IncomingCall): BodyResult {
  if (call.bodyTooLarge) {
    return { ok: false, reply: atlasError(413, "REQUEST_TOO_LARGE", "The request body is too large.") };
  }
  const contentType = call.headers["content-type"];
  if (contentType !== undefined && !isJson(contentType)) {
    return {
      ok: false,
      reply: atlasError(415, "UNSUPPORTED_MEDIA_TYPE", `Unsupported content type ${contentType}.`, {
        parameters: [contentType],
      }),
    };
  }
  try {
    if (call.body.trim() === "") throw new SyntaxError("empty");
    return { ok: true, body: JSON.parse(call.body) as unknown };
  } catch {
    // The parser's own message quotes the body (which may hold a password), so it is not repeated.
    return { ok: false, reply: atlasError(400, "INVALID_JSON", "The request body is not valid JSON.") };
  }
}

const USER_SCHEMA = "#/components/schemas/CloudDatabaseUser";

/**
 * The body against the spec: the whole CloudDatabaseUser on POST; on PATCH each field it carries
 * against that field's schema only, since PATCH is partial and `required` does not apply (§8.5).
 */
function specProblems(spec: SpecValidator, op: SpecOperation, body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (pointer: string, value: unknown, field: string) => {
    const validate = spec.validator(pointer);
    if (validate(value)) return;
    for (const error of validate.errors ?? []) {
      const where = `${field}${error.instancePath.replaceAll("/", ".")}`.replace(/^\./, "");
      const missing = (error.params as { missingProperty?: string }).missingProperty;
      problems.push({
        field: missing === undefined ? where || "body" : where ? `${where}.${missing}` : missing,
        description: missing === undefined ? (error.message ?? "is not valid") : "is required",
      });
    }
  };
  if (op.method === "POST") {
    check(childPointer(op.pointer, "requestBody", "content", VERSIONED_JSON, "schema"), body, "");
  } else if (typeof body !== "object" || body === null || Array.isArray(body)) {
    problems.push({ field: "body", description: "must be a JSON object" });
  } else {
    for (const [key, value] of Object.entries(body)) {
      if (spec.resolve(childPointer(USER_SCHEMA, "properties", key)) === undefined) continue;
      check(childPointer(USER_SCHEMA, "properties", key), value, key);
    }
  }
  return problems;
}

/** The 400 for a body that breaks the spec or the server's rules; `undefined` when it is fine. */
export function checkUserBody(
  spec: SpecValidator,
  op: SpecOperation,
  body: unknown,
  authType: AtlasAuthType | undefined,
): Reply | undefined {
  const problems = specProblems(spec, op, body);
  if (problems.length > 0) return invalidAttribute(problems);
  const operation = op.method === "POST" ? "createUser" : "updateUser";
  // A PATCH that names no auth type keeps the user's own (the rules read it from the context).
  const violations = atlas.validateRequest(operation, body, { profile: "server", authType });
  if (violations.length === 0) return undefined;
  return invalidAttribute(
    violations.map((v) => ({ field: v.path, description: `${v.message} (${v.rule})` })),
  );
}
