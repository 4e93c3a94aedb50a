/**
 * How a CloudDatabaseUser body names its authentication method: four type fields, at most one of
 * them not `NONE` (SPEC `username` table; docs/vendors/atlas.md §7). Everything that depends on the method
 * (username format, auth database, password) reads the `AtlasAuthType` derived here.
 */
import type { AtlasAuthType } from "./context.js";

export const TYPE_FIELDS = ["awsIAMType", "x509Type", "ldapAuthType", "oidcAuthType"] as const;
export type TypeField = (typeof TYPE_FIELDS)[number];

/** SPEC enums of the four type fields (`NONE` first, the default). */
export const TYPE_VALUES = {
  awsIAMType: ["NONE", "USER", "ROLE"],
  x509Type: ["NONE", "CUSTOMER", "MANAGED"],
  ldapAuthType: ["NONE", "GROUP", "USER"],
  oidcAuthType: ["NONE", "IDP_GROUP", "USER"],
} as const;

const BY_FIELD: Readonly<Record<TypeField, Readonly<Record<string, AtlasAuthType>>>> = {
  awsIAMType: { USER: "AWS_IAM_USER", ROLE: "AWS_IAM_ROLE" },
  x509Type: { CUSTOMER: "X509_CUSTOMER", MANAGED: "X509_MANAGED" },
  ldapAuthType: { USER: "LDAP_USER", GROUP: "LDAP_GROUP" },
  // SPEC oidcAuthType: IDP_GROUP is Workforce (a group), USER is Workload (docs/vendors/atlas.md §8 item 3).
  oidcAuthType: { IDP_GROUP: "OIDC_WORKFORCE", USER: "OIDC_WORKLOAD" },
};

/** The type field that selects an auth type (undefined for SCRAM). */
export const FIELD_OF: Readonly<Record<AtlasAuthType, TypeField | undefined>> = {
  SCRAM: undefined,
  AWS_IAM_USER: "awsIAMType",
  AWS_IAM_ROLE: "awsIAMType",
  X509_MANAGED: "x509Type",
  X509_CUSTOMER: "x509Type",
  LDAP_USER: "ldapAuthType",
  LDAP_GROUP: "ldapAuthType",
  OIDC_WORKFORCE: "oidcAuthType",
  OIDC_WORKLOAD: "oidcAuthType",
};

/** A property of anything (undefined for primitives and null, or when a getter or Proxy throws). */
function readKey(body: unknown, key: string): unknown {
  try {
    return (body as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The auth type a type field selects, or undefined when it is absent, `NONE` or not a SPEC value. */
export function authTypeFromField(field: TypeField, value: unknown): AtlasAuthType | undefined {
  return typeof value === "string" && Object.hasOwn(BY_FIELD[field], value)
    ? BY_FIELD[field][value]
    : undefined;
}

/**
 * The auth type a CloudDatabaseUser body selects: the first type field (in the order awsIAMType,
 * x509Type, ldapAuthType, oidcAuthType) whose value is a SPEC value other than `NONE`; SCRAM when
 * there is none. Unknown values count as `NONE` (the enum rule reports them). Never throws.
 */
export function atlasAuthTypeOf(body: unknown): AtlasAuthType {
  for (const field of TYPE_FIELDS) {
    const type = authTypeFromField(field, readKey(body, field));
    if (type !== undefined) return type;
  }
  return "SCRAM";
}

/** The type fields of a body that select an auth type (more than one is an error). */
export function selectingFields(body: Readonly<Record<string, unknown>>): TypeField[] {
  return TYPE_FIELDS.filter((field) => authTypeFromField(field, body[field]) !== undefined);
}

/**
 * A PATCH body is partial: when it names no method, the user keeps the one the caller gives in the
 * context; an explicit `NONE` on the context's own type field means the body is SCRAM.
 */
export function patchAuthType(
  body: Readonly<Record<string, unknown>>,
  current: AtlasAuthType,
): AtlasAuthType {
  const explicit = atlasAuthTypeOf(body);
  if (explicit !== "SCRAM") return explicit;
  // For a SCRAM context both answers are SCRAM, so the lookup needs no special case.
  return body[FIELD_OF[current] as string] === "NONE" ? "SCRAM" : current;
}

/**
 * The auth database each method must use (docs/vendors/atlas.md §7 table): `$external` for external identities,
 * `admin` for SCRAM and OIDC Workforce (SPEC `databaseName`), and `admin` for LDAP groups although
 * SPEC prose says `$external`: the server answers DATABASE_NAME_INVALID_ADMIN (docs/vendors/atlas.md §8 item 2).
 */
export const AUTH_DATABASE: Readonly<Record<AtlasAuthType, "admin" | "$external">> = {
  SCRAM: "admin",
  AWS_IAM_USER: "$external",
  AWS_IAM_ROLE: "$external",
  X509_MANAGED: "$external",
  X509_CUSTOMER: "$external",
  LDAP_USER: "$external",
  LDAP_GROUP: "admin",
  OIDC_WORKFORCE: "admin",
  OIDC_WORKLOAD: "$external",
};
