/**
 * One difference between two specs for one of our operations, classified for a client of the API.
 * Severity is judged from the client's side: in a request the client writes and the server reads,
 * so tightening breaks; in a response the server writes and the client reads, so loosening can.
 */
export type Severity = "breaking" | "potentially-breaking" | "non-breaking";

/** Where the change sits: what the client sends, what it receives, or the operation itself. */
export type Direction = "request" | "response" | "operation";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-moved"
  | "operation-deprecated"
  | "security-changed"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-required-changed"
  | "request-body-added"
  | "request-body-removed"
  | "request-body-required-changed"
  | "media-type-added"
  | "media-type-removed"
  | "media-version-added"
  | "media-version-sunset"
  | "status-added"
  | "status-removed"
  | "header-added"
  | "header-removed"
  | "field-added"
  | "field-removed"
  | "field-required-changed"
  | "read-only-changed"
  | "write-only-changed"
  | "type-changed"
  | "enum-value-added"
  | "enum-value-removed"
  | "constraint-changed"
  | "default-changed"
  | "variant-added"
  | "variant-removed";

export interface Change {
  operationId: string;
  method: string;
  path: string;
  kind: ChangeKind;
  direction: Direction;
  /** Human-readable place, e.g. `response 200 application/json › user.settings.acl[].permission`. */
  location: string;
  severity: Severity;
  reason: string;
  before?: unknown;
  after?: unknown;
}

export const SEVERITY_ORDER: readonly Severity[] = ["breaking", "potentially-breaking", "non-breaking"];

/** A narrower set of valid values (a tighter bound, a new pattern, a value removed from an enum…). */
export function tightened(direction: Direction): Severity {
  return direction === "request" ? "breaking" : "non-breaking";
}

/** A wider set of valid values. */
export function loosened(direction: Direction): Severity {
  return direction === "response" ? "potentially-breaking" : "non-breaking";
}

export function tightenedReason(direction: Direction): string {
  return direction === "request"
    ? "requests the server accepted before may now be rejected"
    : "responses only get narrower; clients keep working";
}

export function loosenedReason(direction: Direction): string {
  return direction === "response"
    ? "responses may now carry values clients were not written for"
    : "the server accepts more than before; existing requests keep working";
}
