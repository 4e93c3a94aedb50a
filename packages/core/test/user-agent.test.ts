import { describe, expect, it } from "vitest";
import { buildUserAgent } from "../src/index.js";

describe("buildUserAgent", () => {
  it("names the product, its version and the runtime", () => {
    expect(buildUserAgent({ name: "@dbusers/atlas", version: "1.2.0" })).toBe(
      `dbusers-atlas/1.2.0 node/${process.versions.node}`,
    );
  });

  it("accepts several products and plain strings", () => {
    expect(buildUserAgent({ name: "dbusers", version: "0.1.0" }, "ci")).toMatch(
      /^dbusers\/0\.1\.0 ci node\//,
    );
  });

  it("cannot be used to inject a header line", () => {
    const agent = buildUserAgent({ name: "x\r\nAuthorization: Bearer y", version: "1 (evil)" });
    expect(agent).not.toMatch(/[\r\n]/);
    expect(agent.split(" ")[0]).toBe("x-Authorization-Bearer-y/1-evil");
  });
});
