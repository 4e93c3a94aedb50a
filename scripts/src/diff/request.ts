import { asArray, asObject, isObject, type JsonObject } from "../lib/json.js";
import { deref } from "../lib/openapi.js";
import { compareSchemas, diffContent, type Emit, type Side } from "./context.js";

/** Path-level parameters, overridden by operation-level ones with the same `in` and `name`. */
function parametersOf({ doc, op }: Side): Map<string, JsonObject> {
  const params = new Map<string, JsonObject>();
  const item = asObject(asObject(doc.paths)[op.path]);
  for (const raw of [...asArray(item.parameters), ...asArray(op.operation.parameters)]) {
    const param = asObject(deref(doc, raw));
    params.set(`${String(param.in)} ${String(param.name)}`, param);
  }
  return params;
}

export function diffParameters(emit: Emit, o: Side, n: Side): void {
  const before = parametersOf(o);
  const after = parametersOf(n);
  for (const [key, param] of after) {
    const old = before.get(key);
    const location = `parameter ${key}`;
    if (!old) {
      emit(
        "parameter-added",
        "request",
        location,
        param.required === true ? "breaking" : "non-breaking",
        param.required === true
          ? "a new required parameter: existing calls lack it"
          : "a new optional parameter",
      );
      continue;
    }
    if ((old.required === true) !== (param.required === true)) {
      emit(
        "parameter-required-changed",
        "request",
        location,
        param.required === true ? "breaking" : "non-breaking",
        param.required === true ? "calls must now send it" : "calls may now leave it out",
        old.required,
        param.required,
      );
    }
    compareSchemas(emit, o, n, "request", location, old.schema, param.schema);
  }
  for (const key of before.keys()) {
    if (!after.has(key))
      emit(
        "parameter-removed",
        "request",
        `parameter ${key}`,
        "breaking",
        "calls that send it may be rejected or the value ignored",
      );
  }
}

export function diffRequestBody(emit: Emit, o: Side, n: Side): void {
  const before = deref(o.doc, o.op.operation.requestBody);
  const after = deref(n.doc, n.op.operation.requestBody);
  if (!isObject(before) && !isObject(after)) return;
  if (!isObject(before) || !isObject(after)) {
    const added = isObject(after);
    const required = added && after.required === true;
    emit(
      added ? "request-body-added" : "request-body-removed",
      "request",
      "request body",
      added && !required ? "non-breaking" : "breaking",
      added
        ? required
          ? "calls must now send a body"
          : "calls may send a body"
        : "bodies that calls send will be rejected or ignored",
    );
    return;
  }
  if ((before.required === true) !== (after.required === true)) {
    emit(
      "request-body-required-changed",
      "request",
      "request body",
      after.required === true ? "breaking" : "non-breaking",
      after.required === true ? "calls must now send a body" : "calls may now leave the body out",
      before.required,
      after.required,
    );
  }
  diffContent(emit, o, n, "request", "request body", before.content, after.content);
}
