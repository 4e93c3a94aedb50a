/** Rule metadata, descriptions, notes, the password policy, Standard Schema and the small factories. */
import { describe, expect, it } from "vitest";
import { RulesError } from "../../src/engine/errors.js";
import type { Shape, StructuralRule } from "../../src/engine/shape.js";
import { forbidsCharsShown, maxUtf16Units } from "../../src/providers/atlas/factories.js";
import {
  ATLAS_AUTH_TYPES,
  atlas,
  atlasDefinition,
  atlasDocs,
  describeRules,
  generatePassword,
  standardSchema,
  standardSchemaForField,
} from "../../src/providers/atlas/index.js";
import type { BaseContext } from "../../src/types.js";

function structuralRules(shape: Shape<never>, out: StructuralRule<never>[] = []): StructuralRule<never>[] {
  switch (shape.kind) {
    case "enum":
      out.push(shape.rule);
      break;
    case "array":
      for (const r of [shape.minItems?.rule, shape.unique?.rule]) if (r) out.push(r);
      structuralRules(shape.items, out);
      break;
    case "object":
      for (const prop of Object.values(shape.props)) {
        if (prop.allowedWhen) out.push(prop.allowedWhen.rule);
        structuralRules(prop.shape, out);
      }
      for (const check of shape.checks ?? []) out.push(check);
      break;
  }
  return out;
}

describe("atlas rule metadata", () => {
  const fieldRules = Object.values(atlasDefinition.fields).flatMap((spec) =>
    spec.rules.map((rule) => ({ spec: spec.name, rule })),
  );

  it("every field rule has an id atlas.<field>.<rule>, a one-line description, a source and a profile", () => {
    const ids = new Set<string>();
    for (const { spec, rule } of fieldRules) {
      expect(rule.id).toMatch(new RegExp(`^atlas\\.${spec}\\.[a-z][A-Za-z0-9]+$`));
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(atlasDocs.rules[rule.id]!.description).toMatch(/^\S.{8,}\.$/);
      expect(atlasDocs.rules[rule.id]!.description).not.toContain("\n");
      expect(atlasDocs.rules[rule.id]!.source.length).toBeGreaterThan(15);
      expect(["both", "strict"]).toContain(rule.profile);
    }
    expect(ids.size).toBe(38);
  });

  it("sources cite the Java length reading and the MongoDB limits page", () => {
    const source = (id: string) => atlasDocs.rules[id]!.source;
    for (const id of [
      "atlas.description.maxUtf16Units",
      "atlas.labelKey.maxUtf16Units",
      "atlas.username.maxUtf16Units",
    ])
      expect(source(id)).toContain("String.length() counts UTF-16 units");
    for (const id of ["atlas.roleDatabaseName.forbiddenChars", "atlas.collectionName.systemPrefix"])
      expect(source(id)).toContain("mongodb.com/docs/manual/reference/limits");
  });

  it("structural rules are atlas.<operation>.<rule> with description and source", () => {
    for (const [op, shape] of Object.entries(atlasDefinition.operations)) {
      const rules = structuralRules(shape as Shape<never>);
      expect(rules.length).toBeGreaterThan(10);
      for (const rule of rules) {
        expect(rule.id).toMatch(new RegExp(`^atlas\\.${op}\\.[a-z][A-Za-z0-9]+$`));
        expect(atlasDocs.rules[rule.id]!.description).toMatch(/^\S.{8,}\.$/);
        expect(atlasDocs.rules[rule.id]!.source.length).toBeGreaterThan(15);
      }
    }
    const create = structuralRules(atlasDefinition.operations.createUser as Shape<never>).map((r) => r.id);
    expect(create).toContain("atlas.createUser.passwordRequired");
    expect(create).toContain("atlas.createUser.passwordNotAllowed");
    const update = structuralRules(atlasDefinition.operations.updateUser as Shape<never>).map((r) => r.id);
    expect(update).not.toContain("atlas.updateUser.passwordRequired");
  });

  it("strict rules are the documented tightenings (the list is a decision, keep it reviewed)", () => {
    const strict = fieldRules.filter(({ rule }) => rule.profile === "strict").map(({ rule }) => rule.id);
    expect(strict).toEqual([
      "atlas.username.maxUtf16Units",
      "atlas.username.alphanumeric",
      "atlas.username.dotElement",
      "atlas.username.iamUserArn",
      "atlas.username.iamRoleArn",
      "atlas.username.rfc2253",
      "atlas.username.commonName",
      "atlas.username.oidcIdentity",
      "atlas.password.alphanumeric",
      "atlas.description.maxUtf16Units",
      "atlas.groupId.lowercase",
      "atlas.deleteAfterDate.rfc3339",
      "atlas.roleName.pattern",
      "atlas.roleDatabaseName.forbiddenChars",
      "atlas.roleDatabaseName.maxBytes",
      "atlas.collectionName.minLength",
      "atlas.collectionName.forbiddenChars",
      "atlas.collectionName.systemPrefix",
      "atlas.labelKey.maxUtf16Units",
      "atlas.labelValue.maxUtf16Units",
    ]);
  });

  it("every field has a label; only the password is secret", () => {
    expect(atlas.fieldNames).toEqual([
      "username",
      "password",
      "databaseName",
      "description",
      "groupId",
      "deleteAfterDate",
      "roleName",
      "roleDatabaseName",
      "collectionName",
      "scopeName",
      "labelKey",
      "labelValue",
    ]);
    const secret = Object.values(atlasDefinition.fields).filter((f) => f.secret === true);
    expect(secret.map((f) => f.name)).toEqual(["password"]);
    expect(atlas.id).toBe("atlas");
    expect(atlas.vendor).toBe("MongoDB Atlas");
    expect(atlas.operationNames).toEqual(["createUser", "updateUser"]);
  });

  it("notes say what is not a rule", () => {
    for (const authType of ATLAS_AUTH_TYPES) {
      const notes = describeRules("username", { authType }).filter((l) => l.id === "note");
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) expect(n.description.length).toBeGreaterThan(30);
    }
    const note = (field: (typeof atlas.fieldNames)[number]) =>
      describeRules(field)
        .filter((l) => l.id === "note")
        .map((l) => l.description)
        .join(" | ");
    expect(note("password")).toContain("Only for SCRAM users");
    expect(note("password")).toContain("No maximum length");
    expect(note("description")).toContain('("") clears it');
    expect(note("deleteAfterDate")).toContain("the moment it receives the request");
    expect(note("roleName")).toContain("atlasAdmin, backup, clusterMonitor");
    expect(describeRules("username", { authType: "AWS_IAM_ROLE" }).at(-1)!.description).toContain("ARN");
    expect(describeRules("username", { authType: "OIDC_WORKLOAD" }).at(-1)!.description).toContain("IdP id");
    expect(describeRules("username", { authType: "LDAP_GROUP" }).at(-1)!.description).toContain(
      "metacharacters",
    );
    expect(
      describeRules("username")
        .map((l) => l.description)
        .join(" "),
    ).toContain("@");
  });
});

