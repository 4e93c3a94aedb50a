/** updateUser and resetUserAuth examples (the OpenAPI examples pass; every gate fails at its path). */
import { describe, expect, it } from "vitest";
import { USER_MANAGEMENT_ENGINES, validateRequest } from "../../src/providers/digitalocean/index.js";
import { check, server } from "./request-cases.js";

describe("updateUser", () => {
  it("accepts the OpenAPI examples", () => {
    expect(check("updateUser", { settings: { pg_allow_replication: true } }, { engine: "pg" })).toEqual([]);
    const acl = [
      { id: "acl128aaaa99239", permission: "produceconsume", topic: "customer-events" },
      { id: "acl293098flskdf", permission: "produce", topic: "customer-events.*" },
      { id: "acl128ajei20123", permission: "consume", topic: "customer-events" },
    ];
    expect(check("updateUser", { settings: { acl } }, { engine: "kafka" })).toEqual([]);
    expect(check("updateUser", { settings: {} })).toEqual([]);
  });

  it("requires settings and allows no other key, in both profiles", () => {
    expect(check("updateUser", {})).toEqual([["settings", "digitalocean.request.required"]]);
    for (const ctx of [{}, server()]) {
      expect(validateRequest("updateUser", { settings: {}, name: "renamed" }, ctx)).toEqual([
        {
          path: "name",
          rule: "digitalocean.request.unknownKey",
          message: "name is not accepted by DigitalOcean here; allowed: settings",
          params: { key: "name", allowed: ["settings"] },
        },
      ]);
    }
  });

  it("applies the same engine gates", () => {
    expect(check("updateUser", { settings: { acl: [] } }, { engine: "pg" })).toEqual([
      ["settings.acl", "digitalocean.settings.acl.engine"],
    ]);
    expect(check("updateUser", { settings: { pg_allow_replication: 1 } }, { engine: "pg" })).toEqual([
      ["settings.pg_allow_replication", "digitalocean.request.type"],
    ]);
  });

  it("refuses mongo_user_settings in strict (the server answered Not Implemented)", () => {
    const body = { settings: { mongo_user_settings: { role: "readOnly" } } };
    expect(validateRequest("updateUser", body, { engine: "mongodb" })).toEqual([
      {
        path: "settings.mongo_user_settings",
        rule: "digitalocean.updateUser.mongo_user_settings.notImplemented",
        message:
          'settings.mongo_user_settings cannot be changed by an update: DigitalOcean answered "Not Implemented" (set it when adding the user instead)',
        params: {},
      },
    ]);
    expect(check("updateUser", body)).toEqual([
      ["settings.mongo_user_settings", "digitalocean.updateUser.mongo_user_settings.notImplemented"],
    ]);
    expect(check("updateUser", body, server("mongodb"))).toEqual([]);
    expect(check("updateUser", body, { engine: "pg" })).toEqual([
      ["settings.mongo_user_settings", "digitalocean.settings.mongo_user_settings.engine"],
      ["settings.mongo_user_settings", "digitalocean.updateUser.mongo_user_settings.notImplemented"],
    ]);
    expect(check("addUser", { name: "a", ...body }, { engine: "mongodb" })).toEqual([]);
  });
});

describe("resetUserAuth", () => {
  it("accepts an empty body and, on MySQL, a new auth plugin", () => {
    for (const e of [undefined, ...USER_MANAGEMENT_ENGINES])
      expect(check("resetUserAuth", {}, { engine: e })).toEqual([]);
    const body = { mysql_settings: { auth_plugin: "caching_sha2_password" } };
    expect(check("resetUserAuth", body, { engine: "mysql" })).toEqual([]);
    expect(check("resetUserAuth", body)).toEqual([]);
    expect(check("resetUserAuth", body, { engine: "pg" })).toEqual([
      ["mysql_settings", "digitalocean.mysql_settings.engine"],
    ]);
    expect(check("resetUserAuth", body, server("pg"))).toEqual([]);
    expect(check("resetUserAuth", { mysql_settings: { auth_plugin: "x" } }, { engine: "mysql" })).toEqual([
      ["mysql_settings.auth_plugin", "digitalocean.mysql_settings.auth_plugin.enum"],
    ]);
  });

  it("refuses unknown keys in strict only, and non-objects", () => {
    expect(check("resetUserAuth", { password: "x" })).toEqual([
      ["password", "digitalocean.request.unknownKey"],
    ]);
    expect(check("resetUserAuth", { password: "x" }, server())).toEqual([]);
    expect(check("resetUserAuth", undefined)).toEqual([["", "digitalocean.request.type"]]);
  });
});

it("unknown operations are reported, not thrown", () => {
  expect(validateRequest("deleteUser" as never, {})).toEqual([
    {
      path: "operation",
      rule: "digitalocean.operation.unknown",
      message: "deleteUser is not a DigitalOcean operation; known: addUser, updateUser, resetUserAuth",
      params: { known: ["addUser", "updateUser", "resetUserAuth"] },
    },
  ]);
});
