/**
 * What each Atlas request rule (createUser, updateUser) means and where it comes from, keyed by
 * rule id (read by `describeRules` only). Abbreviations are explained in sources.ts.
 */
import type { RuleDoc } from "../../types.js";
import * as src from "./sources.js";

/**
 * Each request rule's documentation by its name within the operation. A PATCH (updateUser) is held
 * to the same rules as createUser, with the same meaning and source, except that it may leave the
 * password out.
 */
const requestDocs: { readonly [name: string]: RuleDoc } = {
  oneAuthType: {
    description: "At most one of awsIAMType, x509Type, ldapAuthType, oidcAuthType is not NONE.",
    source:
      "SPEC username table (one method per user); CLI create.go flags mutually exclusive; TF ConflictsWith (docs/vendors/atlas.md §7)",
  },
  customRoleAlone: {
    description: "A user with a custom role has no other role.",
    source:
      "DOCS api-errors: 'If assigned a custom DB role, a user can only be assigned one role'; custom = not a SPEC roleName enum value",
  },
  passwordRequired: {
    description: "SCRAM users are created with a password.",
    source: `${src.SPEC_USER}.password: 'To authenticate with SCRAM-SHA, you must specify this parameter'; SEED`,
  },
  awsIAMTypeEnum: {
    description: "One of NONE, USER, ROLE.",
    source: `${src.SPEC_USER}.awsIAMType enum`,
  },
  labelIncomplete: {
    description: "A label has both a key and a value.",
    source:
      "inferred: SPEC ComponentLabel requires neither, but a label is a key-value pair (key and value 1..255)",
  },
  ldapAuthTypeEnum: {
    description: "One of NONE, GROUP, USER.",
    source: `${src.SPEC_USER}.ldapAuthType enum`,
  },
  oidcAuthTypeEnum: {
    description: "One of NONE, IDP_GROUP, USER.",
    source: `${src.SPEC_USER}.oidcAuthType enum`,
  },
  duplicateScope: {
    description: "The same scope (name and type) only once.",
    source:
      "inferred: a repeated scope adds nothing; the same name with two types is fine (TF withScopes, docs/vendors/atlas.md §7)",
  },
  scopeTypeEnum: {
    description: "CLUSTER, DATA_LAKE or STREAM.",
    source: "SPEC UserScope.type enum",
  },
  x509TypeEnum: {
    description: "One of NONE, CUSTOMER, MANAGED.",
    source: `${src.SPEC_USER}.x509Type enum`,
  },
  passwordNotAllowed: {
    description: "A password only for SCRAM users.",
    source:
      "SPEC password ('To authenticate with SCRAM-SHA'); CLI refuses '$external authentication and password'; TF password ConflictsWith x509/ldap/aws types (docs/vendors/atlas.md §7)",
  },
  rolesMinItems: {
    description: "At least one role.",
    source: `${src.SPEC_USER}.roles (required); AKO: 'The Atlas returns an error if Roles is empty' (docs/vendors/atlas.md §7)`,
  },
  duplicateRole: {
    description: "The same role, database and collection only once.",
    source: "inferred: a repeated grant adds nothing",
  },
  clusterRoleOnAdmin: {
    description: "Cluster-wide built-in roles are granted on admin.",
    source:
      "docs/vendors/atlas.md §7 (every example grants *AnyDatabase, atlasAdmin, clusterMonitor, backup, enableSharding on admin; Atlas's own rule was not found)",
  },
  roleNamespaceLength: {
    description: "database.collection is at most 255 bytes in UTF-8.",
    source: "MongoDB limits, Namespace Length (255 bytes for <database>.<collection>)",
  },
};

const byOperation = (operation: "createUser" | "updateUser", docs: { readonly [name: string]: RuleDoc }) =>
  Object.fromEntries(Object.entries(docs).map(([name, doc]) => [`atlas.${operation}.${name}`, doc]));

const { passwordRequired: _createOnly, ...updateDocs } = requestDocs;

export const atlasRequestRuleDocs: { readonly [ruleId: string]: RuleDoc } = {
  ...byOperation("createUser", requestDocs),
  ...byOperation("updateUser", updateDocs),
  "atlas.request.unknownKey": {
    description: "Only the keys of the SPEC schema (strict).",
    source: src.UNKNOWN_KEYS,
  },
};
