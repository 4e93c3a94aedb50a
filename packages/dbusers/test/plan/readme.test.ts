/**
 * The README's plan/apply section holds: its dbusers.yaml (over DigitalOcean, Atlas and Rackspace)
 * is valid, its invalid variant prints exactly the error shown, and its shell walk-through runs as
 * written against an emulator started from its emulator.yaml, and prints the plan shown.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type EmulatorOptions, startEmulator } from "@dbusers/emulator";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { BIN } from "./support.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const HEADING = "## Desired state: `dbusers plan` and `dbusers apply`";

function blocks(info: string): string[] {
  const start = readme.indexOf(HEADING);
  if (start < 0) throw new Error(`no ${HEADING} in the README`);
  const rest = readme.slice(start + HEADING.length);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(new RegExp(`\`\`\`${info}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1]!);
}

const run = promisify(execFile);
const shell = (script: string, cwd: string, env: Record<string, string> = {}) =>
  run(
    "sh",
    [
      "-c",
      `set -eu\ndbusers() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\n${script}`,
    ],
    {
      cwd,
      env: { PATH: process.env.PATH, ...env },
    },
  );

test("the README's file, error, walk-through and plan output are what dbusers does", async () => {
  const [yaml, emulatorYaml] = blocks("yaml");
  const [error, firstPlan] = blocks("text");
  const [start, script] = blocks("sh");
  expect(start!.trim()).toBe("npx dbusers-emulator --port 4010 --state emulator.yaml");
  const sections = parse(emulatorYaml!) as EmulatorOptions;
  const clusters = sections.digitalocean!.clusters!;
  const emulator = await startEmulator(sections);
  try {
    const cwd = mkdtempSync(join(tmpdir(), "dbusers-readme-plan-"));
    const local = (text: string) => text.replaceAll("http://127.0.0.1:4010", emulator.url);

    writeFileSync(
      join(cwd, "dbusers.yaml"),
      local(yaml!).replace("- name: replicator", "- name: pg_replicator"),
    );
    const logins = Object.fromEntries(
      [...script!.matchAll(/(?:^export |\s)([A-Z_]+)=(\S+)/gm)].map((m) => [m[1]!, m[2]!]),
    );
    const invalid = await shell('dbusers plan -f dbusers.yaml || echo "exit $?"', cwd, logins);
    expect(invalid.stderr).toBe(error);
    expect(invalid.stdout).toBe("exit 1\n");
    expect(emulator.state.requests).toEqual([]);

    writeFileSync(join(cwd, "dbusers.yaml"), local(yaml!));
    const walk = await shell(local(script!), cwd);
    expect(walk.stdout).toContain(`${firstPlan}plan: exit 2\n`);
    expect(walk.stdout).toContain("Apply: 6 done, 0 failed.\n");
    expect(walk.stdout).toContain("plan: no changes\n");
    expect(walk.stdout).toContain("- app-pg: old-job: done\n");
    expect(walk.stdout).toContain("- analytics: admin/old-analyst: done\n");
    const [pg, mysql] = clusters.map((c) =>
      emulator.state.digitalocean
        .listUsers(c.id!)
        .map((u) => u.name)
        .sort(),
    );
    expect(pg).toEqual(["app-reader", "doadmin", "replicator"]);
    expect(mysql).toEqual(["app-reader", "doadmin", "reporting"]);
    const group = sections.atlas!.groups![0]!.id!;
    expect(emulator.state.atlas.users(group).map((u) => u.username)).toEqual(["analyst"]);
    const instance = sections.rackspace!.accounts![0]!.instances![0]!.id!;
    expect(emulator.state.rackspace.instance(instance).users).toEqual([
      expect.objectContaining({ name: "etl", host: "10.0.0.%", databases: ["warehouse"] }),
    ]);
    expect(JSON.parse(readFileSync(join(cwd, "new-credentials.json"), "utf8"))).toHaveLength(6);
  } finally {
    await emulator.close();
  }
});
