import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readVersionConstant, syncVersionConstants } from "../../src/release/versions.js";

function fakePackage(version: string, source?: string) {
  const dir = mkdtempSync(join(tmpdir(), "dbusers-version-"));
  if (source !== undefined) {
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "version.ts"), source);
  }
  return { folder: "x", dir, manifest: { name: "@dbusers/x", version } };
}

describe("syncVersionConstants", () => {
  it("writes package.json's version into src/version.ts and keeps the rest of the file", () => {
    const pkg = fakePackage("1.2.0", '/** doc */\nexport const VERSION = "0.0.0";\n');
    expect(syncVersionConstants([pkg])).toEqual([join(pkg.dir, "src", "version.ts")]);
    expect(readFileSync(join(pkg.dir, "src", "version.ts"), "utf8")).toBe(
      '/** doc */\nexport const VERSION = "1.2.0";\n',
    );
    expect(readVersionConstant(pkg.dir)).toBe("1.2.0");
  });

  it("leaves equal versions and packages without the file alone", () => {
    expect(
      syncVersionConstants([fakePackage("1.0.0", 'export const VERSION = "1.0.0";\n'), fakePackage("2.0.0")]),
    ).toEqual([]);
  });

  it("refuses a version.ts it cannot rewrite, naming the file", () => {
    const pkg = fakePackage("1.0.0", "export const VERSION = pkg.version;\n");
    expect(() => syncVersionConstants([pkg])).toThrow(
      /version\.ts has no line `export const VERSION = "x\.y\.z";`/,
    );
  });
});
