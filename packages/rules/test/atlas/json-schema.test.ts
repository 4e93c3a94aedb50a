/**
 * The JSON Schema views against the rules, compiled by ajv (draft 2020-12, `u` regex flag): the
 * schema never refuses what the rules accept, and whatever it accepts can only fail rules it lists
 * in the $comment annotation (so with none listed, schema and rules agree exactly).
 */

import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { UNEXPRESSED, unexpressedRules } from "../../src/engine/json-schema.js";
import {
  type ATLAS_AUTH_TYPES,
  atlas,
  atlasAuthTypeOf,
  toJSONSchema,
} from "../../src/providers/atlas/index.js";
import type { JsonSchema, Violation } from "../../src/types.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import * as A from "./arbitraries.js";
import { validBody } from "./bodies.js";
import { NOW } from "./helpers.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
const compiled = new Map<string, { validate: ValidateFunction; unexpressed: Set<string> }>();

function collect(schema: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) collect(s, out);
  else if (typeof schema === "object" && schema !== null) {
    for (const [k, v] of Object.entries(schema)) {
      if (k === UNEXPRESSED) for (const id of unexpressedRules(schema as JsonSchema)) out.add(id);
      else collect(v, out);
    }
  }
  return out;
}

function schemaFor(
  name: string,
  ctx: { authType: (typeof ATLAS_AUTH_TYPES)[number]; profile: "strict" | "server" },
) {
  const key = `${name}/${ctx.authType}/${ctx.profile}`;
  let entry = compiled.get(key);
  if (!entry) {
    const schema = toJSONSchema(name as never, ctx);
    entry = { validate: ajv.compile(schema), unexpressed: collect(schema, new Set()) };
    compiled.set(key, entry);
  }
  return entry;
}

function agree(
  entry: { validate: ValidateFunction; unexpressed: Set<string> },
  value: unknown,
  violations: Violation[],
) {
  const valid = entry.validate(value);
  if (!valid) expect(violations.length, JSON.stringify(entry.validate.errors)).toBeGreaterThan(0);
  else expect(violations.filter((v) => !entry.unexpressed.has(v.rule))).toEqual([]);
}

const fieldValues = fc.oneof(
  A.mixedString,
  A.strictDnWithCn,
  A.strictDnWithoutCn,
  A.validPassword,
  A.scopeName,
  A.customRoleName,
  A.groupIdStrict,
  A.bmpText(0, 300),
  fc.constantFrom(
    "admin",
    "$external",
    "",
    "😀".repeat(600),
    "2026-08-11T03:06:07Z",
    "2026-08-11",
    "2027-02-29T00:00:00Z",
  ),
  fc.constantFrom("a".repeat(1025), "a".repeat(1024), "system.x", "a\u0000b", "\uD800", "d".repeat(64)),
  fc.anything(),
);

const dates = fc
  .tuple(
    fc.integer({ min: -3, max: 10 }),
    fc.constantFrom("Z", "z", "+02:00", "-0130", "", ".123456789Z", ".1234567891Z"),
  )
  .map(([days, zone]) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 19) + zone);
const SPECIFIC: Partial<Record<(typeof atlas.fieldNames)[number], fc.Arbitrary<unknown>>> = {
  username: fc.oneof(...Object.values(A.validUserName), A.lenientDn, A.dnNoise),
  password: fc.oneof(A.validPassword, A.symbolPassword),
  databaseName: fc.constantFrom("admin", "$external", "Admin"),
  deleteAfterDate: fc.oneof(
    dates,
    dates.map((d) => d.slice(0, 10)),
  ),
  groupId: fc.oneof(
    A.groupIdServer,
    A.groupIdStrict.map((g) => g.slice(1)),
  ),
  roleName: fc.oneof(
    A.builtInRole,
    A.customRoleName,
    A.customRoleName.map((r) => `-${r}`),
  ),
  roleDatabaseName: fc.oneof(
    A.dbName,
    A.dbName.map((d) => `${d}.x`),
    fc.constant("d".repeat(64)),
  ),
  collectionName: fc.oneof(
    A.collection,
    A.collection.map((c) => `system.${c}`),
    A.collection.map((c) => `${c}$`),
  ),
  scopeName: fc.oneof(
    A.scopeName,
    A.scopeName.map((n) => `-${n}`),
  ),
};
const valuesFor = (field: (typeof atlas.fieldNames)[number]) => {
  const specific = SPECIFIC[field];
  return specific ? fc.oneof(specific, fieldValues) : fieldValues;
};

