/** User name, password and host: the fields of a MySQL user on Rackspace Cloud Databases. */

import {
  forbidsChars,
  matches,
  maxChars,
  minChars,
  noEdgeChars,
  noEdgeWhitespace,
  notReserved,
  onlyRange,
  requiresChar,
} from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import type { FieldSpec, Rule } from "../../types.js";
import { DOCUMENTED_NOT_AT_EDGES, FORBIDDEN_CHARS, RESERVED_USERS, UNDOCUMENTED_CHARS } from "./constants.js";
import type { RackspaceContext as C } from "./context.js";
import { reservedInAnyCase } from "./factories.js";
import * as src from "./sources.js";
import { suggestUserName } from "./suggest.js";

/** The character rules user names and passwords share (`MySQLUser._is_valid_string` is one function). */
function characterRules(field: "userName" | "password"): Rule<C>[] {
  const id = (rule: string) => `rackspace.${field}.${rule}`;
  return [
    requiresChar<C>({
      id: id("alphanumeric"),
      source: `${src.SCHEMA}: pattern "^.*[0-9a-zA-Z]+.*$"`,
      charClass: "0-9A-Za-z",
      what: "ASCII letter or digit",
    }),
    noEdgeWhitespace<C>({ id: id("edgeWhitespace"), source: `${src.MODEL}: not_supported_chars ^\\s|\\s$` }),
    forbidsChars<C>({
      id: id("forbiddenChars"),
      source: `${src.MODEL}: not_supported_chars`,
      chars: FORBIDDEN_CHARS,
    }),
    onlyRange<C>({
      id: id("printableAscii"),
      source: src.PY2_REPR,
      from: 0x20,
      to: 0x7e,
      what: "printable ASCII (space to ~)",
    }),
    {
      ...forbidsChars<C>({
        id: id("undocumentedChars"),
        source: `${src.DOC_CREATE_USER}; ${src.DOC_SECURITY}`,
        profile: "strict",
        chars: UNDOCUMENTED_CHARS,
        description: "Only letters, digits, _ . @ ? # and inner spaces, the characters Rackspace documents.",
      }),
      message: (p, f) =>
        f.secret || p.char === undefined
          ? `${f.label} contains a character the ${f.vendor} documentation does not list (only letters, digits, _ . @ ? # and spaces)`
          : `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; the ${f.vendor} documentation lists only letters, digits, _ . @ ? # and spaces`,
    },
    {
      ...noEdgeChars<C>({
        id: id("documentedEdges"),
        source: src.DOC_CREATE_USER,
        profile: "strict",
        chars: DOCUMENTED_NOT_AT_EDGES,
        description: "Does not start or end with @ ? or #.",
      }),
      message: (_p, f) =>
        `${f.label} starts or ends with @, ? or #; the ${f.vendor} documentation allows them only inside`,
    },
  ];
}

export const userName: FieldSpec<C> = {
  name: "userName",
  label: "user name",
  rules: [
    minChars<C>({
      id: "rackspace.userName.minLength",
      source: `${src.BASE_MODEL}: "User name empty."`,
      min: 1,
    }),
    maxChars<C>({
      id: "rackspace.userName.maxLength",
      source: `${src.MODEL}: _max_user_name_length = 16; ${src.DOC_CREATE_USER}`,
      max: 16,
    }),
    ...characterRules("userName"),
    notReserved<C>({
      id: "rackspace.userName.reserved",
      source: `${src.RESERVED_CONFIG}; ${src.BASE_MODEL}: name in ignored_users (exact case)`,
      names: RESERVED_USERS,
    }),
    reservedInAnyCase({
      id: "rackspace.userName.reservedAnyCase",
      source: src.REDDWARF_MODEL,
      profile: "strict",
      names: RESERVED_USERS,
      exempt: RESERVED_USERS,
      description:
        "Not root or os_admin in another letter case (ROOT, Os_Admin): older servers refuse those too.",
    }),
  ],
  suggest: suggestUserName,
  notes: [
    "A name containing @ must be addressed as name@host in URLs (encodeUserPathSegment does that).",
    "Since Trove 2024-12 these checks run in the guest agent: a bad name is accepted with 202 and then fails silently.",
  ],
};

export const password: FieldSpec<C> = {
  name: "password",
  label: "password",
  secret: true,
  rules: [
    minChars<C>({
      id: "rackspace.password.minLength",
      source: `${src.SCHEMA}: non_empty_string minLength 1`,
      min: 1,
    }),
    maxChars<C>({
      id: "rackspace.password.maxLength",
      source: `${src.SCHEMA}: non_empty_string maxLength 255 (the vendor doc says "unlimited")`,
      max: 255,
    }),
    ...characterRules("password"),
  ],
  notes: ["The Rackspace documentation calls the password length unlimited; the API schema caps it at 255."],
};

/** `host_string` with `\w` as Python 2 reads it (ASCII); Python's `$` also matches before a final newline. */
const HOST_PATTERN = "^%?[A-Za-z0-9_().]*%?\\n?$";
/** One dotted group, 0–255 with leading zeros, where `%` stands for the digit 1 (the model's replace('%', '1')). */
const GROUP = "(?:0*(?:[1-9%][0-9%]?|[1%][0-9%]{2}|2[0-4%][0-9%]|25[0-5%])|0+)";
/** The same without leading zeros. */
const OCTET = "(?:0|[1-9%][0-9%]?|[1%][0-9%]{2}|2[0-4%][0-9%]|25[0-5%])";

export const host: FieldSpec<C> = {
  name: "host",
  label: "host",
  rules: [
    minChars<C>({ id: "rackspace.host.minLength", source: `${src.SCHEMA}: host_string minLength 1`, min: 1 }),
    matches<C>({
      id: "rackspace.host.pattern",
      source: `${src.SCHEMA}: host_string pattern "^[%]?[\\w(-).]*[%]?$"`,
      pattern: HOST_PATTERN,
      description:
        "Only letters, digits, _ ( ) and dots, with % allowed only as the first and/or last character.",
      message: (_p, f) =>
        `${f.label} may contain only letters, digits, _ ( ) and dots, with % only first or last; ${f.vendor} refuses other characters (no IPv6, no ip/mask)`,
    }),
    matches<C>({
      id: "rackspace.host.ipAddress",
      source: `${src.MODEL}: netaddr.IPNetwork(value.replace('%', '1')) (netaddr 0.7/0.8: 1 to 4 decimal groups, missing ones zero-filled)`,
      pattern: `^(?:|%|${GROUP}(?:\\.${GROUP}){0,3}\\n?)$`,
      description:
        "% alone, or an IPv4 address (1 to 4 dotted groups, each 0–255) once every % is read as 1.",
      message: (_p, f) =>
        `${f.label} is not % and not an IPv4 address with % wildcards; ${f.vendor} requires one (e.g. 192.168.1.%)`,
    }),
    matches<C>({
      id: "rackspace.host.dottedQuad",
      source: `${src.DOC_CREATE_USER}: "a string containing an IPv4 address or '%'"`,
      profile: "strict",
      pattern: `^(?:|%|${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET})$`,
      description:
        "% alone, or four dotted decimal octets without leading zeros (short forms like 10.1 mean different addresses to different parsers).",
      message: (_p, f) =>
        `${f.label} must be % or four dotted octets such as 192.168.1.% or 10.0.0.1; short or zero-padded forms are read differently by different ${f.vendor} servers`,
    }),
  ],
  notes: ["Absent means %, any host. IPv6 and ip/mask are refused by the API schema."],
};
