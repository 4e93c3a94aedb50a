/**
 * The README holds: its library example runs and prints what it says, its CLI walk-through runs
 * as written against the emulator (every line exits 0), and its capability table is the one
 * generated from the capability data.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as emulatorModule from "@dbusers/emulator";
import { expect, test } from "vitest";
import * as dbusersModule from "../src/index.js";
import { BIN } from "./support/emulator.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

function blocks(heading: string, info: string): string[] {
  const start = readme.indexOf(heading);
  if (start < 0) throw new Error(`no ${heading} in the README`);
  const rest = readme.slice(start + heading.length);
  const section = rest.slice(0, rest.search(/\n## /) < 0 ? undefined : rest.search(/\n## /));
  return [...section.matchAll(new RegExp(`\`\`\`${info}[^\\n]*\\n([\\s\\S]*?)\`\`\``, "g"))].map(
    (m) => m[1]!,
  );
}

test("the capability table is generated from the capability data", () => {
  const table = /<!-- capabilities:start -->\n([\s\S]*?)\n<!-- capabilities:end -->/.exec(readme)?.[1];
  expect(table).toBe(dbusersModule.capabilityTable(dbusersModule.CAPABILITIES));
});

test("the library example prints what the README says", async () => {
  const lines: string[] = [];
  const modules: Record<string, unknown> = { dbusers: dbusersModule, "@dbusers/emulator": emulatorModule };
  const body = blocks("## Library", "ts")[0]!.replace(
    /^import \{([^}]+)\} from "([^"]+)";$/gm,
    (_all, names: string, from: string) => `const {${names}} = modules[${JSON.stringify(from)}];`,
  );
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction("modules", "console", body)(modules, {
    log: (...values: unknown[]) => lines.push(values.join(" ")),
  });
  expect(lines.join("\n")).toBe(blocks("## Library", "text")[0]!.trimEnd());
});

test("every CLI command of the walk-through runs as written against the emulator", async () => {
  const [start, script] = blocks("### Try every command against the emulator", "sh");
  // The state file the first block writes, and the emulator it starts (on a free port, not 4010).
  const state = /<<'YAML'\n([\s\S]*?)\nYAML\n/.exec(start!)?.[1];
  expect(start).toContain("npx dbusers-emulator --port 4010 --state emulator-state.yaml");
  const cwd = mkdtempSync(join(tmpdir(), "dbusers-readme-"));
  writeFileSync(join(cwd, "emulator-state.yaml"), `${state}\n`);
  const emulator = await emulatorModule.startEmulator({
    ...(await emulatorModule.readStateFile(join(cwd, "emulator-state.yaml"))),
  });
  try {
    const shell = `set -eu\ndbusers() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\n${script!.replaceAll("http://127.0.0.1:4010", emulator.url)}`;
    const { stdout, stderr } = await promisify(execFile)("bash", ["-c", shell], {
      cwd,
      env: { PATH: process.env.PATH },
    });
    expect(stderr).toContain("credentials for app-reader written to");
    expect(stdout).toContain("refused before sending: exit 2");
    expect(stdout).toContain("invalid: exit 2");
    expect(readFileSync(join(cwd, "reporting.env"), "utf8")).toMatch(/^DBUSERS_TARGET=/);
    expect(
      emulator.state.digitalocean.listUsers("9cc10173-e9ea-4176-9dbc-a4cee4c4ff30").map((u) => u.name),
    ).toEqual(["doadmin"]);
    // Atlas: analyst (rotated, its password in analyst.json) and the AWS IAM role are left.
    const atlas = emulator.state.atlas.users("5f0c3a9b2d1e4f6a7b8c9d0e");
    expect(atlas.map((u) => u.username).sort()).toEqual(["analyst", "arn:aws:iam::123456789012:role/etl"]);
    const analyst = JSON.parse(readFileSync(join(cwd, "analyst.json"), "utf8")) as { password: string };
    expect(
      emulator.state.atlas.hasPassword("5f0c3a9b2d1e4f6a7b8c9d0e", "admin", "analyst", analyst.password),
    ).toBe(true);
    expect(atlas.find((u) => u.username === "analyst")).toMatchObject({ description: "read-only now" });
    // Rackspace: etl was granted sales, renamed, re-hosted, rotated and deleted.
    expect(emulator.state.rackspace.instance("8d5e5b7c-2f3a-4c1e-9b6d-0a1f2e3d4c5b").users).toEqual([]);
    expect(readFileSync(join(cwd, "etl.env"), "utf8")).toMatch(/^DBUSERS_TARGET='rackspace:/);
    for (const secret of [analyst.password, "Chosen-Passw0rd-1", "example-atlas-private-key"]) {
      expect(stdout + stderr).not.toContain(secret);
    }
  } finally {
    await emulator.close();
  }
});
