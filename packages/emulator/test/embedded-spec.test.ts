/**
 * The package carries its own copy of specs/<vendor>/openapi.yaml (npm users have no specs/).
 * This fails when someone edits the spec and forgets `pnpm generate`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  EMBEDDED_VENDORS,
  embeddedPath,
  expectedEmbeddedSpec,
  renderEmbeddedSpec,
} from "../scripts/embed-spec.js";
import { spec } from "../src/generated/digitalocean-spec.js";

describe("the embedded spec", () => {
  it.each(EMBEDDED_VENDORS)("src/generated/%s-spec.ts matches its specs/ folder", (vendor) => {
    const committed = readFileSync(embeddedPath(vendor), "utf8");
    expect(
      committed === expectedEmbeddedSpec(vendor),
      "stale: run `pnpm generate` after editing specs/",
    ).toBe(true);
  });

  it("holds every DigitalOcean user operation the emulator serves", () => {
    const ids = Object.values(spec.paths).flatMap((item) =>
      Object.values(item).map((op) => (op as { operationId?: string }).operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        "databases_add_user",
        "databases_delete_user",
        "databases_get_user",
        "databases_list_users",
        "databases_reset_auth",
        "databases_update_user",
      ]),
    );
  });

  it("refuses a YAML file that is not an OpenAPI document", () => {
    expect(() => renderEmbeddedSpec("x", "just: yaml\n")).toThrow(/not an OpenAPI document/);
  });
});
