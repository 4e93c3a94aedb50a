/**
 * MySQL 8 character sets and their collations, as data.
 *
 * Source: MySQL 8.0 Reference Manual §12.10 "Supported Character Sets and Collations" (the output of
 * `SHOW CHARACTER SET`, with each set's default collation) and `SHOW COLLATION` /
 * INFORMATION_SCHEMA.COLLATIONS of MySQL 8.0.30+ and 8.4 (https://dev.mysql.com/doc/refman/8.0/en/charset-charsets.html,
 * https://dev.mysql.com/doc/refman/8.4/en/show-collation.html). Since 8.0.30 the 3-byte UTF-8 set is
 * listed as `utf8mb3`; `utf8` and `utf8_*` stay accepted as deprecated aliases (§12.9.3), and they are
 * the names Rackspace's documentation and Trove's own list use, so both spellings are known here.
 */

export interface MysqlCharset {
  /** The collation MySQL uses when only the character set is given (`Default collation` column). */
  readonly defaultCollation: string;
  /** Every collation of the set (`SHOW COLLATION WHERE Charset = …`), the default first. */
  readonly collations: readonly string[];
}

/** Charsets with only `<cs>_<default>` and `<cs>_bin` (a large part of `SHOW CHARACTER SET`). */
const TWO_COLLATIONS: ReadonlyArray<readonly [charset: string, defaultSuffix: string]> = [
  ["armscii8", "general_ci"],
  ["ascii", "general_ci"],
  ["big5", "chinese_ci"],
  ["cp1256", "general_ci"],
  ["cp850", "general_ci"],
  ["cp852", "general_ci"],
  ["cp866", "general_ci"],
  ["cp932", "japanese_ci"],
  ["dec8", "swedish_ci"],
  ["eucjpms", "japanese_ci"],
  ["euckr", "korean_ci"],
  ["gb2312", "chinese_ci"],
  ["gbk", "chinese_ci"],
  ["geostd8", "general_ci"],
  ["greek", "general_ci"],
  ["hebrew", "general_ci"],
  ["hp8", "english_ci"],
  ["keybcs2", "general_ci"],
  ["koi8r", "general_ci"],
  ["koi8u", "general_ci"],
  ["latin5", "turkish_ci"],
  ["macce", "general_ci"],
  ["macroman", "general_ci"],
  ["sjis", "japanese_ci"],
  ["swe7", "swedish_ci"],
  ["tis620", "thai_ci"],
  ["ujis", "japanese_ci"],
  ["utf16le", "general_ci"],
];

/** The UCA 4.0.0 / 5.2.0 language collations every Unicode set has (`<cs>_<language>_ci`). */
const UCA_LANGUAGES = [
  "unicode",
  "icelandic",
  "latvian",
  "romanian",
  "slovenian",
  "polish",
  "estonian",
  "spanish",
  "swedish",
  "turkish",
  "czech",
  "danish",
  "lithuanian",
  "slovak",
  "spanish2",
  "roman",
  "persian",
  "esperanto",
  "hungarian",
  "sinhala",
  "german2",
  "croatian",
  "unicode_520",
  "vietnamese",
] as const;

/** Locales of the utf8mb4 UCA 9.0.0 collations with both `_0900_ai_ci` and `_0900_as_cs` (8.0.30 added nb … mn_cyrl). */
const UCA_0900_LOCALES = [
  "de_pb",
  "is",
  "lv",
  "ro",
  "sl",
  "pl",
  "et",
  "es",
  "sv",
  "tr",
  "cs",
  "da",
  "lt",
  "sk",
  "es_trad",
  "la",
  "eo",
  "hu",
  "hr",
  "vi",
  "ru",
  "nb",
  "nn",
  "sr_latn",
  "bs",
  "bg",
  "gl",
  "mn_cyrl",
] as const;

const uca = (cs: string) => UCA_LANGUAGES.map((lang) => `${cs}_${lang}_ci`);

