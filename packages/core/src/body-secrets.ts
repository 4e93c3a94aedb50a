/** Secrets a request carries in its body: the passwords sent to Atlas and Rackspace, for redaction. */
import { isSecretKey } from "./redact.js";

/** String values under secret-looking keys of a JSON body, at any depth up to 32. */
export function bodySecrets(body: Uint8Array | undefined, headers: Headers): string[] {
  if (body === undefined || !/json/i.test(headers.get("content-type") ?? "")) return [];
  const found: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 32 || typeof value !== "object" || value === null) return;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === "string" && isSecretKey(key)) found.push(item);
      else walk(item, depth + 1);
    }
  };
  try {
    walk(JSON.parse(new TextDecoder().decode(body)), 0);
  } catch {
    // Not JSON after all: nothing to find.
  }
  return found;
}
