/**
 * The Atlas request bodies a `UserSpec` becomes, in Atlas's words (docs/vendors/atlas.md §3, §7).
 * Light on purpose: it imports no client code (types only), so the plan's rules check can build the
 * exact body the adapter sends without loading `@dbusers/atlas`.
 */
import type { CreateUserRequest, DatabaseUser, UpdateUserRequest } from "@dbusers/atlas";
import { ATLAS_AUTH_DATABASE } from "@dbusers/rules/atlas/auth-type";
import type { AtlasAuthDatabase, AtlasAuthType, UserChanges, UserSpec } from "../../model.js";

type TypeField = "awsIAMType" | "x509Type" | "ldapAuthType" | "oidcAuthType";

/**
 * The type field (and its value) each auth type sets; SCRAM sets none, every field defaulting to
 * `NONE` (§7). Typed against the generated spec, so a renamed enum value fails the typecheck.
 */
export const AUTH_TYPE_FIELDS: {
  readonly [T in AtlasAuthType]: { readonly [F in TypeField]?: NonNullable<DatabaseUser[F]> };
} = {
  SCRAM: {},
  AWS_IAM_USER: { awsIAMType: "USER" },
  AWS_IAM_ROLE: { awsIAMType: "ROLE" },
  X509_MANAGED: { x509Type: "MANAGED" },
  X509_CUSTOMER: { x509Type: "CUSTOMER" },
  LDAP_USER: { ldapAuthType: "USER" },
  LDAP_GROUP: { ldapAuthType: "GROUP" },
  // §8 item 3: IDP_GROUP is a workforce group, USER a workload identity.
  OIDC_WORKFORCE: { oidcAuthType: "IDP_GROUP" },
  OIDC_WORKLOAD: { oidcAuthType: "USER" },
};

/** The auth database each auth type lives on (§7, §8 items 2 and 3), as the rules define it. */
export const AUTH_DATABASE: { readonly [T in AtlasAuthType]: AtlasAuthDatabase } = ATLAS_AUTH_DATABASE;

/** The body fields a spec or a change sets (roles, scopes, labels, description, expiry). */
export function accessFields(spec: UserChanges): UpdateUserRequest {
  return {
    ...(spec.roles === undefined
      ? {}
      : {
          roles: spec.roles.map((r) => ({
            roleName: r.role,
            databaseName: r.database,
            ...(r.collection === undefined ? {} : { collectionName: r.collection }),
          })),
        }),
    ...(spec.scopes === undefined
      ? {}
      : { scopes: spec.scopes.map((s) => ({ name: s.name, type: s.type })) }),
    ...(spec.labels === undefined
      ? {}
      : { labels: spec.labels.map((l) => ({ key: l.key, value: l.value })) }),
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.deleteAfterDate === undefined ? {} : { deleteAfterDate: spec.deleteAfterDate }),
  };
}

/**
 * The create body for `spec`: `roles` is always sent (Atlas requires it, §7), the auth type's field
 * is set, and `databaseName` is the one chosen or else the one the auth type needs. The password,
 * where there is one, is added by the adapter; `groupId` by the client, from the path.
 */
export function createBody(spec: UserSpec): CreateUserRequest {
  const authType = spec.authType ?? "SCRAM";
  return {
    username: spec.name,
    databaseName: spec.authDatabase ?? AUTH_DATABASE[authType],
    roles: [],
    ...accessFields(spec),
    ...AUTH_TYPE_FIELDS[authType],
  };
}
