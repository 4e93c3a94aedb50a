/**
 * Checks an HTTP answer against a vendor's OpenAPI description: the status must be documented for
 * the operation (or fall under `default`), every header the response declares must be present and
 * match its schema, and the body must be JSON matching the response schema (or absent when the
 * response declares none). Paths no operation serves must still answer with the spec's error schema.
 * Reusable for every vendor: give it that vendor's SpecValidator.
 */
import { childPointer, type SpecValidator } from "../../src/spec-validator.js";

export interface ObservedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Header values are text; integer and number schemas are checked on the parsed value. */
function headerValue(schema: unknown, raw: string): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

export class ResponseChecker {
  readonly #spec: SpecValidator;
  /** Where the error schema lives, for answers on paths the spec does not have. */
  readonly #errorSchema: string;

  constructor(spec: SpecValidator, errorSchemaPointer: string) {
    this.#spec = spec;
    this.#errorSchema = errorSchemaPointer;
  }

  /** Every way the answer breaks the spec; empty when it conforms. */
  problems(method: string, url: string, response: ObservedResponse): string[] {
    const match = this.#spec.match(method, url.split("?")[0]!);
    if (match.kind !== "operation") return this.#undocumented(response);
    const { operation } = match;
    const where = `${operation.operationId} ${response.status}`;
    const responses = childPointer(operation.pointer, "responses");
    const explicit =
      this.#spec.resolve(childPointer(responses, String(response.status))) ??
      this.#spec.resolve(childPointer(responses, `${String(response.status)[0]}XX`));
    // `default` stands for errors; a success must be documented by its own status.
    const declared =
      explicit ??
      (response.status >= 400 ? this.#spec.resolve(childPointer(responses, "default")) : undefined);
    if (!declared) return [`${where}: the spec documents no such status for this operation`];
    return [...this.#headers(where, declared, response), ...this.#body(where, declared, response)];
  }

  #undocumented(response: ObservedResponse): string[] {
    if (response.status < 400) return [`${response.status} on a path the spec does not have`];
    return this.#json(`unrouted ${response.status}`, this.#errorSchema, response);
  }

  #headers(
    where: string,
    declared: { pointer: string; node: Record<string, unknown> },
    response: ObservedResponse,
  ) {
    const problems: string[] = [];
    const headers = declared.node.headers;
    if (!isObject(headers)) return problems;
    for (const name of Object.keys(headers)) {
      const header = this.#spec.resolve(childPointer(declared.pointer, "headers", name));
      if (!header) continue;
      const raw = response.headers.get(name);
      // The spec marks no header required, but the emulator promises them on every answer.
      if (raw === null) {
        problems.push(`${where}: header ${name} is missing`);
        continue;
      }
      const schemaPointer = childPointer(header.pointer, "schema");
      const validate = this.#spec.validator(schemaPointer);
      if (!validate(headerValue(header.node.schema, raw))) {
        problems.push(
          `${where}: header ${name}=${raw} breaks its schema: ${JSON.stringify(validate.errors)}`,
        );
      }
    }
    return problems;
  }

  #body(
    where: string,
    declared: { pointer: string; node: Record<string, unknown> },
    response: ObservedResponse,
  ) {
    const content = declared.node.content;
    if (!isObject(content)) {
      return response.text === "" ? [] : [`${where}: the spec declares no body, but one was sent`];
    }
    // The media type the answer names, when the spec declares it (Atlas: application/vnd.atlas.<date>+json).
    const sent = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = sent in content ? sent : "application/json";
    if (!isObject(content[media]) || !("schema" in content[media])) {
      return response.text === "" ? [] : [`${where}: the spec declares no ${media} body, but one was sent`];
    }
    const schema = childPointer(declared.pointer, "content", media, "schema");
    return this.#json(where, schema, response);
  }

  #json(where: string, schemaPointer: string, response: ObservedResponse): string[] {
    const type = response.headers.get("content-type") ?? "";
    if (!/^application\/([\w.-]+\+)?json\b/.test(type))
      return [`${where}: content-type is ${JSON.stringify(type)}, not JSON`];
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [`${where}: the body is not valid JSON: ${response.text.slice(0, 80)}`];
    }
    const validate = this.#spec.validator(schemaPointer);
    if (validate(body)) return [];
    return [`${where}: the body breaks the schema: ${JSON.stringify(validate.errors)}`];
  }
}
