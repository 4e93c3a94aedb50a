/**
 * Where the Rackspace rules come from (read by the documentation table only). Rackspace Cloud
 * Databases v1.0 is OpenStack Trove (ex-reddwarf), forked by Rackspace under Python 2; its
 * documentation describes the 2012–2014 server.
 *
 * How a rule gets its profile: `both` when Trove refuses the value in every version Rackspace could
 * run (the reddwarf fork of 2012 through Trove HEAD), so the server profile does not refuse a name a
 * Rackspace/Trove server accepts; `strict` for what the documentation forbids with no evidence of the
 * vendor's own tools sending it successfully, or what only some versions refuse or silently ignore
 * (reserved names in another letter case, performance_schema and sys, short IPv4 forms, names missing
 * from Trove's charset list, empty lists). User names and passwords take any printable ASCII but the
 * denylist: the integration tests of reddwarf/Trove create `tes!@#tuser` and `anous*&^er` with
 * `testpa$^%ssword` and get 202 (docs/vendors/rackspace.md §1.6), so strict no longer keeps them to
 * the characters the documentation lists. Two `both` rules follow one server generation, as
 * docs/vendors/rackspace.md §1.3 and §1.4 pin them: printable ASCII (Python 2's repr; Python 3 Trove would also take
 * printable non-ASCII) and the host IP parser (netaddr IPNetwork, 2017 on; 2014–2017 IPAddress also
 * took hex and 32-bit forms, and the 2012–2014 octet parser refused any % but a lone one).
 */

const HEAD = "4cdc0cdadc76229aaa16195696d3aa2bc295649c";
const BEFORE_2024 = "0138ce30e256a9f3a8fc3405a16051aa96294d57";

/** JSON schemas the API runs on every request body (Draft 4, `re.search` patterns). */
export const SCHEMA = `openstack/trove trove/common/apischema.py@${HEAD}`;
/** The MySQL user and schema models (regexes identical since reddwarf 2bdaa9d8, 2012). */
export const MODEL = `openstack/trove trove/common/db/mysql/models.py@${HEAD}`;
/** Base model: empty names, reserved lists. */
export const BASE_MODEL = `openstack/trove trove/common/db/models.py@${HEAD}`;
/** The API's synchronous model checks before 2024-12 (populate_users, populate_validated_databases). */
export const API_CHECKS = `openstack/trove trove/extensions/mysql/common.py@${BEFORE_2024}`;
/** Python 2's repr escapes every non-ASCII and every non-printable character. */
export const PY2_REPR = `${MODEL}: ("%r" % value).find("\\\\") == -1, under the Python 2 server Rackspace forked (repr escapes all non-ASCII)`;
/** The 2012–2015 models, which lower-case a name before the reserved check. */
export const REDDWARF_MODEL =
  "openstack/trove trove/guestagent/db/models.py (reddwarf 2012 – Trove 2015): value.lower() not in ignore_users / ignore_dbs";
/** Reserved lists, config defaults. */
export const RESERVED_CONFIG = `openstack/trove trove/common/cfg.py@${HEAD} ignore_users/ignore_dbs; Trove 2013: ['os_admin', 'root'], ['lost+found', 'mysql', 'information_schema']`;
/** The vendor's create-user page: valid and invalid characters, lengths. */
export const DOC_CREATE_USER =
  "Rackspace Cloud Databases Developer Guide v1.0, Create User (rackerlabs/docs-cloud-databases@2105df9d api-docs/api-reference/methods): valid/invalid character tables";
/** The vendor's note that `.` is allowed in names and passwords (escaped in URLs). */
export const DOC_SECURITY = "rackerlabs/docs-cloud-databases@2105df9d api-docs/general-api-info/security.rst";
/** The vendor's create-database page. */
export const DOC_CREATE_DATABASE =
  "Rackspace Cloud Databases Developer Guide v1.0, Create Database (rackerlabs/docs-cloud-databases@2105df9d): name rules, default utf8 / utf8_general_ci";
/** MySQL's own lists. */
export const MYSQL_CHARSETS_DOC =
  "MySQL 8.0/8.4 Reference Manual §12.10 Supported Character Sets and Collations (SHOW CHARACTER SET, SHOW COLLATION)";
export const TROVE_CHARSETS =
  "openstack/trove trove/common/db/mysql/data.py@e5494e89dee754ca1f37ffbfa3b2f94d7a540b35";