describe("atlas password policy", () => {
  it("letters and digits, 24 by default, 8 to 128", () => {
    const policy = atlasDefinition.password;
    expect(policy).toMatchObject({ minLength: 8, maxLength: 128, defaultLength: 24 });
    expect(policy.alphabet).toBe("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    expect(generatePassword()).toHaveLength(24);
    expect(generatePassword({ length: 8 })).toHaveLength(8);
    expect(generatePassword({ length: 128 })).toHaveLength(128);
    for (const length of [7, 129, 8.5]) expect(() => generatePassword({ length })).toThrow(RulesError);
  });
});

describe("atlas Standard Schema", () => {
  it("validates request bodies and fields with paths", () => {
    const schema = standardSchema("createUser", { profile: "server" });
    const body = {
      groupId: "32b6e34b3d91647abb20e7b8",
      username: "user_332",
      password: "changeme123",
      databaseName: "admin",
      roles: [{ roleName: "readWrite", databaseName: "sales" }],
    };
    expect(schema["~standard"].validate(body)).toEqual({ value: body });
    const bad = schema["~standard"].validate({ ...body, roles: [{ roleName: "", databaseName: "x" }] });
    expect(bad).toMatchObject({ issues: [{ path: ["roles", 0, "roleName"] }] });
    const field = standardSchemaForField("username");
    expect(field["~standard"].validate("david")).toEqual({ value: "david" });
    expect(field["~standard"].validate("user_332")).toMatchObject({ issues: [{ path: ["username"] }] });
  });
});

describe("atlas rule factories", () => {
  const info = (secret: boolean) => ({ label: "thing", vendor: "V", secret });
  it("maxUtf16Units counts UTF-16 units and has no JSON Schema fragment", () => {
    const rule = maxUtf16Units<BaseContext>({ id: "x.y.z", max: 3 });
    expect(rule.check("😀a", { profile: "strict" })).toBeUndefined();
    expect(rule.check("😀ab", { profile: "strict" })).toEqual({ max: 3, actual: 4 });
    expect(rule.jsonSchema).toBeUndefined();
    expect(rule.profile).toBe("both");
    expect(rule.message({ max: 3, actual: 4 }, info(false))).toBe(
      "thing is 4 UTF-16 code units long; V counts characters outside the BMP twice and allows at most 3",
    );
  });
  it("forbidsCharsShown names characters, never a secret's", () => {
    const rule = forbidsCharsShown<BaseContext>({
      id: "x.y.z",
      chars: "$\u0000",
      shown: "$ NUL",
    });
    expect(rule.check("ab$", { profile: "strict" })).toEqual({ char: "$", codeUnit: 36, index: 2 });
    expect(rule.check("abc", { profile: "strict" })).toBeUndefined();
    expect(rule.jsonSchema).toEqual({ pattern: "^[^\\u0024\\u0000]*$" });
    expect(rule.message({ char: "$", codeUnit: 36, index: 2 }, info(false))).toBe(
      "thing contains U+0024 at position 3; V does not allow any of: $ NUL",
    );
    expect(rule.message({ codeUnit: 36 }, info(true))).toBe(
      "thing contains a character V does not allow (none of: $ NUL)",
    );
    expect(rule.message({}, info(false))).toBe(
      "thing contains a character V does not allow (none of: $ NUL)",
    );
  });
});
