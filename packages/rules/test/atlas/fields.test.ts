import { describe, expect, it } from "vitest";
import { type AtlasAuthType, atlas, validateField } from "../../src/providers/atlas/index.js";
import { fieldIds } from "./helpers.js";

type Field = (typeof atlas.fieldNames)[number];
const both = (field: Field, v: unknown, authType: AtlasAuthType = "SCRAM") => ({
  strict: fieldIds(field, v, "strict", authType),
  server: fieldIds(field, v, "server", authType),
});
const ok = { strict: [], server: [] };
const bothFail = (...ids: string[]) => ({ strict: ids, server: ids });
const strictFail = (...ids: string[]) => ({ strict: ids, server: [] });

describe("atlas databaseName (auth database)", () => {
  const table: [AtlasAuthType, string][] = [
    ["SCRAM", "admin"],
    ["AWS_IAM_USER", "$external"],
    ["AWS_IAM_ROLE", "$external"],
    ["X509_MANAGED", "$external"],
    ["X509_CUSTOMER", "$external"],
    ["LDAP_USER", "$external"],
    ["LDAP_GROUP", "admin"],
    ["OIDC_WORKFORCE", "admin"],
    ["OIDC_WORKLOAD", "$external"],
  ];
  it.each(table)("%s authenticates against %s (atlas.md §7, §8 items 2 and 3)", (authType, db) => {
    const other = db === "admin" ? "$external" : "admin";
    expect(both("databaseName", db, authType)).toEqual(ok);
    expect(both("databaseName", other, authType)).toEqual(bothFail("atlas.databaseName.authDatabase"));
    const [v] = validateField("databaseName", other, { authType });
    expect(v!.params).toEqual({ expected: db, authType });
    expect(v!.message).toBe(
      `authentication database must be "${db}" for ${authType} users on MongoDB Atlas, not the other one`,
    );
  });
  it("only admin and $external exist (SPEC enum)", () => {
    for (const v of ["Admin", "external", "%24external", "", "local"])
      expect(both("databaseName", v)).toEqual(bothFail("atlas.databaseName.enum"));
    const [v] = validateField("databaseName", "local");
    expect(v!.params).toEqual({ allowed: ["admin", "$external"] });
    expect(v!.message).toBe('authentication database must be "admin" or "$external" on MongoDB Atlas');
  });
});

describe("atlas password", () => {
  it("min 8 (SPEC): 7 fails, 8 passes; the seed changeme123 passes", () => {
    expect(both("password", "abcdefg")).toEqual(bothFail("atlas.password.minLength"));
    expect(both("password", "abcdefgh")).toEqual(ok);
    expect(both("password", "changeme123")).toEqual(ok);
    expect(both("password", "")).toEqual(bothFail("atlas.password.minLength"));
    const [v] = validateField("password", "abc");
    expect(v).toEqual({
      path: "password",
      rule: "atlas.password.minLength",
      message: "password is 3 characters; MongoDB Atlas requires at least 8",
      params: { min: 8, actual: 3 },
    });
  });
  it("what MongoDB's own tools send (password1!, test-acc-password, base64) passes both profiles", () => {
    expect(both("password", "password1!")).toEqual(ok);
    expect(both("password", "test-acc-password")).toEqual(ok);
    expect(both("password", "aGVsbG8+d29y/ZA==")).toEqual(ok);
  });
  it("other symbols are strict-only failures, and the message never shows the password", () => {
    expect(both("password", "secret#password")).toEqual(strictFail("atlas.password.alphanumeric"));
    const [v] = validateField("password", "secret password");
    expect(v!.message).toBe(
      "password has a character other than A–Z, a–z, 0–9 and + / = ! -; MongoDB Atlas documents passwords as alphanumeric and its own tools add only these",
    );
    expect(JSON.stringify(v)).not.toContain("secret password");
  });
  it("no maximum is published: a 10 000-character password passes", () => {
    expect(both("password", "a".repeat(10_000))).toEqual(ok);
  });
});

describe("atlas description, groupId, labels", () => {
  it('description ≤ 100 (SPEC, AKO); empty allowed (TF clears with "")', () => {
    expect(both("description", "")).toEqual(ok);
    expect(both("description", "d".repeat(100))).toEqual(ok);
    expect(both("description", "d".repeat(101))).toEqual({
      strict: ["atlas.description.maxLength", "atlas.description.maxUtf16Units"],
      server: ["atlas.description.maxLength"],
    });
    expect(both("description", `${"d".repeat(98)}😀`)).toEqual(ok);
    expect(both("description", `${"d".repeat(99)}😀`)).toEqual(strictFail("atlas.description.maxUtf16Units"));
    const [v] = validateField("description", "d".repeat(101), { profile: "server" });
    expect(v!.message).toBe("description is 101 characters; MongoDB Atlas allows at most 100");
  });
  it("groupId: 24 hex; upper case only on the server", () => {
    expect(both("groupId", "32b6e34b3d91647abb20e7b8")).toEqual(ok);
    expect(both("groupId", "32B6E34B3D91647ABB20E7B8")).toEqual(strictFail("atlas.groupId.lowercase"));
    for (const v of ["32b6e34b3d91647abb20e7b", "32b6e34b3d91647abb20e7b80", "32b6e34b3d91647abb20e7bg", ""])
      expect(both("groupId", v)).toEqual(bothFail("atlas.groupId.objectId"));
    expect(both("groupId", "32b6e34b3d91647abb20e7G8")).toEqual(bothFail("atlas.groupId.objectId"));
    expect(validateField("groupId", "x")[0]!.message).toBe(
      "project id must be 24 hexadecimal digits (a MongoDB Atlas project id)",
    );
    expect(validateField("groupId", "A".repeat(24))[0]!.message).toContain("lower case");
  });
  it.each(["labelKey", "labelValue"] as const)("%s is 1..255 (SPEC ComponentLabel)", (f) => {
    expect(both(f, "k")).toEqual(ok);
    expect(both(f, "k".repeat(255))).toEqual(ok);
    expect(both(f, "")).toEqual(bothFail(`atlas.${f}.minLength`));
    expect(both(f, "k".repeat(256))).toEqual({
      strict: [`atlas.${f}.maxLength`, `atlas.${f}.maxUtf16Units`],
      server: [`atlas.${f}.maxLength`],
    });
    expect(both(f, "😀".repeat(128))).toEqual(strictFail(`atlas.${f}.maxUtf16Units`));
    expect(both(f, `${"k".repeat(253)}😀`)).toEqual(ok);
    const label = f === "labelKey" ? "label key" : "label value";
    expect(validateField(f, "k".repeat(256))[0]!.message).toBe(
      `${label} is 256 characters; MongoDB Atlas allows at most 255`,
    );
    expect(validateField(f, "")[0]!.message).toBe(
      `${label} is empty; MongoDB Atlas requires at least 1 character`,
    );
  });
});

