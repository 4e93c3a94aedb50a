import { asObject, type JsonObject } from "../lib/json.js";
import { deref } from "../lib/openapi.js";
import { compareSchemas, diffContent, type Emit, type Side } from "./context.js";

const isSuccess = (code: string) => /^2/.test(code);

export function diffResponses(emit: Emit, o: Side, n: Side): void {
  const before = asObject(o.op.operation.responses);
  const after = asObject(n.op.operation.responses);
  for (const [code, raw] of Object.entries(after)) {
    const location = `response ${code}`;
    if (!(code in before)) {
      // A new error status is additive: clients turn every error status into a typed error, and
      // the calls that succeeded before still succeed. A new success status may carry another body.
      const success = isSuccess(code);
      emit(
        "status-added",
        "response",
        location,
        success ? "potentially-breaking" : "non-breaking",
        success
          ? "clients may receive a success status they do not handle"
          : "default" in before
            ? "clients already handle it through `default`"
            : "additive: one more documented error status, read like every other error",
      );
      continue;
    }
    const was = asObject(deref(o.doc, before[code]));
    const now = asObject(deref(n.doc, raw));
    const oldHeaders = asObject(was.headers);
    const newHeaders = asObject(now.headers);
    for (const name of Object.keys(newHeaders)) {
      if (name in oldHeaders) {
        const schemaOf = (doc: JsonObject, header: unknown) => asObject(deref(doc, header)).schema;
        compareSchemas(
          emit,
          o,
          n,
          "response",
          `${location} header ${name}`,
          schemaOf(o.doc, oldHeaders[name]),
          schemaOf(n.doc, newHeaders[name]),
        );
      } else {
        emit(
          "header-added",
          "response",
          `${location} header ${name}`,
          "non-breaking",
          "a new response header",
        );
      }
    }
    for (const name of Object.keys(oldHeaders)) {
      if (!(name in newHeaders))
        emit(
          "header-removed",
          "response",
          `${location} header ${name}`,
          "breaking",
          "clients that read this header get nothing",
        );
    }
    diffContent(emit, o, n, "response", location, was.content, now.content);
  }
  for (const code of Object.keys(before)) {
    if (code in after) continue;
    emit(
      "status-removed",
      "response",
      `response ${code}`,
      isSuccess(code) ? "breaking" : "non-breaking",
      isSuccess(code)
        ? "clients that expect this success status will not see it"
        : "one error status fewer to handle",
    );
  }
}
