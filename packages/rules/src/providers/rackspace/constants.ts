/** Character sets and name lists the Rackspace rules and suggestions share. */

/** `MySQLUser.not_supported_chars` besides edge whitespace: ' " ; ` , / \ */
export const FORBIDDEN_CHARS = "'\";`,/\\";
/** Allowed by the documentation, but "not at the beginning and end". */
export const DOCUMENTED_NOT_AT_EDGES = "@?#";

/** Reserved user names (`ignore_users`, every Trove version). */
export const RESERVED_USERS = ["root", "os_admin"] as const;

/** `MySQLSchema.dbname`'s word characters, as a regex class body: the first and last must be one of these. */
export const DB_WORD_CLASS = "A-Za-z0-9_\\-";
/** The same without the hyphen, which the vendor's documentation does not list. */
export const DB_DOCUMENTED_WORD_CLASS = "A-Za-z0-9_";
/** The characters `dbname` allows in its single middle run (Python `\s` is also tab and newline, but repr refuses those). */
export const DB_SPECIALS = " ?#@";
/** Database names every Trove version reserves (exact case). */
export const RESERVED_DATABASES = ["mysql", "information_schema"] as const;
/** Reserved by some version or by the documentation, compared in any case by the 2012–2015 models. */
export const RESERVED_DATABASES_ANY_VERSION = [
  "mysql",
  "information_schema",
  "performance_schema",
  "sys",
  "lost+found",
] as const;
