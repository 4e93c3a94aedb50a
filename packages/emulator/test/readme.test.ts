/**
 * Every example in the README runs as written: the vitest block is test/readme/vitest-example.test.ts
 * (kept identical, and run by vitest itself), the node:test block runs under `node --test`, and the
 * CLI section's state file, Python script and curl commands run against a real `dbusers-emulator`
 * process, the Python output compared with the README's.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(packageDir, "README.md"), "utf8");

/** The first fenced block with this info string after a heading (and an optional marker line). */
function block(heading: string, info: string, after = ""): string {
  const section = readme.slice(readme.indexOf(heading));
  const from = after === "" ? section : section.slice(section.indexOf(after));
  const match = new RegExp(`\`\`\`${info}(?: [^\\n]*)?\\n([\\s\\S]*?)\`\`\``).exec(from);
  if (!match?.[1]) throw new Error(`no \`\`\`${info} block under ${heading}`);
  return match[1];
}

describe("the vitest example", () => {
  it("is test/readme/vitest-example.test.ts, which vitest runs", () => {
    const file = readFileSync(join(packageDir, "test/readme/vitest-example.test.ts"), "utf8");
    expect(file).toBe(block("## Use it in a vitest suite", "ts"));
  });
});

describe("the node:test example", () => {
  it("passes under node --test", async () => {
    const source = block("## Use it with node:test", "js").replace(
      '"@dbusers/emulator"',
      JSON.stringify(new URL("../src/index.ts", import.meta.url).href),
    );
    const dir = mkdtempSync(join(tmpdir(), "emulator-readme-"));
    const file = join(dir, "example.test.mjs");
    writeFileSync(file, source);
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "--test", file], {
        cwd: packageDir,
      });
      expect(stdout).toMatch(/# pass 1\b/);
      expect(stdout).toMatch(/# fail 0\b/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 60_000);
});

describe("the any-language example", () => {
  const heading = "## Use it from any language";
  let child: ChildProcess;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "emulator-readme-"));
    const statePath = join(dir, "state.yaml");
    writeFileSync(statePath, block(heading, "yaml"));
    // The README's command line, on a free port instead of 4010 so parallel runs cannot collide.
    const command = block(heading, "sh").split("\n")[0]!.split(" ").slice(2);
    expect(parseCliArgs(command)).toMatchObject({ port: 4010, statePath: "state.yaml" });
    const argv = command.map((arg) => (arg === "4010" ? "0" : arg === "state.yaml" ? statePath : arg));
    child = spawn(process.execPath, ["--import", "tsx", join(packageDir, "src/bin.ts"), ...argv], {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    url = await new Promise<string>((resolve, reject) => {
      let text = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("\n")) resolve(text.trim());
      });
      child.once("exit", (code) =>
        reject(new Error(`dbusers-emulator exited with ${code} before printing its URL`)),
      );
    });
  }, 60_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true });
  });

  it("the Python script prints what the README says", async () => {
    const { stdout } = await run("python3", ["-c", block(heading, "python")], {
      env: { ...process.env, EMULATOR_URL: url },
    });
    expect(stdout).toBe(block(heading, "text"));
  });

  it("the curl commands succeed", async () => {
    const script = block(heading, "sh", "The same with curl");
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", script], {
      env: { ...process.env, EMULATOR_URL: url },
    });
    expect(stdout).toContain('"name":"app"');
    expect(stdout).toContain('"name":"billing"');
    expect(stdout).toContain('"operationId":"databases_list_users"');
  });
});