function build(): Record<string, MysqlCharset> {
  const sets: Record<string, MysqlCharset> = {};
  for (const [cs, suffix] of TWO_COLLATIONS)
    sets[cs] = { defaultCollation: `${cs}_${suffix}`, collations: [`${cs}_${suffix}`, `${cs}_bin`] };
  const add = (cs: string, collations: string[]) => {
    sets[cs] = { defaultCollation: collations[0]!, collations };
  };
  add("binary", ["binary"]);
  add("cp1250", [
    "cp1250_general_ci",
    "cp1250_czech_cs",
    "cp1250_croatian_ci",
    "cp1250_bin",
    "cp1250_polish_ci",
  ]);
  add("cp1251", [
    "cp1251_general_ci",
    "cp1251_bulgarian_ci",
    "cp1251_ukrainian_ci",
    "cp1251_bin",
    "cp1251_general_cs",
  ]);
  add("cp1257", ["cp1257_general_ci", "cp1257_lithuanian_ci", "cp1257_bin"]);
  add("gb18030", ["gb18030_chinese_ci", "gb18030_bin", "gb18030_unicode_520_ci"]);
  add("latin1", [
    "latin1_swedish_ci",
    "latin1_german1_ci",
    "latin1_danish_ci",
    "latin1_german2_ci",
    "latin1_bin",
    "latin1_general_ci",
    "latin1_general_cs",
    "latin1_spanish_ci",
  ]);
  add("latin2", [
    "latin2_general_ci",
    "latin2_czech_cs",
    "latin2_hungarian_ci",
    "latin2_croatian_ci",
    "latin2_bin",
  ]);
  add("latin7", ["latin7_general_ci", "latin7_estonian_cs", "latin7_general_cs", "latin7_bin"]);
  add("ucs2", ["ucs2_general_ci", "ucs2_bin", ...uca("ucs2"), "ucs2_general_mysql500_ci"]);
  add("utf16", ["utf16_general_ci", "utf16_bin", ...uca("utf16")]);
  add("utf32", ["utf32_general_ci", "utf32_bin", ...uca("utf32")]);
  add("utf8mb3", [
    "utf8mb3_general_ci",
    "utf8mb3_tolower_ci",
    "utf8mb3_bin",
    ...uca("utf8mb3"),
    "utf8mb3_general_mysql500_ci",
  ]);
  add("utf8mb4", [
    "utf8mb4_0900_ai_ci",
    "utf8mb4_general_ci",
    "utf8mb4_bin",
    ...uca("utf8mb4"),
    "utf8mb4_0900_as_ci",
    "utf8mb4_0900_as_cs",
    "utf8mb4_0900_bin",
    ...UCA_0900_LOCALES.flatMap((l) => [`utf8mb4_${l}_0900_ai_ci`, `utf8mb4_${l}_0900_as_cs`]),
    "utf8mb4_ja_0900_as_cs",
    "utf8mb4_ja_0900_as_cs_ks",
    "utf8mb4_zh_0900_as_cs",
  ]);
  return sets;
}

/** MySQL 8's character sets (41, as `SHOW CHARACTER SET` lists them), each with its collations. */
export const MYSQL_CHARSETS: Readonly<Record<string, MysqlCharset>> = Object.freeze(build());

/** The deprecated alias MySQL still accepts for `utf8mb3` (and `utf8_x` for `utf8mb3_x`). */
const ALIAS = "utf8";
const ALIASED = "utf8mb3";

/** `utf8` → `utf8mb3`; any other name unchanged. */
export function canonicalCharset(name: string): string {
  return name === ALIAS ? ALIASED : name;
}

/** `utf8_bin` → `utf8mb3_bin`; any other name unchanged. */
export function canonicalCollation(name: string): string {
  return name.startsWith(`${ALIAS}_`) ? `${ALIASED}_${name.slice(ALIAS.length + 1)}` : name;
}

const COLLATION_CHARSET = new Map<string, string>();
for (const [cs, { collations }] of Object.entries(MYSQL_CHARSETS))
  for (const collation of collations) COLLATION_CHARSET.set(collation, cs);

/** The character set a known collation belongs to (canonical name), or undefined. */
export function charsetOfCollation(name: string): string | undefined {
  return COLLATION_CHARSET.get(canonicalCollation(name));
}

/** Every charset name MySQL 8 accepts: the 41 sets plus the `utf8` alias. */
export const KNOWN_CHARSETS: readonly string[] = [...Object.keys(MYSQL_CHARSETS), ALIAS];

/** Every collation name MySQL 8 accepts: the listed ones plus `utf8_*` aliases of the `utf8mb3_*` ones. */
export const KNOWN_COLLATIONS: readonly string[] = [
  ...COLLATION_CHARSET.keys(),
  ...MYSQL_CHARSETS[ALIASED]!.collations.map((c) => `${ALIAS}_${c.slice(ALIASED.length + 1)}`),
];

/**
 * Trove validates `character_set` and `collate` against its own list, not against the server:
 * trove/common/db/mysql/data.py@e5494e89dee754ca1f37ffbfa3b2f94d7a540b35 (and the same dict inline in
 * reddwarf/trove guestagent/db/models.py before 2016). That list spells the 3-byte set `utf8` only,
 * has no `utf8_tolower_ci`, and has none of the MySQL 8 UCA 9.0.0 (`*_0900_*`) collations. These are
 * the names MySQL 8 knows and Trove's list does not: a Trove guest refuses them
 * ("'%s' not a valid character set." / "'%s' not a valid collation.").
 */
export const NOT_IN_TROVE_CHARSETS: readonly string[] = [ALIASED];
export const NOT_IN_TROVE_COLLATIONS: readonly string[] = KNOWN_COLLATIONS.filter(
  (c) => c.startsWith(`${ALIASED}_`) || c === `${ALIAS}_tolower_ci` || c.includes("_0900_"),
);