describe("atlas JSON Schema fragments are exact", () => {
  for (const field of atlas.fieldNames) {
    const budget = runs(field === "username" ? 600 : 150);
    test.prop([valuesFor(field), A.authType, A.profile], { numRuns: budget })(
      `field ${field}`,
      (value, authType, profile) => {
        const ctx = { authType, profile };
        agree(schemaFor(field, ctx), value, atlas.validateField(field, value, { ...ctx, now: NOW }));
      },
      30_000,
    );
  }

  const patch = fc.dictionary(
    fc.constantFrom(
      "username",
      "password",
      "databaseName",
      "roles",
      "scopes",
      "labels",
      "x509Type",
      "awsIAMType",
      "links",
    ),
    fc.oneof(
      A.mixedString,
      fc.constant([]),
      fc.constant([{ roleName: "readWriteAnyDatabase", databaseName: "x" }]),
      fc.constant([
        { roleName: "custom", databaseName: "x" },
        { roleName: "read", databaseName: "x" },
      ]),
      fc.constant([{ key: "k" }, 3]),
      fc.constant([{ name: "-x", type: "STREAM" }]),
      fc.constantFrom("NONE", "CUSTOMER", "USER", "ROLE"),
      fc.constant(undefined),
    ),
    { maxKeys: 3 },
  );
  test.prop([validBody, patch, fc.constantFrom("createUser", "updateUser"), A.profile], {
    numRuns: runs(400),
  })(
    "requests, for bodies of the context's auth type",
    ({ body }, extra, op, profile) => {
      const b = { ...body, ...extra };
      const ctx = { authType: atlasAuthTypeOf(b), profile };
      agree(schemaFor(op, ctx), b, atlas.validateRequest(op as never, b, { ...ctx, now: NOW }));
    },
    30_000,
  );

  it("request schemas close objects in strict only and gate the password", () => {
    const strict = toJSONSchema("createUser") as Record<string, unknown>;
    expect(strict.additionalProperties).toBe(false);
    expect(strict.required).toEqual(["databaseName", "groupId", "roles", "username"]);
    expect(strict.allOf).toContainEqual({ required: ["password"], properties: { password: true } });
    const server = toJSONSchema("createUser", { profile: "server", authType: "X509_MANAGED" }) as Record<
      string,
      unknown
    >;
    expect(server.additionalProperties).toBeUndefined();
    expect((server.properties as Record<string, unknown>).password).toBe(false);
    expect(server.required).toEqual(["databaseName", "groupId", "roles", "username"]);
    expect(server.allOf).not.toContainEqual({ required: ["password"], properties: { password: true } });
    expect(unexpressedRules(server)).toEqual(["context derived from sibling fields"]);
    const update = toJSONSchema("updateUser") as Record<string, unknown>;
    expect(update.required).toBeUndefined();
  });

  it("field schemas list what they cannot say", () => {
    const date = toJSONSchema("deleteAfterDate") as Record<string, unknown>;
    expect(unexpressedRules(date)).toEqual([
      "atlas.deleteAfterDate.future",
      "atlas.deleteAfterDate.withinOneWeek",
    ]);
    const user = toJSONSchema("username", { authType: "X509_CUSTOMER" }) as Record<string, unknown>;
    expect(unexpressedRules(user)).toEqual([
      "atlas.username.maxUtf16Units",
      "atlas.username.dotElement",
      "atlas.username.commonName",
    ]);
    const db = toJSONSchema("databaseName", { authType: "LDAP_GROUP" }) as Record<string, unknown>;
    expect(db.allOf).toEqual([{ enum: ["admin", "$external"] }, { not: { const: "$external" } }]);
    const pw = toJSONSchema("password") as Record<string, unknown>;
    expect(pw.writeOnly).toBe(true);
  });
});
