/** Request bodies as JSON, with a typed error naming the field that cannot be sent. */
import { InvalidOptionError } from "./request-errors.js";

/** Where in `body` JSON.stringify fails (a BigInt, a cycle, a throwing getter or `toJSON`), and why. */
function findProblem(value: unknown, path: string, ancestors: Set<object>): [string, string] | undefined {
  if (typeof value === "bigint") return [path, "is a BigInt, which JSON cannot carry"];
  if (typeof value !== "object" || value === null) return undefined;
  if (ancestors.has(value)) return [path, "refers back to an object that contains it (a cycle)"];
  ancestors.add(value);
  try {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") {
      return findProblem(toJSON.call(value), path, ancestors);
    }
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) {
      const item = (value as Record<string | number, unknown>)[key];
      const found = findProblem(
        item,
        typeof key === "number" ? `${path}[${key}]` : `${path}.${key}`,
        ancestors,
      );
      if (found) return found;
    }
    return undefined;
  } catch {
    return [path, "cannot be read (a getter, `toJSON` or a revoked Proxy threw)"];
  } finally {
    ancestors.delete(value);
  }
}

/** `JSON.stringify(body)`, or `InvalidOptionError` naming the field (`body.settings.acl[0]`). */
export function jsonBody(body: unknown): string {
  try {
    const text = JSON.stringify(body);
    if (text !== undefined) return text;
  } catch {
    // Found below, with the field's path.
  }
  const [option, why] = findProblem(body, "body", new Set()) ?? ["body", "cannot be sent as JSON"];
  throw new InvalidOptionError({ option, rule: "not-json", message: `Request ${option} ${why}` });
}
