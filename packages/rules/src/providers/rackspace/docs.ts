/**
 * What each Rackspace rule means and where it comes from, keyed by rule id, plus the fields' notes
 * and name suggestions. Only `describeRules` and `suggestName` read this table.
 */
import type { ProviderDocs } from "../../types.js";
import type { RackspaceContext as C } from "./context.js";
import * as src from "./sources.js";
import { suggestDatabaseName, suggestUserName } from "./suggest.js";

const rules: ProviderDocs<C>["rules"] = {
  "rackspace.userName.minLength": {
    description: "Must not be empty.",
    source: `${src.BASE_MODEL}: "User name empty."`,
  },
  "rackspace.userName.maxLength": {
    description: "At most 16 characters.",
    source: `${src.MODEL}: _max_user_name_length = 16; ${src.DOC_CREATE_USER}`,
  },
  "rackspace.userName.alphanumeric": {
    description: "Contains at least one ASCII letter or digit.",
    source: `${src.SCHEMA}: pattern "^.*[0-9a-zA-Z]+.*$"`,
  },
  "rackspace.userName.edgeWhitespace": {
    description: "No whitespace at the start or end.",
    source: `${src.MODEL}: not_supported_chars ^\\s|\\s$`,
  },
  "rackspace.userName.forbiddenChars": {
    description: "Must not contain any of: ' \" ; ` , / \\.",
    source: `${src.MODEL}: not_supported_chars`,
  },
  "rackspace.userName.printableAscii": {
    description: "Only printable ASCII (space to ~).",
    source: `${src.PY2_REPR}`,
  },
  "rackspace.userName.documentedEdges": {
    description: "Does not start or end with @ ? or #.",
    source: `${src.DOC_CREATE_USER}`,
  },
  "rackspace.userName.reserved": {
    description: "Not one of the reserved names root, os_admin.",
    source: `${src.RESERVED_CONFIG}; ${src.BASE_MODEL}: name in ignored_users (exact case)`,
  },
  "rackspace.userName.reservedAnyCase": {
    description:
      "Not root or os_admin in another letter case (ROOT, Os_Admin): older servers refuse those too.",
    source: `${src.REDDWARF_MODEL}`,
  },
  "rackspace.password.minLength": {
    description: "Must not be empty.",
    source: `${src.SCHEMA}: non_empty_string minLength 1`,
  },
  "rackspace.password.maxLength": {
    description: "At most 255 characters.",
    source: `${src.SCHEMA}: non_empty_string maxLength 255 (the vendor doc says "unlimited")`,
  },
  "rackspace.password.alphanumeric": {
    description: "Contains at least one ASCII letter or digit.",
    source: `${src.SCHEMA}: pattern "^.*[0-9a-zA-Z]+.*$"`,
  },
  "rackspace.password.edgeWhitespace": {
    description: "No whitespace at the start or end.",
    source: `${src.MODEL}: not_supported_chars ^\\s|\\s$`,
  },
  "rackspace.password.forbiddenChars": {
    description: "Must not contain any of: ' \" ; ` , / \\.",
    source: `${src.MODEL}: not_supported_chars`,
  },
  "rackspace.password.printableAscii": {
    description: "Only printable ASCII (space to ~).",
    source: `${src.PY2_REPR}`,
  },
  "rackspace.password.documentedEdges": {
    description: "Does not start or end with @ ? or #.",
    source: `${src.DOC_CREATE_USER}`,
  },
  "rackspace.host.minLength": {
    description: "Must not be empty.",
    source: `${src.SCHEMA}: host_string minLength 1`,
  },
  "rackspace.host.pattern": {
    description:
      "Only letters, digits, _ ( ) and dots, with % allowed only as the first and/or last character.",
    source: `${src.SCHEMA}: host_string pattern "^[%]?[\\w(-).]*[%]?$"`,
  },
  "rackspace.host.ipAddress": {
    description: "% alone, or an IPv4 address (1 to 4 dotted groups, each 0–255) once every % is read as 1.",
    source: `${src.MODEL}: netaddr.IPNetwork(value.replace('%', '1')) (netaddr 0.7/0.8: 1 to 4 decimal groups, missing ones zero-filled)`,
  },
  "rackspace.host.dottedQuad": {
    description:
      "% alone, or four dotted decimal octets without leading zeros (short forms like 10.1 mean different addresses to different parsers).",
    source: `${src.DOC_CREATE_USER}: "a string containing an IPv4 address or '%'"`,
  },
  "rackspace.databaseName.minLength": {
    description: "At least 2 characters.",
    source: `${src.MODEL}: dbname = ^[A-Za-z0-9_-]+[\\s\\?\\#\\@]*[A-Za-z0-9_-]+$ (two word characters at least); ${src.BASE_MODEL}: "Schema name empty."`,
  },
  "rackspace.databaseName.maxLength": {
    description: "At most 64 characters.",
    source: `${src.MODEL}: _max_schema_name_length = 64; ${src.DOC_CREATE_USER}`,
  },
  "rackspace.databaseName.chars": {
    description:
      "Only ASCII letters, digits, _ and -, plus space ? # @ between them (no dot, plus or dollar).",
    source: `${src.MODEL}: dbname = ^[A-Za-z0-9_-]+[\\s\\?\\#\\@]*[A-Za-z0-9_-]+$; ${src.PY2_REPR}`,
  },
  "rackspace.databaseName.edges": {
    description: "Does not start or end with a space, ?, # or @.",
    source: `${src.MODEL}: dbname = ^[A-Za-z0-9_-]+[\\s\\?\\#\\@]*[A-Za-z0-9_-]+$`,
  },
  "rackspace.databaseName.singleRun": {
    description: 'Spaces, ? # and @ form one run in the middle: "my db" is fine, "a b c" is not.',
    source: `${src.MODEL}: dbname = ^[A-Za-z0-9_-]+[\\s\\?\\#\\@]*[A-Za-z0-9_-]+$`,
  },
  "rackspace.databaseName.alphanumeric": {
    description: "Contains at least one ASCII letter or digit.",
    source: `${src.SCHEMA}: non_empty_string pattern "^.*[0-9a-zA-Z]+.*$"`,
  },
  "rackspace.databaseName.reserved": {
    description: "Not one of the reserved names mysql, information_schema.",
    source: `${src.RESERVED_CONFIG}; ${src.BASE_MODEL}: name in ignored_dbs (exact case)`,
  },
  "rackspace.databaseName.undocumentedChars": {
    description: "No hyphen: the server accepts it, the Rackspace documentation does not list it.",
    source: `${src.DOC_CREATE_USER}`,
  },
  "rackspace.databaseName.reservedAnyCase": {
    description:
      "Not mysql, information_schema, performance_schema, sys or lost+found in any letter case: some server version reserves each.",
    source: `${src.REDDWARF_MODEL}; ${src.RESERVED_CONFIG}; ${src.DOC_CREATE_DATABASE}`,
  },
  "rackspace.characterSet.known": {
    description:
      "A MySQL character set name in lower case (utf8mb4, latin1, …; utf8 is accepted as utf8mb3).",
    source: `${src.MYSQL_CHARSETS_DOC}; ${src.MODEL}: "'%s' not a valid character set."`,
  },
  "rackspace.characterSet.troveListed": {
    description: "Spelled as Trove's own list spells it: utf8, not utf8mb3.",
    source: `${src.TROVE_CHARSETS}`,
  },
  "rackspace.collation.known": {
    description: "A MySQL collation name in lower case (utf8mb4_unicode_ci, latin1_swedish_ci, …).",
    source: `${src.MYSQL_CHARSETS_DOC}; ${src.MODEL}: "'%s' not a valid collation."`,
  },
  "rackspace.collation.troveListed": {
    description:
      "In Trove's own list: no utf8mb3_* spelling (use utf8_*), no utf8_tolower_ci, no MySQL 8 *_0900_* collations.",
    source: `${src.TROVE_CHARSETS}`,
  },
  "rackspace.createUsers.minItems": {
    description: "At least one user.",
    source: `${src.SCHEMA}: users_list "minItems": 0`,
  },
  "rackspace.createUsers.duplicateUser": {
    description: "No two users with the same name and host (a missing host is %).",
    source: `${src.API_CHECKS}: populate_users raises DatabaseInitialUserDuplicateError`,
  },
  "rackspace.createUsers.databasesMinItems": {
    description: "At least one database.",
    source: `${src.DOC_CREATE_USER}: "One or more database names must be specified." (schema minItems 0)`,
  },
  "rackspace.createUsers.duplicateDatabase": {
    description: "No database reference twice.",
    source: `${src.SCHEMA}: databases_ref_list "uniqueItems": True`,
  },
  "rackspace.changePasswords.minItems": {
    description: "At least one user.",
    source: `${src.SCHEMA}: users_list "minItems": 0`,
  },
  "rackspace.changePasswords.databasesIgnored": {
    description: "No databases when changing passwords: the server ignores them (grant access instead).",
    source: `${src.SCHEMA}: users_list (shared with create); ${src.API_CHECKS}: update_all reads only name, host, password`,
  },
  "rackspace.changePasswords.databasesMinItems": {
    description: "At least one database.",
    source: `${src.SCHEMA}: users_list "minItems": 0`,
  },
  "rackspace.changePasswords.duplicateDatabase": {
    description: "No database reference twice.",
    source: `${src.SCHEMA}: databases_ref_list "uniqueItems": True`,
  },
  "rackspace.modifyUser.minProperties": {
    description: "At least one of name, password, host.",
    source: `${src.SCHEMA}: user_attributes "minProperties": 1`,
  },
  "rackspace.grantAccess.databasesMinItems": {
    description: "At least one database.",
    source: `${src.SCHEMA}: databases_ref_list "minItems": 0`,
  },
  "rackspace.grantAccess.duplicateDatabase": {
    description: "No database reference twice.",
    source: `${src.SCHEMA}: databases_ref_list "uniqueItems": True`,
  },
  "rackspace.createDatabases.minItems": {
    description: "At least one database.",
    source: `${src.SCHEMA}: databases_def "minItems": 0`,
  },
  "rackspace.createDatabases.duplicateName": {
    description: "No database name twice.",
    source: `${src.API_CHECKS}: populate_validated_databases raises DatabaseInitialDatabaseDuplicateError`,
  },
  "rackspace.createDatabases.collationCharset": {
    description:
      "When both are given, the collation belongs to the character set (utf8 and utf8mb3 are one set).",
    source: `${src.MODEL}: MySQLSchema.collate "%(val)s not a valid collation for charset %(char)s."; ${src.MYSQL_CHARSETS_DOC}`,
  },
  "rackspace.request.unknownKey": {
    description: "Only the keys the server reads (strict).",
    source: `${src.SCHEMA}: "additionalProperties": True, so the server silently ignores unknown keys`,
  },
};

export const rackspaceDocs: ProviderDocs<C> = {
  rules,
  fields: {
    userName: {
      notes: [
        "A name containing @ must be addressed as name@host in URLs (the @dbusers/rackspace client does that).",
        "Since Trove 2024-12 these checks run in the guest agent: a bad name is accepted with 202 and then fails silently.",
      ],
      suggest: suggestUserName,
    },
    password: {
      notes: [
        "The Rackspace documentation calls the password length unlimited; the API schema caps it at 255.",
      ],
    },
    host: { notes: ["Absent means %, any host. IPv6 and ip/mask are refused by the API schema."] },
    databaseName: {
      notes: [
        "A database name in a URL is decoded once by the server (the @dbusers/rackspace client encodes it).",
      ],
      suggest: suggestDatabaseName,
    },
    characterSet: {
      notes: ["Default when absent: utf8 (Rackspace documentation; Trove HEAD says utf8mb3, the same set)."],
    },
    collation: {
      notes: [
        "Default when absent: the character set's first collation in Trove's list, or utf8_general_ci.",
      ],
    },
  },
};
