/** Atlas usernames with a `.` or `..` element, which strict refuses (atlas.username.dotElement). */
import { describe, expect, it } from "vitest";
import type { AtlasAuthType } from "../../src/providers/atlas/index.js";
import { fc, test } from "../support/fc.js";
import * as A from "./arbitraries.js";
import { fieldIds } from "./helpers.js";

const ID = "5dd7496c7a3e5a648454341c";
const user = (v: string, authType: AtlasAuthType) => ({
  strict: fieldIds("username", v, "strict", authType),
  server: fieldIds("username", v, "server", authType),
});

describe("atlas username: dot elements", () => {
  // The clients refuse a path segment with a dot element (docs/vendors/atlas.md §5): strict refuses
  // the name first, so no user is created that could never be read, changed or deleted.
  it.each([
    [`${ID}/.`, "OIDC_WORKFORCE"],
    [`${ID}/..`, "OIDC_WORKLOAD"],
    [`${ID}/a/../b`, "OIDC_WORKFORCE"],
    [`${ID}/%2E%2e`, "OIDC_WORKFORCE"],
    [`${ID}/a%2F.%2Fb`, "OIDC_WORKFORCE"],
    [`${ID}/a%252F..`, "OIDC_WORKFORCE"],
    [String.raw`${ID}/a\..`, "OIDC_WORKFORCE"],
    ["arn:aws:iam::123456789012:role/./nightly", "AWS_IAM_ROLE"],
    ["arn:aws:iam::123456789012:user/etl/../admin", "AWS_IAM_USER"],
  ] as const)("%s (%s) breaks dotElement, in strict only", (name, t) => {
    const { strict, server } = user(name, t);
    expect(strict).toContain("atlas.username.dotElement");
    expect(server).toEqual([]);
  });

  it.each([`${ID}/a.b`, `${ID}/...`, `${ID}/.a/b.`, `${ID}/a%2E`, `${ID}/%2E%2E%2E`])(
    "%s keeps dots that are not a whole element",
    (name) => {
      expect(user(name, "OIDC_WORKFORCE").strict).not.toContain("atlas.username.dotElement");
    },
  );

  test.prop([
    fc.string({
      unit: fc.constantFrom("a", ".", "/", "\\", "%", "2", "5", "e", "E", "f", "F", "c"),
      maxLength: 16,
    }),
  ])("breaks exactly when a dot element appears, as written or percent-decoded", (tail) => {
    const name = `${ID}/${tail}`;
    expect(user(name, "OIDC_WORKFORCE").strict.includes("atlas.username.dotElement")).toBe(
      A.hasDotElement(name),
    );
  });
});
