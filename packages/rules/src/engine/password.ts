/** Crypto-random passwords drawn only from characters the vendor accepts, re-checked by the rules. */
import type { BaseContext, PasswordPolicy, Violation } from "../types.js";
import { RulesError } from "./errors.js";

export interface GeneratePasswordOptions {
  /** Length in characters; default the vendor's `defaultLength` (within its min and max). */
  readonly length?: number;
  /** Source of randomness, for tests; default `crypto.getRandomValues`. */
  readonly randomBytes?: (size: number) => Uint8Array;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

function defaultRandomBytes(size: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(size));
}

/** Uniform index below `n` by rejection sampling, so no character is favoured. */
function pick(n: number, next: () => number): number {
  const limit = 256 - (256 % n);
  for (;;) {
    const byte = next();
    if (byte < limit) return byte % n;
  }
}

function byteStream(randomBytes: (size: number) => Uint8Array): () => number {
  let buffer: Uint8Array = new Uint8Array(0);
  let at = 0;
  return () => {
    if (at >= buffer.length) {
      buffer = randomBytes(64);
      at = 0;
    }
    return buffer[at++]!;
  };
}

export function generateWithPolicy<C extends BaseContext>(
  provider: string,
  policy: PasswordPolicy<C>,
  validate: (value: string) => Violation[],
  options: GeneratePasswordOptions = {},
): string {
  const length = options.length ?? policy.defaultLength;
  if (!Number.isInteger(length) || length < policy.minLength || length > policy.maxLength) {
    throw new RulesError(
      "INVALID_OPTION",
      `password length must be a whole number from ${policy.minLength} to ${policy.maxLength} for ${provider}`,
    );
  }
  const next = byteStream(options.randomBytes ?? defaultRandomBytes);
  const alphabet = [...policy.alphabet];
  // Each character class the alphabet offers appears at least once, when the length allows it.
  const pools = CLASSES.map((re) => alphabet.filter((c) => re.test(c))).filter((p) => p.length > 0);
  for (let attempt = 0; attempt < 100; attempt++) {
    const chars = Array.from({ length }, () => alphabet[pick(alphabet.length, next)]!);
    if (length >= pools.length) {
      const slots = [...chars.keys()];
      for (const pool of pools) {
        const slot = slots.splice(pick(slots.length, next), 1)[0]!;
        chars[slot] = pool[pick(pool.length, next)]!;
      }
    }
    const candidate = chars.join("");
    if (validate(candidate).length === 0) return candidate;
  }
  throw new RulesError("GENERATION_FAILED", `could not generate a valid ${provider} password`);
}
