/**
 * `dbusers … | head -1`: when whoever reads standard output closes it early, the command stops
 * quietly, as a shell user expects, instead of dying with an EPIPE stack trace on stderr.
 */
import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import { BIN, useEmulator } from "./support/emulator.js";

const h = useEmulator();

/** Runs the binary with its standard output closed before it writes anything. */
function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, ...h.env() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Closed at once: the process needs tens of milliseconds to start before its first write.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.on("error", reject).on("close", (code) => resolve({ code, stderr }));
  });
}

test.each([
  ["help", ["--help"]],
  ["a listing", ["users", "list", `digitalocean:${h.clusters.pg}`, "--json"]],
  ["a command of the commander program", ["capabilities", "--json"]],
])("%s into a closed pipe ends with exit code 0 and nothing on stderr", async (_, args) => {
  const { code, stderr } = await runWithClosedStdout(args as string[]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
});
