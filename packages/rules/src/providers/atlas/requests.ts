/**
 * Request bodies as Atlas receives them: the CloudDatabaseUser of POST (createUser) and PATCH
 * (updateUser) `/api/atlas/v2/groups/{groupId}/databaseUsers[/{databaseName}/{username}]`.
 * The auth type that username, databaseName and password rules see is derived from the body's
 * type fields (`deriveContext`); a PATCH without them keeps the context's auth type.
 */
import { field, type ObjectCheck, object, oneOf, optional, required } from "../../engine/shape.js";
import { atlasAuthTypeOf, patchAuthType, selectingFields, TYPE_VALUES, type TypeField } from "./auth.js";
import { type AtlasAuthType, type AtlasContext, atlasContext } from "./context.js";
import { fields } from "./fields.js";
import { isBuiltIn, labelsShape, type Op, rolesShape, rule, scopesShape } from "./request-items.js";

type C = AtlasContext;

const withAuth = (ctx: C, authType: AtlasAuthType): C =>
  authType === ctx.authType ? ctx : atlasContext(ctx.profile, authType, ctx.now);

const typeEnum = <F extends TypeField>(op: Op, f: F) =>
  oneOf(
    f,
    TYPE_VALUES[f],
    rule(
      op,
      `${f}Enum`,
      "both",
      (p) => `${p.path} must be one of ${(p.allowed as string[]).join(", ")} on MongoDB Atlas`,
    ),
  );

function userChecks(op: Op): ObjectCheck<C>[] {
  const oneAuthType: ObjectCheck<C> = {
    ...rule(
      op,
      "oneAuthType",
      "both",
      (p) =>
        `${p.path} selects a second auth method; ${p.first as string} already does, and MongoDB Atlas allows one`,
    ),
    check: (o) => {
      const [first, ...rest] = selectingFields(o);
      return rest.map((key) => ({ key, params: { first } }));
    },
  };
  const customRoleAlone: ObjectCheck<C> = {
    ...rule(
      op,
      "customRoleAlone",
      "strict",
      (p) =>
        `${p.path} has ${p.count as number} roles, but "${p.customRole as string}" is a custom role and MongoDB Atlas allows only that one`,
    ),
    check: (o) => {
      if (!Array.isArray(o.roles) || o.roles.length < 2) return undefined;
      const custom = o.roles
        .map((r: unknown) => (r as Record<string, unknown> | null | undefined)?.roleName)
        .find((name) => typeof name === "string" && !isBuiltIn(name));
      return custom === undefined
        ? undefined
        : [{ key: "roles", params: { customRole: custom, count: o.roles.length } }];
    },
  };
  return [oneAuthType, customRoleAlone];
}

function passwordGate(op: Op) {
  return {
    test: (ctx: C) => ctx.authType === "SCRAM",
    rule: rule(
      op,
      "passwordNotAllowed",
      "both",
      (p) => `${p.path} is only for SCRAM users; MongoDB Atlas users of other auth types have no password`,
    ),
  };
}

const passwordRequired: ObjectCheck<C> = {
  ...rule(
    "createUser",
    "passwordRequired",
    "both",
    (p) => `${p.path} is required by MongoDB Atlas for SCRAM users (all four auth type fields NONE)`,
  ),
  when: (ctx) => ctx.authType === "SCRAM",
  check: (o) => (o.password === undefined ? [{ key: "password", params: {} }] : undefined),
};

function body(op: Op) {
  return {
    awsIAMType: optional(typeEnum(op, "awsIAMType")),
    deleteAfterDate: optional(field(fields.deleteAfterDate)),
    description: optional(field(fields.description)),
    labels: optional(labelsShape(op)),
    ldapAuthType: optional(typeEnum(op, "ldapAuthType")),
    oidcAuthType: optional(typeEnum(op, "oidcAuthType")),
    scopes: optional(scopesShape(op)),
    x509Type: optional(typeEnum(op, "x509Type")),
  };
}

export const createUser = object(
  "create database user body",
  {
    ...body("createUser"),
    databaseName: required(field(fields.databaseName)),
    groupId: required(field(fields.groupId)),
    // Optional in the type: SCRAM needs one (passwordRequired), other auth types refuse one.
    password: optional(field(fields.password)),
    roles: required(rolesShape("createUser")),
    username: required(field(fields.username)),
  },
  {
    unknownKeys: "reject-in-strict",
    checks: [...userChecks("createUser"), passwordRequired],
    deriveContext: (o, ctx) => withAuth(ctx, atlasAuthTypeOf(o)),
    allowedWhen: { password: passwordGate("createUser") },
  },
);

// PATCH is partial: nothing is required, not even roles (docs/vendors/atlas.md §8 item 5, CLI snapshot Update_only_password).
export const updateUser = object(
  "update database user body",
  {
    ...body("updateUser"),
    databaseName: optional(field(fields.databaseName)),
    groupId: optional(field(fields.groupId)),
    password: optional(field(fields.password)),
    roles: optional(rolesShape("updateUser")),
    username: optional(field(fields.username)),
  },
  {
    unknownKeys: "reject-in-strict",
    checks: userChecks("updateUser"),
    deriveContext: (o, ctx) => withAuth(ctx, patchAuthType(o, ctx.authType)),
    allowedWhen: { password: passwordGate("updateUser") },
  },
);
