/** A value that must never be printed: tokens, API keys, passwords held by a client. */

/** The text every redaction puts in place of a secret. */
export const REDACTED = "[REDACTED]";

/** Internal (not exported from the package): the key of a custom `util.inspect`, shared with errors.ts. */
export const inspectCustom: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/**
 * Holds a secret string. It prints as `[REDACTED]` through `String()`, template literals,
 * `JSON.stringify` and `util.inspect`; only `.reveal()` gives the value back. The value lives in a
 * private field, which `util.inspect` cannot see even with `showHidden`.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== "string") throw new TypeError("Secret value must be a string");
    this.#value = value;
  }

  /** Wraps a string, or returns the same `Secret`. */
  static from(value: string | Secret): Secret {
    return value instanceof Secret ? value : new Secret(value);
  }

  /** The value itself: call this only where the value is sent, never where it is logged. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspectCustom](): string {
    return REDACTED;
  }
}

/** Shorthand for `new Secret(value)`. */
export function secret(value: string): Secret {
  return new Secret(value);
}

/** A secret to scrub from text: the string itself, or a `Secret` holding it. */
export type SecretValue = string | Secret;

/** The plain strings behind a list of secrets, empty ones dropped, longest first. */
export function secretStrings(secrets: readonly SecretValue[] | undefined): string[] {
  if (!secrets?.length) return [];
  const out = new Set<string>();
  for (const item of secrets) {
    const value = item instanceof Secret ? item.reveal() : item;
    if (typeof value === "string" && value !== "") out.add(value);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
