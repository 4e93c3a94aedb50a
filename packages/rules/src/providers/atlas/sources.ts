/**
 * Where the Atlas rules come from (read by the documentation table only). SPEC = mongodb/openapi
 * v2.yaml (x-xgen-sha 0acdb962…, as mirrored by terraform-provider-mongodbatlas@6fb67ee2); SEED = the
 * "Create One Database User" docs page; DOCS api-errors = mongodb.com/docs/atlas/reference/api-errors;
 * TF, CLI and AKO = MongoDB's Terraform provider, Atlas CLI and Kubernetes operator, whose recorded
 * tests show what the real server accepts (docs/vendors/atlas.md §0, §7, §8).
 */
export const SPEC_TABLE = "SPEC CloudDatabaseUser.username (format table by auth type)";
export const SPEC_USER = "SPEC CloudDatabaseUser";
export const JAVA_LENGTH =
  "inferred: Atlas is a Java service (X-Java-Method headers, docs/vendors/atlas.md §2); Java String.length() counts UTF-16 units";
export const LIMITS = "MongoDB limits, Naming Restrictions (mongodb.com/docs/manual/reference/limits)";
export const LABEL = "SPEC ComponentLabel key/value minLength 1, maxLength 255";
export const SPEC_DATE_WINDOW =
  "SPEC CloudDatabaseUser.deleteAfterDate ('a future date that falls within one week of making the API request'); SEED";
export const UNKNOWN_KEYS =
  "SPEC CloudDatabaseUser has no additionalProperties: false; v1.0 answered INVALID_ATTRIBUTE for unknown attributes, unconfirmed for v2; readOnly links are ignored on input: refused in strict only";
