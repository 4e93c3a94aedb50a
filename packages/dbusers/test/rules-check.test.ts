/**
 * The desired-state rules check builds the body each vendor's adapter would send and points every
 * violation at the user's own field (`roles[0].role`, `databases[1]`, `name`).
 */
import { describe, expect, test } from "vitest";
import { checkUserRules } from "../src/plan/rules-check.js";
import type { TargetRef } from "../src/target-ref.js";

const atlas: TargetRef = { vendor: "atlas", id: "32b6e34b3d91647abb20e7b8" };
const rackspace: TargetRef = { vendor: "rackspace", id: "dcc5c518-73c7-4471-83e1-15fae67a98eb" };
const at = (violations: readonly { at: readonly (string | number)[] }[]) => violations.map((v) => v.at);

describe("Atlas", () => {
  test("a valid SCRAM user with roles passes (its password is generated, the project is the target)", () => {
    expect(
      checkUserRules("atlas", { name: "app-reader", roles: [{ role: "read", database: "sales" }] }, atlas),
    ).toEqual([]);
  });

  test("a valid AWS IAM user passes without a password", () => {
    const spec = {
      name: "arn:aws:iam::123456789012:role/reader",
      authType: "AWS_IAM_ROLE" as const,
      roles: [{ role: "read", database: "sales" }],
    };
    expect(checkUserRules("atlas", spec, atlas)).toEqual([]);
  });

  test("violations point at the file's fields", () => {
    const violations = checkUserRules(
      "atlas",
      {
        name: "bad name!",
        roles: [{ role: "read", database: "" }],
        description: "x".repeat(101),
      },
      atlas,
    );
    expect(at(violations)).toEqual(
      expect.arrayContaining([["name"], ["roles", 0, "database"], ["description"]]),
    );
  });

  test("an ARN auth type with a plain name is refused on the name", () => {
    const violations = checkUserRules(
      "atlas",
      { name: "plain", authType: "AWS_IAM_USER", roles: [{ role: "read", database: "a" }] },
      atlas,
    );
    expect(at(violations)).toContainEqual(["name"]);
  });
});

describe("Rackspace", () => {
  test("a valid user with a host and databases passes", () => {
    expect(
      checkUserRules("rackspace", { name: "etl", host: "10.0.0.%", databases: ["warehouse"] }, rackspace),
    ).toEqual([]);
  });

  test("violations point at name, host and the database's index", () => {
    const violations = checkUserRules(
      "rackspace",
      { name: "x".repeat(17), host: "10.0", databases: ["ok_db", "bad.db"] },
      rackspace,
    );
    expect(at(violations)).toEqual(expect.arrayContaining([["name"], ["host"], ["databases", 1]]));
    expect(at(violations).every((path) => path[0] !== "password" && path[0] !== "users")).toBe(true);
  });
});
