/**
 * Redaction never mangles text: a secret is removed as a whole value. Long secrets go wherever they
 * appear; short ones only where they stand alone, so a one-letter token leaves ordinary words intact.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { DbUsersError, REDACTED, redactText } from "../src/index.js";
import { ANYWHERE_LENGTH, scrubSecrets } from "../src/redact.js";

/** Secrets every spelling of which is the value itself (percent-, form- and JSON-encoding leave it alone). */
const plainSecret = fc
  .string({ unit: fc.constantFrom(..."abcdefgXYZ0189_-.".split("")), minLength: 1, maxLength: 12 })
  .filter((secret) => !REDACTED.includes(secret));
const message = fc
  .string({ unit: fc.constantFrom(..."ab Z9_-.:/\"'=é\n".split("")), maxLength: 40 })
  .filter((text) => !text.includes(REDACTED));

const WORD = /[\p{L}\p{M}\p{N}_]/u;
/** Does `text` still hold `secret` where redaction must remove it? */
function holds(text: string, secret: string): boolean {
  for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
    if (secret.length >= ANYWHERE_LENGTH) return true;
    const before = text[at - 1] ?? "";
    const after = text[at + secret.length] ?? "";
    if (!WORD.test(before) && !WORD.test(after)) return true;
  }
  return false;
}

describe("scrubSecrets", () => {
  test.prop([
    fc.array(message, { minLength: 1, maxLength: 5 }),
    plainSecret,
    fc.constantFrom(" ", "\n", ": ", "'", "/"),
  ])("removes every standalone occurrence and changes nothing else", (pieces, secret, separator) => {
    const text = pieces.join(`${separator}${secret}${separator}`);
    const out = scrubSecrets(text, [secret]);
    expect(holds(out, secret)).toBe(false);
    // Putting the secret back where the placeholders are gives the message again: nothing else moved.
    expect(out.split(REDACTED).join(secret)).toBe(text);
  });

  test.prop([message, plainSecret])(
    "for any message and secret: none left, nothing else changed",
    (text, secret) => {
      const out = scrubSecrets(text, [secret]);
      expect(holds(out, secret)).toBe(false);
      expect(out.split(REDACTED).join(secret)).toBe(text);
    },
  );

  test.prop([fc.string(), fc.string({ minLength: 1 })])(
    "never throws, whatever the text and the secret",
    (text, secret) => {
      expect(typeof scrubSecrets(text, [secret])).toBe("string");
    },
  );
});

describe("short secrets", () => {
  test("the emulator's one-letter token leaves words alone", () => {
    expect(redactText("Validation failed: the token t is not valid", ["t"])).toBe(
      `Validation failed: the token ${REDACTED} is not valid`,
    );
    expect(new DbUsersError("X", "Validation failed (t)", { secrets: ["t"] }).message).toBe(
      `Validation failed (${REDACTED})`,
    );
  });

  test("a long secret is removed even inside a word", () => {
    expect(redactText("prefixSECRET-123suffix", ["SECRET-123"])).toBe(`prefix${REDACTED}suffix`);
  });

  test("encoded spellings count as the value", () => {
    expect(redactText('q=p%40ss and "p@ss"', ["p@ss"])).toBe(`q=${REDACTED} and "${REDACTED}"`);
  });
});