describe("atlas roles and scopes fields", () => {
  it("roleName: built-ins and custom names (DOCS api-errors custom role name rule)", () => {
    for (const v of ["readWrite", "atlasAdmin", "my-role_1", "9lives"])
      expect(both("roleName", v)).toEqual(ok);
    expect(both("roleName", "")).toEqual(bothFail("atlas.roleName.minLength"));
    for (const v of ["-role", "_role", "my role", "röle", "a.b", "<a custom role name>"])
      expect(both("roleName", v)).toEqual(strictFail("atlas.roleName.pattern"));
    expect(validateField("roleName", "a b")[0]!.message).toBe(
      "role name is neither a built-in role nor a possible custom role name (ASCII letters, digits, - and _, starting with a letter or digit) on MongoDB Atlas",
    );
    expect(atlas.describeRules("roleName").at(-1)!.description).toContain("readWriteAnyDatabase");
  });
  it("role databaseName: non-empty; MongoDB naming limits in strict", () => {
    expect(both("roleDatabaseName", "sales")).toEqual(ok);
    expect(both("roleDatabaseName", "admin")).toEqual(ok);
    expect(both("roleDatabaseName", "")).toEqual(bothFail("atlas.roleDatabaseName.minLength"));
    for (const c of ["/", "\\", ".", " ", '"', "$", "*", "<", ">", ":", "|", "?", "\u0000"])
      expect(both("roleDatabaseName", `a${c}b`)).toEqual(strictFail("atlas.roleDatabaseName.forbiddenChars"));
    expect(both("roleDatabaseName", "d".repeat(63))).toEqual(ok);
    expect(both("roleDatabaseName", "d".repeat(64))).toEqual(strictFail("atlas.roleDatabaseName.maxBytes"));
    expect(both("roleDatabaseName", "é".repeat(32))).toEqual(strictFail("atlas.roleDatabaseName.maxBytes"));
    const [v] = validateField("roleDatabaseName", "a\u0000b");
    expect(v!.params).toEqual({ char: "\u0000", codeUnit: 0, index: 1 });
    expect(v!.message).toBe(
      'role database contains U+0000 at position 2; MongoDB Atlas does not allow any of: / \\ . space " $ * < > : | ? NUL',
    );
  });
  it("collectionName: MongoDB collection naming limits in strict", () => {
    expect(both("collectionName", "orders.2026")).toEqual(ok);
    expect(both("collectionName", "")).toEqual(strictFail("atlas.collectionName.minLength"));
    expect(both("collectionName", "a$b")).toEqual(strictFail("atlas.collectionName.forbiddenChars"));
    expect(both("collectionName", "a\u0000")).toEqual(strictFail("atlas.collectionName.forbiddenChars"));
    expect(both("collectionName", "system.users")).toEqual(strictFail("atlas.collectionName.systemPrefix"));
    expect(both("collectionName", "systemusers")).toEqual(ok);
    expect(validateField("collectionName", "$x")[0]!.message).toBe(
      "collection name contains U+0024 at position 1; MongoDB Atlas does not allow any of: $ NUL",
    );
    expect(validateField("collectionName", "system.x")[0]!.message).toBe(
      'collection name starts with "system.", which MongoDB Atlas reserves',
    );
  });
  it("scope name: SPEC UserScope pattern", () => {
    for (const v of ["myCluster", "Cluster0", "a", "0-a-"]) expect(both("scopeName", v)).toEqual(ok);
    for (const v of ["", "-a", "a_b", "a b", "é"])
      expect(both("scopeName", v)).toEqual(bothFail("atlas.scopeName.pattern"));
    expect(validateField("scopeName", "-a")[0]!.message).toBe(
      "scope name must start with a letter or digit and hold only letters, digits and hyphens on MongoDB Atlas",
    );
  });
});

describe("atlas field errors", () => {
  it("non-strings give <provider>.<field>.type; unknown fields give atlas.field.unknown", () => {
    expect(fieldIds("username", 42)).toEqual(["atlas.username.type"]);
    expect(fieldIds("deleteAfterDate", new Date())).toEqual(["atlas.deleteAfterDate.type"]);
    expect(atlas.validateField("nope" as never, "x").map((v) => v.rule)).toEqual(["atlas.field.unknown"]);
  });
});
