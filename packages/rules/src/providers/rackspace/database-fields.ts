/** Database name, character set and collation: the fields of a MySQL database on Rackspace Cloud Databases. */

import {
  forbidsChars,
  maxChars,
  minChars,
  noEdgeChars,
  notReserved,
  rejects,
  requiresChar,
} from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import type { FieldSpec } from "../../types.js";
import {
  KNOWN_CHARSETS,
  KNOWN_COLLATIONS,
  NOT_IN_TROVE_CHARSETS,
  NOT_IN_TROVE_COLLATIONS,
} from "./charsets.js";
import {
  DB_SPECIALS,
  DB_WORD_CLASS,
  RESERVED_DATABASES,
  RESERVED_DATABASES_ANY_VERSION,
} from "./constants.js";
import type { RackspaceContext as C } from "./context.js";
import { noneOfNames, oneOfNames, onlyChars, reservedInAnyCase } from "./factories.js";
import * as src from "./sources.js";
import { suggestDatabaseName } from "./suggest.js";

const DBNAME = `${src.MODEL}: dbname = ^[A-Za-z0-9_-]+[\\s\\?\\#\\@]*[A-Za-z0-9_-]+$`;

export const databaseName: FieldSpec<C> = {
  name: "databaseName",
  label: "database name",
  rules: [
    minChars<C>({
      id: "rackspace.databaseName.minLength",
      source: `${DBNAME} (two word characters at least); ${src.BASE_MODEL}: "Schema name empty."`,
      min: 2,
    }),
    maxChars<C>({
      id: "rackspace.databaseName.maxLength",
      source: `${src.MODEL}: _max_schema_name_length = 64; ${src.DOC_CREATE_USER}`,
      max: 64,
    }),
    onlyChars({
      id: "rackspace.databaseName.chars",
      source: `${DBNAME}; ${src.PY2_REPR}`,
      cls: `${DB_WORD_CLASS}${DB_SPECIALS}`,
      description:
        "Only ASCII letters, digits, _ and -, plus space ? # @ between them (no dot, plus or dollar).",
      message: (p, f) =>
        `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; ${f.vendor} allows only letters, digits, _ - and, inside the name, space ? # @`,
    }),
    {
      ...noEdgeChars<C>({
        id: "rackspace.databaseName.edges",
        source: DBNAME,
        chars: DB_SPECIALS,
        description: "Does not start or end with a space, ?, # or @.",
      }),
      message: (_p, f) =>
        `${f.label} starts or ends with a space, ?, # or @; ${f.vendor} allows them only inside`,
    },
    rejects<C>({
      id: "rackspace.databaseName.singleRun",
      source: DBNAME,
      pattern: `[${DB_SPECIALS}][${DB_WORD_CLASS}]+[${DB_SPECIALS}]`,
      description: 'Spaces, ? # and @ form one run in the middle: "my db" is fine, "a b c" is not.',
      message: (_p, f) =>
        `${f.label} has spaces, ?, # or @ in more than one place; ${f.vendor} allows them only as one run in the middle ("my db", not "a b c")`,
    }),
    requiresChar<C>({
      id: "rackspace.databaseName.alphanumeric",
      source: `${src.SCHEMA}: non_empty_string pattern "^.*[0-9a-zA-Z]+.*$"`,
      charClass: "0-9A-Za-z",
      what: "ASCII letter or digit",
    }),
    notReserved<C>({
      id: "rackspace.databaseName.reserved",
      source: `${src.RESERVED_CONFIG}; ${src.BASE_MODEL}: name in ignored_dbs (exact case)`,
      names: RESERVED_DATABASES,
    }),
    {
      ...forbidsChars<C>({
        id: "rackspace.databaseName.undocumentedChars",
        source: src.DOC_CREATE_USER,
        profile: "strict",
        chars: "-",
        description: "No hyphen: the server accepts it, the Rackspace documentation does not list it.",
      }),
      message: (p, f) =>
        `${f.label} contains "-" at position ${(p.index as number) + 1}; the ${f.vendor} documentation lists only letters, digits, _ and (inside) space ? # @`,
    },
    reservedInAnyCase({
      id: "rackspace.databaseName.reservedAnyCase",
      source: `${src.REDDWARF_MODEL}; ${src.RESERVED_CONFIG}; ${src.DOC_CREATE_DATABASE}`,
      profile: "strict",
      names: RESERVED_DATABASES_ANY_VERSION,
      exempt: RESERVED_DATABASES,
      description:
        "Not mysql, information_schema, performance_schema, sys or lost+found in any letter case: some server version reserves each.",
    }),
  ],
  suggest: suggestDatabaseName,
  notes: ["Address a database in a URL with encodeDatabasePathSegment (decoded once by the server)."],
};

export const characterSet: FieldSpec<C> = {
  name: "characterSet",
  label: "character set",
  rules: [
    oneOfNames({
      id: "rackspace.characterSet.known",
      source: `${src.MYSQL_CHARSETS_DOC}; ${src.MODEL}: "'%s' not a valid character set."`,
      names: KNOWN_CHARSETS,
      description:
        "A MySQL character set name in lower case (utf8mb4, latin1, …; utf8 is accepted as utf8mb3).",
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is not a MySQL character set ${f.vendor} accepts (e.g. utf8mb4, utf8, latin1, ascii, binary)`,
    }),
    noneOfNames({
      id: "rackspace.characterSet.troveListed",
      source: src.TROVE_CHARSETS,
      profile: "strict",
      names: NOT_IN_TROVE_CHARSETS,
      description: "Spelled as Trove's own list spells it: utf8, not utf8mb3.",
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is missing from the list ${f.vendor}'s server checks against; use "utf8" for the 3-byte set`,
    }),
  ],
  notes: ["Default when absent: utf8 (Rackspace documentation; Trove HEAD says utf8mb3, the same set)."],
};

export const collation: FieldSpec<C> = {
  name: "collation",
  label: "collation",
  rules: [
    oneOfNames({
      id: "rackspace.collation.known",
      source: `${src.MYSQL_CHARSETS_DOC}; ${src.MODEL}: "'%s' not a valid collation."`,
      names: KNOWN_COLLATIONS,
      description: "A MySQL collation name in lower case (utf8mb4_unicode_ci, latin1_swedish_ci, …).",
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is not a MySQL collation ${f.vendor} accepts (e.g. utf8mb4_unicode_ci, utf8_general_ci)`,
    }),
    noneOfNames({
      id: "rackspace.collation.troveListed",
      source: src.TROVE_CHARSETS,
      profile: "strict",
      names: NOT_IN_TROVE_COLLATIONS,
      description:
        "In Trove's own list: no utf8mb3_* spelling (use utf8_*), no utf8_tolower_ci, no MySQL 8 *_0900_* collations.",
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is missing from the list ${f.vendor}'s server checks against (no utf8mb3_* spelling, no *_0900_* collations); e.g. use utf8mb4_unicode_ci`,
    }),
  ],
  notes: ["Default when absent: the character set's first collation in Trove's list, or utf8_general_ci."],
};
