import { describe, expect, it } from "vitest";
import { type AtlasAuthType, atlasAuthTypeOf, validateRequest } from "../../src/providers/atlas/index.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import * as A from "./arbitraries.js";
import { authDb, TYPE_FIELDS, validBody } from "./bodies.js";
import { NOW } from "./helpers.js";

const run = (
  op: "createUser" | "updateUser",
  body: unknown,
  profile: "strict" | "server",
  authType?: AtlasAuthType,
) =>
  validateRequest(op, body, { profile, now: NOW, ...(authType ? { authType } : {}) }).map(
    (v) => `${v.path} ${v.rule}`,
  );

describe("atlas request properties", () => {
  test.prop([validBody])(
    "generated valid bodies pass createUser and updateUser in both profiles",
    ({ t, body }) => {
      expect(atlasAuthTypeOf(body)).toBe(t);
      expect(run("createUser", body, "strict")).toEqual([]);
      expect(run("createUser", body, "server")).toEqual([]);
      expect(run("updateUser", body, "strict", t)).toEqual([]);
      expect(run("updateUser", body, "server")).toEqual([]);
    },
  );

  test.prop([validBody, fc.constantFrom("databaseName", "groupId", "roles", "username")])(
    "dropping a required key fails atlas.request.required at that key",
    ({ body }, key) => {
      const { [key]: _, ...rest } = body;
      expect(run("createUser", rest, "server")).toEqual([`${key} atlas.request.required`]);
      expect(run("updateUser", rest, "server")).not.toContain(`${key} atlas.request.required`);
    },
  );

  test.prop([validBody, fc.constantFrom("links", "id", "pwd", "Roles")])(
    "an unknown key fails only in strict",
    ({ body }, key) => {
      const extra = { ...body, [key]: [] };
      expect(run("createUser", extra, "strict")).toEqual([`${key} atlas.request.unknownKey`]);
      expect(run("createUser", extra, "server")).toEqual([]);
    },
  );

  test.prop([validBody])("the other auth database fails only authDatabase", ({ t, body }) => {
    const other = { ...body, databaseName: authDb(t) === "admin" ? "$external" : "admin" };
    expect(run("createUser", other, "server")).toEqual(["databaseName atlas.databaseName.authDatabase"]);
  });

  test.prop([validBody.filter(({ t }) => t !== "SCRAM"), A.validPassword])(
    "a password on a non-SCRAM body fails passwordNotAllowed",
    ({ body }, password) => {
      expect(run("createUser", { ...body, password }, "server")).toEqual([
        "password atlas.createUser.passwordNotAllowed",
      ]);
    },
  );

  test.prop([validBody.filter(({ t }) => t !== "SCRAM")])(
    "a second auth type fails oneAuthType",
    ({ t, body }) => {
      const field = TYPE_FIELDS[t].x509Type ? { ldapAuthType: "GROUP" } : { x509Type: "CUSTOMER" };
      const ids = run("createUser", { ...body, ...field }, "server");
      expect(ids.some((id) => id.endsWith(" atlas.createUser.oneAuthType"))).toBe(true);
    },
  );

  test.prop([validBody])("empty roles fail rolesMinItems", ({ body }) => {
    expect(run("createUser", { ...body, roles: [] }, "server")).toEqual([
      "roles atlas.createUser.rolesMinItems",
    ]);
  });

  const mutated = fc.tuple(
    validBody,
    fc.dictionary(
      fc.constantFrom(
        "username",
        "password",
        "databaseName",
        "roles",
        "scopes",
        "labels",
        "x509Type",
        "links",
        "description",
      ),
      fc.oneof(
        A.mixedString,
        fc.constant([]),
        fc.constant([{ roleName: "readWriteAnyDatabase", databaseName: "x" }]),
        fc.constant([{ key: "k" }]),
        fc.constant("NONE"),
        fc.constant("CUSTOMER"),
      ),
      { maxKeys: 3 },
    ),
  );
  test.prop([mutated, fc.constantFrom("createUser" as const, "updateUser" as const), A.authType], {
    numRuns: runs(300),
  })("a body strict accepts, the server accepts", ([{ body }, patch], op, authType) => {
    const b = { ...body, ...patch };
    if (run(op, b, "strict", authType).length === 0) expect(run(op, b, "server", authType)).toEqual([]);
  });

  test.prop([fc.anything(), fc.constantFrom("createUser" as const, "updateUser" as const), A.profile])(
    "never throws on anything",
    (body, op, profile) => {
      expect(Array.isArray(validateRequest(op, body, { profile }))).toBe(true);
      expect(
        Array.isArray(validateRequest(op, { roles: [body], labels: [body], scopes: body, username: body })),
      ).toBe(true);
    },
  );

  it("never throws on throwing getters and hostile Proxies", () => {
    const getter = Object.defineProperty({ databaseName: "admin" }, "username", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const keysThrow = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("nope");
        },
      },
    );
    const getThrows = new Proxy(
      { roleName: "read" },
      {
        get: () => {
          throw new Error("nope");
        },
      },
    );
    const arrayGetter = Object.defineProperty([{}], "0", {
      get() {
        throw new Error("x");
      },
    });
    for (const body of [
      getter,
      keysThrow,
      { roles: [getThrows] },
      { roles: arrayGetter },
      { x509Type: keysThrow },
      getThrows,
    ]) {
      for (const op of ["createUser", "updateUser"] as const) {
        expect(() => validateRequest(op, body)).not.toThrow();
        expect(() => atlasAuthTypeOf(body)).not.toThrow();
      }
    }
    expect(validateRequest("createUser", getter).map((v) => [v.path, v.rule])).toContainEqual([
      "username",
      "atlas.request.unreadable",
    ]);
    expect(validateRequest("createUser", keysThrow).map((v) => v.rule)).toEqual(["atlas.request.unreadable"]);
    expect(
      atlasAuthTypeOf(
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("x");
            },
          },
        ),
      ),
    ).toBe("SCRAM");
  });

  it("atlasAuthTypeOf reads the four type fields in a fixed order", () => {
    expect(atlasAuthTypeOf(undefined)).toBe("SCRAM");
    expect(atlasAuthTypeOf("USER")).toBe("SCRAM");
    expect(atlasAuthTypeOf({ awsIAMType: "NONE", x509Type: "NONE" })).toBe("SCRAM");
    expect(atlasAuthTypeOf({ awsIAMType: "BOGUS" })).toBe("SCRAM");
    expect(atlasAuthTypeOf({ oidcAuthType: "USER", ldapAuthType: "GROUP" })).toBe("LDAP_GROUP");
    expect(atlasAuthTypeOf({ oidcAuthType: "USER", x509Type: "MANAGED", awsIAMType: "ROLE" })).toBe(
      "AWS_IAM_ROLE",
    );
    for (const [t, fields] of Object.entries(TYPE_FIELDS)) expect(atlasAuthTypeOf(fields)).toBe(t);
    expect(atlasAuthTypeOf({ awsIAMType: "toString" })).toBe("SCRAM");
    expect(atlasAuthTypeOf({ awsIAMType: ["USER"] })).toBe("SCRAM");
    expect(atlasAuthTypeOf({ x509Type: { toString: () => "MANAGED" } })).toBe("SCRAM");
    expect(atlasAuthTypeOf(null)).toBe("SCRAM");
  });
});
