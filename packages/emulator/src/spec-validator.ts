/**
 * Routes and validates requests with a vendor's OpenAPI 3.1 description: path templates become
 * routes, path parameters and JSON bodies are checked by Ajv (draft 2020-12, with formats) against
 * the spec's own schemas, `$ref`s included. Nothing here knows a vendor.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";

/** An OpenAPI document as plain JSON. */
export type OpenApiDocument = { readonly [key: string]: unknown };

/** One broken constraint of the spec. Same fields as a rules `Violation`. */
export interface SpecIssue {
  /** `name`, `settings.acl[0].permission`, `body`, or a parameter name. */
  readonly path: string;
  /** `openapi.<keyword>`, e.g. `openapi.required`, `openapi.enum`, `openapi.format`. */
  readonly rule: string;
  readonly message: string;
}

export interface SpecOperation {
  readonly operationId: string;
  /** Upper case. */
  readonly method: string;
  /** The spec's path template, e.g. `/v2/databases/{database_cluster_uuid}/users`. */
  readonly template: string;
  /** URI-encoded JSON pointer to the operation object, e.g. `#/paths/~1v2~1…/get`. */
  readonly pointer: string;
  readonly segments: readonly { readonly literal?: string; readonly param?: string }[];
}

export type RouteMatch =
  | { readonly kind: "operation"; readonly operation: SpecOperation; readonly params: Record<string, string> }
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly string[] }
  /** A path parameter is not valid percent-encoding (`%E0%A4`), so it cannot be decoded. */
  | { readonly kind: "bad-encoding"; readonly param: string }
  | { readonly kind: "none" };

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

