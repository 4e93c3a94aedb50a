/**
 * The array items of a CloudDatabaseUser body: roles, scopes and labels (SPEC DatabaseUserRole,
 * UserScope, ComponentLabel), shared by createUser and updateUser with operation-specific rule ids.
 */
import { utf8Length } from "../../chars.js";
import {
  array,
  field,
  type ObjectCheck,
  object,
  oneOf,
  optional,
  required,
  type StructuralRule,
} from "../../engine/shape.js";
import type { RuleProfile } from "../../types.js";
import type { AtlasContext } from "./context.js";
import { BUILT_IN_ROLES, fields } from "./fields.js";

export type Op = "createUser" | "updateUser";
type C = AtlasContext;

export function rule(
  op: Op,
  name: string,
  profile: RuleProfile,
  message: (p: Record<string, unknown>) => string,
): StructuralRule<C> {
  return { id: `atlas.${op}.${name}`, profile, message };
}

/** Built-in roles that act on the whole cluster; every example grants them on admin (docs/vendors/atlas.md §7). */
export const CLUSTER_WIDE_ROLES = [
  "atlasAdmin",
  "backup",
  "clusterMonitor",
  "dbAdminAnyDatabase",
  "enableSharding",
  "readAnyDatabase",
  "readWriteAnyDatabase",
] as const;

const isCluster = (name: unknown) => (CLUSTER_WIDE_ROLES as readonly unknown[]).includes(name);
export const isBuiltIn = (name: unknown) => (BUILT_IN_ROLES as readonly unknown[]).includes(name);

function roleShape(op: Op) {
  const clusterWide: ObjectCheck<C> = {
    ...rule(
      op,
      "clusterRoleOnAdmin",
      "strict",
      (p) =>
        `${p.path} is "${p.actual as string}", but ${p.role as string} is a cluster-wide role granted on "admin" in MongoDB Atlas`,
    ),
    check: (o) =>
      isCluster(o.roleName) && typeof o.databaseName === "string" && o.databaseName !== "admin"
        ? [{ key: "databaseName", params: { role: o.roleName, actual: o.databaseName } }]
        : undefined,
  };
  const namespace: ObjectCheck<C> = {
    ...rule(
      op,
      "roleNamespaceLength",
      "strict",
      (p) => `${p.path} makes the namespace ${p.actual as number} bytes; MongoDB allows at most 255`,
    ),
    check: (o) => {
      if (typeof o.databaseName !== "string" || typeof o.collectionName !== "string") return undefined;
      const actual = utf8Length(o.databaseName) + 1 + utf8Length(o.collectionName);
      return actual > 255 ? [{ key: "collectionName", params: { actual, max: 255 } }] : undefined;
    },
  };
  return object(
    "role",
    {
      roleName: required(field(fields.roleName)),
      databaseName: required(field(fields.roleDatabaseName)),
      collectionName: optional(field(fields.collectionName)),
    },
    { unknownKeys: "reject-in-strict", checks: [clusterWide, namespace] },
  );
}

// Unique keys: the engine catches a throw (null items) and skips items without string keys.
const roleKey = (item: unknown): string | undefined => {
  const { roleName, databaseName, collectionName } = item as Record<string, unknown>;
  if (typeof roleName !== "string" || typeof databaseName !== "string") return undefined;
  return JSON.stringify([roleName, databaseName, typeof collectionName === "string" ? collectionName : null]);
};

export function rolesShape(op: Op) {
  return array("roles", roleShape(op), {
    minItems: {
      count: 1,
      rule: rule(
        op,
        "rolesMinItems",
        "both",
        (p) =>
          `${p.path} has ${p.actual as number} roles; MongoDB Atlas requires at least ${p.min as number}`,
      ),
    },
    unique: {
      key: roleKey,
      rule: rule(
        op,
        "duplicateRole",
        "strict",
        (p) => `${p.path} repeats the role of roles[${p.firstIndex as number}]`,
      ),
    },
  });
}

export function scopesShape(op: Op) {
  const scope = object(
    "scope",
    {
      name: required(field(fields.scopeName)),
      type: required(
        oneOf(
          "scope type",
          ["CLUSTER", "DATA_LAKE", "STREAM"],
          rule(
            op,
            "scopeTypeEnum",
            "both",
            (p) => `${p.path} must be one of ${(p.allowed as string[]).join(", ")} on MongoDB Atlas`,
          ),
        ),
      ),
    },
    { unknownKeys: "reject-in-strict" },
  );
  return array("scopes", scope, {
    unique: {
      key: (item) => {
        const { name, type } = item as Record<string, unknown>;
        // Two parts, compared one by one; the violation shows them as the JSON array ["TYPE","name"].
        return typeof name === "string" && typeof type === "string" ? [type, name] : undefined;
      },
      rule: rule(
        op,
        "duplicateScope",
        "strict",
        (p) => `${p.path} repeats scopes[${p.firstIndex as number}]`,
      ),
    },
  });
}

export function labelsShape(op: Op) {
  const incomplete: ObjectCheck<C> = {
    ...rule(
      op,
      "labelIncomplete",
      "strict",
      (p) => `${p.path} is missing; a MongoDB Atlas label needs both key and value`,
    ),
    check: (o) =>
      (["key", "value"] as const).filter((k) => o[k] === undefined).map((key) => ({ key, params: {} })),
  };
  const label = object(
    "label",
    { key: optional(field(fields.labelKey)), value: optional(field(fields.labelValue)) },
    { unknownKeys: "reject-in-strict", checks: [incomplete] },
  );
  return array("labels", label);
}
