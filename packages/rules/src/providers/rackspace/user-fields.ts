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
import type { FieldSpec, Rule } from "../../types.js";
import { DOCUMENTED_NOT_AT_EDGES, FORBIDDEN_CHARS, RESERVED_USERS } from "./constants.js";
import type { RackspaceContext as C } from "./context.js";
import { reservedInAnyCase } from "./factories.js";

/** The character rules user names and passwords share (`MySQLUser._is_valid_string` is one function). */
function characterRules(field: "userName" | "password"): Rule<C>[] {
  const id = (rule: string) => `rackspace.${field}.${rule}`;
  return [
    requiresChar<C>({
      id: id("alphanumeric"),
      charClass: "0-9A-Za-z",
      what: "ASCII letter or digit",
    }),
    noEdgeWhitespace<C>({ id: id("edgeWhitespace") }),
    forbidsChars<C>({
      id: id("forbiddenChars"),
      chars: FORBIDDEN_CHARS,
    }),
    onlyRange<C>({
      id: id("printableAscii"),
      from: 0x20,
      to: 0x7e,
      what: "printable ASCII (space to ~)",
    }),
    {
      ...noEdgeChars<C>({
        id: id("documentedEdges"),
        profile: "strict",
        chars: DOCUMENTED_NOT_AT_EDGES,
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
      min: 1,
    }),
    maxChars<C>({
      id: "rackspace.userName.maxLength",
      max: 16,
    }),
    ...characterRules("userName"),
    notReserved<C>({
      id: "rackspace.userName.reserved",
      names: RESERVED_USERS,
    }),
    reservedInAnyCase({
      id: "rackspace.userName.reservedAnyCase",
      profile: "strict",
      names: RESERVED_USERS,
      exempt: RESERVED_USERS,
    }),
  ],
};

export const password: FieldSpec<C> = {
  name: "password",
  label: "password",
  secret: true,
  rules: [
    minChars<C>({
      id: "rackspace.password.minLength",
      min: 1,
    }),
    maxChars<C>({
      id: "rackspace.password.maxLength",
      max: 255,
    }),
    ...characterRules("password"),
  ],
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
    minChars<C>({ id: "rackspace.host.minLength", min: 1 }),
    matches<C>({
      id: "rackspace.host.pattern",
      pattern: HOST_PATTERN,
      message: (_p, f) =>
        `${f.label} may contain only letters, digits, _ ( ) and dots, with % only first or last; ${f.vendor} refuses other characters (no IPv6, no ip/mask)`,
    }),
    matches<C>({
      id: "rackspace.host.ipAddress",
      pattern: `^(?:|%|${GROUP}(?:\\.${GROUP}){0,3}\\n?)$`,
      message: (_p, f) =>
        `${f.label} is not % and not an IPv4 address with % wildcards; ${f.vendor} requires one (e.g. 192.168.1.%)`,
    }),
    matches<C>({
      id: "rackspace.host.dottedQuad",
      profile: "strict",
      pattern: `^(?:|%|${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET})$`,
      message: (_p, f) =>
        `${f.label} must be % or four dotted octets such as 192.168.1.% or 10.0.0.1; short or zero-padded forms are read differently by different ${f.vendor} servers`,
    }),
  ],
};
