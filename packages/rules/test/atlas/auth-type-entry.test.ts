/**
 * `@dbusers/rules/atlas/auth-type` is the full entry's `atlasAuthTypeOf` and `ATLAS_AUTH_DATABASE`,
 * the same objects, and nothing else: code that only maps users reads them without loading any
 * validator.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import * as authType from "../../src/providers/atlas/auth-type.js";
import * as full from "../../src/providers/atlas/index.js";

it("exports the full entry's two names, as the same objects", () => {
  expect(Object.keys(authType).sort()).toEqual(["ATLAS_AUTH_DATABASE", "atlasAuthTypeOf"]);
  expect(authType.atlasAuthTypeOf).toBe(full.atlasAuthTypeOf);
  expect(authType.ATLAS_AUTH_DATABASE).toBe(full.ATLAS_AUTH_DATABASE);
});

it("loads auth.ts alone, which imports no other module's code", () => {
  const imports = (file: string) =>
    [
      ...readFileSync(new URL(`../../src/providers/atlas/${file}`, import.meta.url), "utf8").matchAll(
        /^(?:import|export)(?! type)[^;]*? from "([^"]+)"/gm,
      ),
    ].map((m) => m[1]);
  expect(imports("auth-type.ts")).toEqual(["./auth.js"]);
  expect(imports("auth.ts")).toEqual([]);
});

it("is a subpath of the package", () => {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  expect(manifest.exports["./atlas/auth-type"]).toEqual({
    types: "./dist/providers/atlas/auth-type.d.ts",
    default: "./dist/providers/atlas/auth-type.js",
  });
});
