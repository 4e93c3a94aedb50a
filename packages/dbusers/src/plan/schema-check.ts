/**
 * The file's shape, checked with ajv against `DESIRED_STATE_SCHEMA`, each error turned into one
 * issue at the place it concerns (an unknown key points at the key itself).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { DESIRED_STATE_SCHEMA } from "./file-schema.js";
import type { DocPath } from "./positions.js";

export interface ShapeIssue {
  readonly at: DocPath;
  readonly atKey: boolean;
  readonly rule: string;
  readonly message: string;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(DESIRED_STATE_SCHEMA);
  return compiled;
}

function pathOf(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(error: ErrorObject): Omit<ShapeIssue, "at" | "atKey"> & { key?: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return {
        rule: "dbusers.file.unknownKey",
        message: `unknown key ${JSON.stringify(p.additionalProperty)}`,
        key: String(p.additionalProperty),
      };
    case "required":
      return { rule: "dbusers.file.required", message: `${JSON.stringify(p.missingProperty)} is required` };
    case "enum":
      return {
        rule: "dbusers.file.enum",
        message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "const":
      return { rule: "dbusers.file.const", message: `must be ${JSON.stringify(p.allowedValue)}` };
    case "type":
      return {
        rule: "dbusers.file.type",
        message: `must be ${p.type === "object" ? "a mapping" : p.type === "array" ? "a list" : `a ${String(p.type)}`}`,
      };
    case "pattern":
      return { rule: "dbusers.file.pattern", message: `must match ${String(p.pattern)}` };
    case "minProperties":
    case "maxProperties":
      return error.instancePath.includes("/targets/")
        ? {
            rule: "dbusers.file.credential",
            message: "a credential is exactly one of { env: NAME } or { file: path }",
          }
        : {
            rule: `dbusers.file.${error.keyword}`,
            message: `must have at least ${String(p.limit)} entr${p.limit === 1 ? "y" : "ies"}`,
          };
    case "minItems":
      return {
        rule: "dbusers.file.minItems",
        message: `must have at least ${String(p.limit)} item${p.limit === 1 ? "" : "s"}`,
      };
    case "minLength":
      return { rule: "dbusers.file.minLength", message: "must not be empty" };
    case "uniqueItems":
      return { rule: "dbusers.file.uniqueItems", message: "lists the same item twice" };
    case "propertyNames":
      return {
        rule: "dbusers.file.targetName",
        message: "a target name is letters, digits, '.', '_' and '-'",
      };
    default:
      return { rule: `dbusers.file.${error.keyword}`, message: error.message ?? "is not valid" };
  }
}

/** Every shape problem in `data` (the parsed YAML); empty when the file has the right shape. */
export function checkShape(data: unknown): ShapeIssue[] {
  const validate = validator();
  if (validate(data)) return [];
  const issues: ShapeIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // `if` only says a `then` failed; the `then`'s own errors say what and where.
    if (error.keyword === "if") continue;
    // propertyNames reports each bad name at the map with the name in params.
    const { key, ...text } = describe(error);
    const at = pathOf(error.instancePath);
    const name = (error.params as { propertyName?: string }).propertyName;
    const place = key !== undefined ? [...at, key] : name !== undefined ? [...at, name] : at;
    const id = `${place.join("/")}|${text.rule}|${text.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    issues.push({ at: place, atKey: key !== undefined || name !== undefined, ...text });
  }
  return issues;
}
