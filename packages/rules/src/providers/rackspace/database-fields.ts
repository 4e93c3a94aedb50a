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

export const databaseName: FieldSpec<C> = {
  name: "databaseName",
  label: "database name",
  rules: [
    minChars<C>({
      id: "rackspace.databaseName.minLength",
      min: 2,
    }),
    maxChars<C>({
      id: "rackspace.databaseName.maxLength",
      max: 64,
    }),
    onlyChars({
      id: "rackspace.databaseName.chars",
      cls: `${DB_WORD_CLASS}${DB_SPECIALS}`,
      message: (p, f) =>
        `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; ${f.vendor} allows only letters, digits, _ - and, inside the name, space ? # @`,
    }),
    {
      ...noEdgeChars<C>({
        id: "rackspace.databaseName.edges",
        chars: DB_SPECIALS,
      }),
      message: (_p, f) =>
        `${f.label} starts or ends with a space, ?, # or @; ${f.vendor} allows them only inside`,
    },
    rejects<C>({
      id: "rackspace.databaseName.singleRun",
      pattern: `[${DB_SPECIALS}][${DB_WORD_CLASS}]+[${DB_SPECIALS}]`,
      message: (_p, f) =>
        `${f.label} has spaces, ?, # or @ in more than one place; ${f.vendor} allows them only as one run in the middle ("my db", not "a b c")`,
    }),
    requiresChar<C>({
      id: "rackspace.databaseName.alphanumeric",
      charClass: "0-9A-Za-z",
      what: "ASCII letter or digit",
    }),
    notReserved<C>({
      id: "rackspace.databaseName.reserved",
      names: RESERVED_DATABASES,
    }),
    {
      ...forbidsChars<C>({
        id: "rackspace.databaseName.undocumentedChars",
        profile: "strict",
        chars: "-",
      }),
      message: (p, f) =>
        `${f.label} contains "-" at position ${(p.index as number) + 1}; the ${f.vendor} documentation lists only letters, digits, _ and (inside) space ? # @`,
    },
    reservedInAnyCase({
      id: "rackspace.databaseName.reservedAnyCase",
      profile: "strict",
      names: RESERVED_DATABASES_ANY_VERSION,
      exempt: RESERVED_DATABASES,
    }),
  ],
};

export const characterSet: FieldSpec<C> = {
  name: "characterSet",
  label: "character set",
  rules: [
    oneOfNames({
      id: "rackspace.characterSet.known",
      names: KNOWN_CHARSETS,
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is not a MySQL character set ${f.vendor} accepts (e.g. utf8mb4, utf8, latin1, ascii, binary)`,
    }),
    noneOfNames({
      id: "rackspace.characterSet.troveListed",
      profile: "strict",
      names: NOT_IN_TROVE_CHARSETS,
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is missing from the list ${f.vendor}'s server checks against; use "utf8" for the 3-byte set`,
    }),
  ],
};

export const collation: FieldSpec<C> = {
  name: "collation",
  label: "collation",
  rules: [
    oneOfNames({
      id: "rackspace.collation.known",
      names: KNOWN_COLLATIONS,
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is not a MySQL collation ${f.vendor} accepts (e.g. utf8mb4_unicode_ci, utf8_general_ci)`,
    }),
    noneOfNames({
      id: "rackspace.collation.troveListed",
      profile: "strict",
      names: NOT_IN_TROVE_COLLATIONS,
      message: (p, f) =>
        `${f.label} ${quoteJson(p.value)} is missing from the list ${f.vendor}'s server checks against (no utf8mb3_* spelling, no *_0900_* collations); e.g. use utf8mb4_unicode_ci`,
    }),
  ],
};