type Json = { readonly [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const escapeToken = (token: string) => encodeURIComponent(token.replaceAll("~", "~0").replaceAll("/", "~1"));
const unescapeToken = (token: string) =>
  decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");

/** `#/a/b` + `["c/d"]` → `#/a/b/c~1d` */
export function childPointer(pointer: string, ...tokens: readonly string[]): string {
  return [pointer, ...tokens.map(escapeToken)].join("/");
}

/** `/settings/acl/0/permission` → `settings.acl[0].permission` */
function dotted(instancePath: string, extra?: string): string {
  const tokens = instancePath.split("/").slice(1).map(unescapeToken);
  if (extra !== undefined) tokens.push(extra);
  let out = "";
  for (const token of tokens) out += /^\d+$/.test(token) ? `[${token}]` : out === "" ? token : `.${token}`;
  return out;
}

/** An Ajv error as a field path, a rule id and a message naming the field. */
export function issueOf(error: ErrorObject, root: string): SpecIssue {
  const params = error.params as Record<string, unknown>;
  const rule = `openapi.${error.keyword}`;
  if (error.keyword === "required") {
    const path = dotted(error.instancePath, String(params.missingProperty)) || root;
    return { path, rule, message: `${path} is required` };
  }
  const path = dotted(error.instancePath) || root;
  if (error.keyword === "enum") {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return { path, rule, message: `${path} must be one of ${allowed}` };
  }
  if (error.keyword === "type")
    return { path, rule, message: `${path} must be of type ${String(params.type)}` };
  if (error.keyword === "format")
    return { path, rule, message: `${path} must be a valid ${String(params.format)}` };
  return { path, rule, message: `${path} ${error.message ?? "is not valid"}` };
}

export class SpecValidator {
  readonly operations: readonly SpecOperation[];
  readonly #doc: OpenApiDocument;
  readonly #id: string;
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();

  /** `id` names the document inside Ajv (e.g. `urn:dbusers:digitalocean`). */
  constructor(doc: OpenApiDocument, id: string) {
    this.#doc = doc;
    this.#id = id;
    // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (`example`).
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    formats.default(this.#ajv);
    this.#ajv.addSchema(doc as object, id);
    this.operations = this.#collectOperations();
  }

  /** The operation with this operationId; throws when the spec has none (a bug in a router). */
  operation(operationId: string): SpecOperation {
    const found = this.operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`the spec has no operation ${operationId}`);
    return found;
  }

  /**
   * Finds the operation for a method and a raw (still percent-encoded) path. Each parameter segment
   * is decoded exactly once, so `%2F` in a user name stays inside that name.
   */
  match(method: string, rawPath: string): RouteMatch {
    const parts = rawPath.split("/");
    const allowed: string[] = [];
    for (const op of this.operations) {
      const params = this.#bind(op, parts);
      if (params === undefined) continue;
      if (op.method !== method.toUpperCase()) {
        allowed.push(op.method);
        continue;
      }
      for (const [param, raw] of Object.entries(params)) {
        try {
          params[param] = decodeURIComponent(raw);
        } catch {
          return { kind: "bad-encoding", param };
        }
      }
      return { kind: "operation", operation: op, params };
    }
    return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "none" };
  }

  /** Checks decoded path parameters against their schemas. */
  validatePathParams(op: SpecOperation, params: Readonly<Record<string, string>>): SpecIssue[] {
    const issues: SpecIssue[] = [];
    for (const { pointer, node } of this.#parameters(op)) {
      if (node.in !== "path" || typeof node.name !== "string") continue;
      const validate = this.validator(childPointer(pointer, "schema"));
      if (!validate(params[node.name])) {
        issues.push(...(validate.errors ?? []).map((e) => issueOf(e, node.name as string)));
      }
    }
    return issues;
  }

  /** Whether the operation takes a JSON body, and whether it must be sent. */
  requestBody(op: SpecOperation): { readonly accepted: boolean; readonly required: boolean } {
    const body = this.#requestBody(op);
    return { accepted: body !== undefined, required: body?.node.required === true };
  }

  /** Checks a parsed JSON body against the operation's `application/json` schema. */
  validateBody(op: SpecOperation, body: unknown): SpecIssue[] {
    const found = this.#requestBody(op);
    if (found === undefined) return [];
    const validate = this.validator(childPointer(found.pointer, "content", "application/json", "schema"));
    if (validate(body)) return [];
    // allOf branches can report the same problem twice.
    const unique = new Map<string, SpecIssue>();
    for (const issue of (validate.errors ?? []).map((e) => issueOf(e, "body")))
      unique.set(issue.message, issue);
    return [...unique.values()];
  }

  /** Follows OpenAPI `$ref`s from a pointer; returns the object reached and its own pointer. */
  resolve(pointer: string): { readonly pointer: string; readonly node: Json } | undefined {
    let current = pointer;
    for (let hops = 0; hops < 16; hops += 1) {
      const node = this.#at(current);
      if (!isObject(node)) return undefined;
      if (typeof node.$ref !== "string") return { pointer: current, node };
      current = node.$ref;
    }
    return undefined;
  }

  /** A compiled Ajv validator for the schema at a pointer into the document (cached). */
  validator(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${this.#id}${pointer}` });
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }

  #at(pointer: string): unknown {
    if (!pointer.startsWith("#")) return undefined;
    let node: unknown = this.#doc;
    for (const token of pointer.slice(1).split("/").slice(1).map(unescapeToken)) {
      node = isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
    }
    return node;
  }

  #bind(op: SpecOperation, parts: readonly string[]): Record<string, string> | undefined {
    if (parts.length !== op.segments.length) return undefined;
    const params: Record<string, string> = {};
    for (const [i, segment] of op.segments.entries()) {
      const part = parts[i]!;
      if (segment.param !== undefined) {
        if (part === "") return undefined;
        params[segment.param] = part;
      } else if (segment.literal !== part) return undefined;
    }
    return params;
  }

  #parameters(op: SpecOperation): { pointer: string; node: Json }[] {
    const itemPointer = op.pointer.slice(0, op.pointer.lastIndexOf("/"));
    const out: { pointer: string; node: Json }[] = [];
    for (const owner of [itemPointer, op.pointer]) {
      const list = this.#at(childPointer(owner, "parameters"));
      if (!Array.isArray(list)) continue;
      for (const index of list.keys()) {
        const found = this.resolve(childPointer(owner, "parameters", String(index)));
        if (found) out.push(found);
      }
    }
    return out;
  }

  #requestBody(op: SpecOperation): { pointer: string; node: Json } | undefined {
    const found = this.resolve(childPointer(op.pointer, "requestBody"));
    return found &&
      this.#at(childPointer(found.pointer, "content", "application/json", "schema")) !== undefined
      ? found
      : undefined;
  }

  #collectOperations(): SpecOperation[] {
    const paths = this.#doc.paths;
    if (!isObject(paths)) return [];
    const ops: SpecOperation[] = [];
    for (const [template, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      const segments = template.split("/").map((s) => {
        const param = /^\{([^}]+)\}$/.exec(s)?.[1];
        return param === undefined ? { literal: s } : { param };
      });
      for (const method of METHODS) {
        const node = item[method];
        if (!isObject(node) || typeof node.operationId !== "string") continue;
        const pointer = childPointer("#", "paths", template, method);
        ops.push({
          operationId: node.operationId,
          method: method.toUpperCase(),
          template,
          pointer,
          segments,
        });
      }
    }
    // More literal segments first, so `/users/me` would win over `/users/{name}`.
    const literals = (op: SpecOperation) => op.segments.filter((s) => s.literal !== undefined).length;
    return ops.sort((a, b) => literals(b) - literals(a));
  }
}
