/**
 * Request checks in the order DigitalOcean would fail them: a body that is not JSON is a 400; one
 * that breaks the OpenAPI schema, or the rules in *server* profile for the cluster's engine, a 422
 * whose message names each field and rule.
 */
import { digitalocean, type Engine } from "@dbusers/rules/digitalocean";
import type { SpecOperation, SpecValidator } from "../spec-validator.js";
import type { IncomingCall } from "../vendor.js";
import {
  badRequest,
  type ErrorReply,
  payloadTooLarge,
  unprocessable,
  unsupportedMediaType,
} from "./errors.js";

/** operationId → the rules' name for the same request body. */
const RULES_OPERATIONS = {
  databases_add_user: "addUser",
  databases_update_user: "updateUser",
  databases_reset_auth: "resetUserAuth",
} as const;

export type BodyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly reply: ErrorReply };

const isJson = (contentType: string) =>
  /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(contentType.trim());

/** Parses the body of an operation that takes one; other operations ignore any body. */
export function parseBody(spec: SpecValidator, op: SpecOperation, call: IncomingCall): BodyResult {
  const { accepted, required } = spec.requestBody(op);
  if (!accepted) return { ok: true, body: undefined };
  if (call.bodyTooLarge) {
    return { ok: false, reply: payloadTooLarge(call.requestId, "the request body is too large") };
  }
  if (call.body.trim() === "") {
    if (!required) return { ok: true, body: undefined };
    return {
      ok: false,
      reply: badRequest(call.requestId, `${op.operationId} needs a JSON body; send at least {}`),
    };
  }
  const contentType = call.headers["content-type"];
  if (contentType !== undefined && !isJson(contentType)) {
    return { ok: false, reply: unsupportedMediaType(call.requestId, contentType) };
  }
  try {
    return { ok: true, body: JSON.parse(call.body) as unknown };
  } catch {
    // The parser's own message quotes the body, so it is not repeated here.
    return { ok: false, reply: badRequest(call.requestId, "The request body is not valid JSON.") };
  }
}

/** The 422 for a body that breaks the spec or the server's rules; `undefined` when it is fine. */
export function checkBody(
  spec: SpecValidator,
  op: SpecOperation,
  body: unknown,
  engine: Engine,
  requestId: string,
): ErrorReply | undefined {
  if (!spec.requestBody(op).accepted || body === undefined) return undefined;
  const issues = spec.validateBody(op, body);
  if (issues.length > 0) return unprocessable(requestId, issues);
  const operation = RULES_OPERATIONS[op.operationId as keyof typeof RULES_OPERATIONS];
  if (operation === undefined) return undefined;
  const violations = digitalocean.validateRequest(operation, body, { profile: "server", engine });
  return violations.length > 0 ? unprocessable(requestId, violations) : undefined;
}
