/**
 * The README holds: its library example runs and prints what it says, its CLI walk-through runs
 * as written against the emulator (every line exits 0), and its capability table is the one
 * generated from the capability data.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
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
  // The emulator the first block starts, on a free port instead of 4010.
  const args = start!.trim().split(/\s+/);
  const token = args[args.indexOf("--token") + 1]!;
  const clusters = args.flatMap((a, i) => (args[i - 1] === "--cluster" ? [a] : []));
  const emulator = await emulatorModule.startEmulator({
    digitalocean: {
      token,
      clusters: clusters.map((c) => {
        const [engine, id] = c.split(":") as ["pg" | "mysql", string];
        return { id, engine };
      }),
    },
  });
  try {
    const cwd = mkdtempSync(join(tmpdir(), "dbusers-readme-"));
    const shell = `set -eu\ndbusers() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\n${script!.replaceAll("http://127.0.0.1:4010", emulator.url)}`;
    const { stdout, stderr } = await promisify(execFile)("bash", ["-c", shell], {
      cwd,
      env: { PATH: process.env.PATH },
    });
    expect(stderr).toContain("credentials for app-reader written to");
    expect(stdout).toContain("refused before sending: exit 2");
    expect(stdout).toContain("invalid: exit 2");
    expect(readFileSync(join(cwd, "reporting.env"), "utf8")).toMatch(/^DBUSERS_TARGET=/);
    expect(emulator.state.digitalocean.listUsers(clusters[0]!.split(":")[1]!).map((u) => u.name)).toEqual([
      "doadmin",
    ]);
  } finally {
    await emulator.close();
  }
});
