/**
 * Atlas's error bodies: `{ error, errorCode, detail, reason, parameters?, badRequestDetail? }`
 * (docs/vendors/atlas.md §4). Codes are the ones Atlas is seen using; where none was seen (a
 * duplicate user, the user limit, a bad version date) the emulator's choice is listed in §10.
 */
import type { Reply } from "../http.js";

/** HTTP reason phrases, as Atlas puts them in `reason`. */
const REASONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export interface FieldProblem {
  readonly field: string;
  readonly description: string;
}

export interface AtlasErrorInit {
  readonly parameters?: readonly unknown[];
  readonly fields?: readonly FieldProblem[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** Error answers are plain `application/json`, unlike successes (atlas.md §1). */
export function atlasError(
  status: number,
  errorCode: string,
  detail: string,
  init: AtlasErrorInit = {},
): Reply {
  const body: Record<string, unknown> = {
    detail,
    error: status,
    errorCode,
    parameters: [...(init.parameters ?? [])],
    reason: REASONS[status] ?? "Error",
  };
  if (init.fields !== undefined) body.badRequestDetail = { fields: init.fields };
  return { status, headers: { "content-type": "application/json", ...init.headers }, body };
}

export const groupNotFound = (groupId: string): Reply =>
  atlasError(404, "GROUP_NOT_FOUND", `No group with ID ${groupId} exists.`, { parameters: [groupId] });

/** GET and PATCH answer USERNAME_NOT_FOUND, DELETE answers USER_NOT_FOUND (atlas.md §4, §8.7). */
export const userNotFound = (method: string, username: string, groupId: string): Reply =>
  method === "DELETE"
    ? atlasError(404, "USER_NOT_FOUND", `No user with username ${username} exists in group ${groupId}.`, {
        parameters: [username, groupId],
      })
    : atlasError(404, "USERNAME_NOT_FOUND", `No user with username ${username} exists.`, {
        parameters: [username],
      });

export const resourceNotFound = (path: string): Reply =>
  atlasError(404, "RESOURCE_NOT_FOUND", `Cannot find resource ${path}.`, { parameters: [path] });

export const invalidAttribute = (fields: readonly FieldProblem[]): Reply =>
  atlasError(400, "INVALID_ATTRIBUTE", fields.map((f) => `${f.field}: ${f.description}`).join("; "), {
    parameters: fields.map((f) => f.field),
    fields,
  });

export const tooManyRequests = (retryAfter: number): Reply =>
  atlasError(
    429,
    "RATE_LIMITED_TOKEN_BUCKET",
    `Rate limit exceeded for api/atlas/v2/groups/databaseUsers. Please retry after ${retryAfter} seconds.`,
    {
      parameters: ["api/atlas/v2/groups/databaseUsers", retryAfter],
      headers: { "retry-after": String(retryAfter) },
    },
  );

export const serverError = (): Reply => atlasError(500, "UNEXPECTED_ERROR", "Unexpected error.");

export const serviceUnavailable = (): Reply =>
  atlasError(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable; try again later.");
