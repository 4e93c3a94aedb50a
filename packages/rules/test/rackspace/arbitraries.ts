/** Named fast-check arbitraries for the Rackspace rules, built once and shared by the property tests. */
import fc from "fast-check";
import { KNOWN_CHARSETS, MYSQL_CHARSETS } from "../../src/providers/rackspace/index.js";

export const S = { profile: "server" } as const;
export const PROFILES = [{ profile: "strict" }, S] as const;

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const LETTERS = [...range(0x41, 0x5a), ...range(0x61, 0x7a)];
const DIGITS = range(0x30, 0x39);
export const FORBIDDEN = ["'", '"', ";", "`", ",", "/", "\\"];
export const UNDOCUMENTED = [..."!$%&()*+-:<=>[]^{|}~"];
const PRINTABLE = range(0x20, 0x7e);

export const alnumChar = fc.constantFrom(...LETTERS, ...DIGITS);
export const forbiddenChar = fc.constantFrom(...FORBIDDEN);
export const undocumentedChar = fc.constantFrom(...UNDOCUMENTED);
/** Characters outside printable ASCII: controls, DEL, accents, CJK, emoji, lone surrogates. */
export const nonPrintableChar = fc.oneof(
  fc.constantFrom(...range(0x00, 0x1f), "\u007f"),
  fc.constantFrom("é", "ß", "\u00a0", "中", "😀", "\u200b", "\ufeff", "\ud800", "\udc00"),
);
export const reservedUserName = fc.constantFrom("root", "os_admin");

/** Mixes the letter case of a word, never leaving it unchanged. */
export function otherCase(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flips) => [...word].map((c, i) => (flips[i] ? c.toUpperCase() : c)).join(""))
    .filter((w) => w !== word);
}

/** A string of `min`..`max` characters drawn from `chars`. */
function stringOf(chars: readonly string[], min: number, max: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(""));
}

/** User names and passwords: an alnum first, inner characters, an edge-safe last. */
function credential(profile: "strict" | "server", maxLength: number): fc.Arbitrary<string> {
  const inner =
    profile === "strict"
      ? [...LETTERS, ...DIGITS, "_", ".", "@", "?", "#", " "]
      : PRINTABLE.filter((c) => !FORBIDDEN.includes(c));
  const last = profile === "strict" ? [...LETTERS, ...DIGITS, "_", "."] : inner.filter((c) => c !== " ");
  return fc.oneof(
    alnumChar,
    fc
      .tuple(alnumChar, stringOf(inner, 0, Math.min(maxLength - 2, 40)), fc.constantFrom(...last))
      .map(([a, b, c]) => a + b + c),
  );
}

const notReservedUser = (profile: "strict" | "server") => (v: string) =>
  !["root", "os_admin"].includes(profile === "strict" ? v.toLowerCase() : v);

export const validUserName = {
  strict: credential("strict", 16).filter(notReservedUser("strict")),
  server: credential("server", 16).filter(notReservedUser("server")),
};
export const validPassword = { strict: credential("strict", 255), server: credential("server", 255) };

/** A canonical octet 0–255. */
const octet = fc.integer({ min: 0, max: 255 }).map(String);

export const validHost = {
  strict: fc.oneof(
    fc.constant("%"),
    fc.tuple(octet, octet, octet, octet).map((o) => o.join(".")),
    fc.tuple(octet, octet, octet).map((o) => `${o.join(".")}.%`),
    fc.tuple(octet, octet, octet).map((o) => `%.${o.join(".")}`),
  ),
  /** 1–4 groups, leading zeros, a `%` for a leading or trailing 1, a final newline (Python's `$`). */
  server: fc
    .tuple(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 3 })), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([groups, head, tail, newline]) => {
      let h = groups.map(([n, zeros]) => "0".repeat(zeros) + n).join(".");
      if (head && h.startsWith("1")) h = `%${h.slice(1)}`;
      if (tail && h.endsWith("1")) h = `${h.slice(0, -1)}%`;
      return newline ? `${h}\n` : h;
    }),
};

const DB_SPECIAL = [" ", "?", "#", "@"];
function databaseName(profile: "strict" | "server"): fc.Arbitrary<string> {
  const word = profile === "strict" ? [...LETTERS, ...DIGITS, "_"] : [...LETTERS, ...DIGITS, "_", "-"];
  return fc
    .tuple(
      alnumChar,
      stringOf(word, 0, 30),
      stringOf(DB_SPECIAL, 0, 3),
      stringOf(word, 0, 26),
      fc.constantFrom(...word),
    )
    .map(([a, b, run, c, d]) => a + b + run + c + d)
    .filter((v) => {
      const all = ["mysql", "information_schema", "performance_schema", "sys", "lost+found"];
      return profile === "strict" ? !all.includes(v.toLowerCase()) : !all.slice(0, 2).includes(v);
    });
}
export const validDatabaseName = { strict: databaseName("strict"), server: databaseName("server") };

export const validCharset = {
  strict: fc.constantFrom(...KNOWN_CHARSETS.filter((c) => c !== "utf8mb3")),
  server: fc.constantFrom(...KNOWN_CHARSETS),
};
/** A consistent (charset, collation) pair in the spelling Trove's list uses. */
export const charsetWithCollation = fc
  .constantFrom(...Object.keys(MYSQL_CHARSETS))
  .chain((cs) =>
    fc
      .constantFrom(
        ...MYSQL_CHARSETS[cs]!.collations.filter((c) => !c.includes("_0900_") && c !== "utf8mb3_tolower_ci"),
      )
      .map((co): readonly [string, string] =>
        cs === "utf8mb3" ? ["utf8", co.replace("utf8mb3_", "utf8_")] : [cs, co],
      ),
  );

/** Strings near the rules' edges: every interesting character, any length up to 80. */
export const nearName = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: alnumChar },
      { weight: 2, arbitrary: fc.constantFrom(" ", "_", ".", "@", "?", "#", "%", "-", "\n") },
      { weight: 1, arbitrary: forbiddenChar },
      { weight: 1, arbitrary: undocumentedChar },
      { weight: 1, arbitrary: nonPrintableChar },
    ),
    { maxLength: 80 },
  )
  .map((a) => a.join(""));

/** Host-like strings: digits, dots, %, and a few others. */
export const nearHost = fc
  .array(fc.constantFrom("0", "1", "2", "5", "9", ".", "%", "x", "_", "(", ":", "/", "\n", " "), {
    maxLength: 20,
  })
  .map((a) => a.join(""));
