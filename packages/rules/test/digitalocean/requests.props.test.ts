/** Request properties: valid bodies pass, hostile input never throws, strict ⊆ server, secrets never leak. */

import { describe, expect } from "vitest";
import { validateRequest } from "../../src/providers/digitalocean/index.js";
import { fc, test } from "../support/fc.js";
import {
  authPlugin,
  context,
  engine,
  hostile,
  kafkaPermission,
  mongoRole,
  opensearchPermission,
  userEngine,
  validAddUser,
  validMongoDatabase,
  validSettings,
  wrongEnum,
} from "./arbitraries.js";

const OPS = ["addUser", "updateUser", "resetUserAuth"] as const;
const op = fc.constantFrom(...OPS);

/** Values that are sometimes right and sometimes wrong for any key of any body. */
const piece: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    fc.constantFrom(
      "",
      "app-01",
      "doadmin",
      "pg_x",
      "Public",
      "a:b",
      "a.b",
      "-x",
      "x".repeat(70),
      true,
      1,
      null,
    ),
    kafkaPermission,
    opensearchPermission,
    mongoRole,
    authPlugin,
    wrongEnum,
    validMongoDatabase,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        "name",
        "settings",
        "acl",
        "opensearch_acl",
        "mongo_user_settings",
        "pg_allow_replication",
        "databases",
        "role",
        "topic",
        "index",
        "permission",
        "id",
        "auth_plugin",
        "mysql_settings",
        "readonly",
        "password",
        "extra",
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe("request properties", () => {
  test.prop([userEngine.chain((e) => fc.tuple(fc.constant(e), validAddUser(e)))])(
    "generated add-user bodies pass strict and server",
    ([e, body]) => {
      expect(validateRequest("addUser", body, { engine: e })).toEqual([]);
      expect(validateRequest("addUser", body, { engine: e, profile: "server" })).toEqual([]);
    },
  );

  test.prop([userEngine.chain((e) => fc.tuple(fc.constant(e), validSettings(e)))])(
    "generated settings pass updateUser (strict except MongoDB, whose update is not implemented)",
    ([e, settings]) => {
      const out = validateRequest("updateUser", { settings }, { engine: e }).map((v) => v.rule);
      if (e === "mongodb" && "mongo_user_settings" in settings)
        expect(out).toEqual(["digitalocean.updateUser.mongo_user_settings.notImplemented"]);
      else expect(out).toEqual([]);
      expect(validateRequest("updateUser", { settings }, { engine: e, profile: "server" })).toEqual([]);
    },
  );

  test.prop([op, fc.oneof(piece, hostile), context])("validateRequest never throws", (o, body, ctx) => {
    const out = validateRequest(o, body, ctx);
    expect(Array.isArray(out)).toBe(true);
    for (const v of out) {
      expect(typeof v.path).toBe("string");
      expect(v.rule).toMatch(/^digitalocean\./);
    }
  });

  test.prop([op, piece, fc.option(engine, { nil: undefined })])("strict ⊆ server", (o, body, e) => {
    if (validateRequest(o, body, { engine: e, profile: "strict" }).length === 0)
      expect(validateRequest(o, body, { engine: e, profile: "server" })).toEqual([]);
  });

  test.prop([piece, fc.string({ minLength: 4 }), context])(
    "a password or access key never appears in the violations (they do not depend on its value)",
    (body, secret, ctx) => {
      const base = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
      const run = (s: string) =>
        JSON.stringify(validateRequest("addUser", { ...base, password: s, access_key: s }, ctx));
      expect(run(secret)).toBe(run("\u2022\u2022\u2022\u2022"));
    },
  );
});
