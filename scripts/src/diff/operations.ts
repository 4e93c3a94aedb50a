import { asArray, asObject, type JsonObject } from "../lib/json.js";
import { listOperations } from "../lib/openapi.js";
import type { Change } from "./change.js";
import type { Emit, Side } from "./context.js";
import { diffParameters, diffRequestBody } from "./request.js";
import { diffResponses } from "./responses.js";

function scopesOf({ doc, op }: Side): Set<string> {
  const requirements = asArray(op.operation.security ?? doc.security);
  return new Set(
    requirements.flatMap((req) =>
      Object.entries(asObject(req)).flatMap(([scheme, scopes]) =>
        asArray(scopes).length > 0 ? asArray(scopes).map((scope) => `${scheme}:${String(scope)}`) : [scheme],
      ),
    ),
  );
}

function diffOperation(emit: Emit, o: Side, n: Side): void {
  if (o.op.path !== n.op.path || o.op.method !== n.op.method) {
    emit(
      "operation-moved",
      "operation",
      "operation",
      "breaking",
      "calls go to a different method or path",
      `${o.op.method.toUpperCase()} ${o.op.path}`,
      `${n.op.method.toUpperCase()} ${n.op.path}`,
    );
  }
  if (o.op.operation.deprecated !== true && n.op.operation.deprecated === true) {
    emit(
      "operation-deprecated",
      "operation",
      "operation",
      "non-breaking",
      "still works, but plan a replacement",
    );
  }
  const before = scopesOf(o);
  const after = scopesOf(n);
  for (const scope of after) {
    if (!before.has(scope))
      emit(
        "security-changed",
        "operation",
        "security",
        "potentially-breaking",
        "tokens may need another scope",
        undefined,
        scope,
      );
  }
  for (const scope of before) {
    if (!after.has(scope))
      emit(
        "security-changed",
        "operation",
        "security",
        "non-breaking",
        "one scope requirement fewer",
        scope,
        undefined,
      );
  }
  diffParameters(emit, o, n);
  diffRequestBody(emit, o, n);
  diffResponses(emit, o, n);
}

/** Every change to the listed operations between two bundled documents, in operations-list order. */
export function diffOperations(
  oldDoc: JsonObject,
  newDoc: JsonObject,
  operationIds: readonly string[],
): Change[] {
  const changes: Change[] = [];
  const oldOps = new Map(listOperations(oldDoc).map((op) => [op.operationId, op]));
  const newOps = new Map(listOperations(newDoc).map((op) => [op.operationId, op]));
  for (const operationId of operationIds) {
    const before = oldOps.get(operationId);
    const after = newOps.get(operationId);
    const at = after ?? before;
    if (!at) continue;
    const emit: Emit = (kind, direction, location, severity, reason, was, now) => {
      const change: Change = {
        operationId,
        method: at.method.toUpperCase(),
        path: at.path,
        kind,
        direction,
        location,
        severity,
        reason,
      };
      if (was !== undefined) change.before = was;
      if (now !== undefined) change.after = now;
      changes.push(change);
    };
    if (!before)
      emit(
        "operation-added",
        "operation",
        "operation",
        "non-breaking",
        "a new operation; nothing existing changes",
      );
    else if (!after) emit("operation-removed", "operation", "operation", "breaking", "calls to it will fail");
    else diffOperation(emit, { doc: oldDoc, op: before }, { doc: newDoc, op: after });
  }
  return changes;
}
