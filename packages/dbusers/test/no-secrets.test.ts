/**
 * No command prints a secret: for generated names and passwords, every command's stdout and
 * stderr (human and `--json`, success and failure) hold neither the user's password, the new one,
 * nor the token. In-process for the many property runs; once more through the spawned binary.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { type RunResult, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const dir = mkdtempSync(join(tmpdir(), "dbusers-secrets-"));

/** Names DigitalOcean's strict rules accept on PostgreSQL. */
const userName = fc
  .stringMatching(/^[a-z][a-z0-9_-]{2,30}$/)
  .filter((n) => !n.startsWith("pg_") && n !== "doadmin");
/** Passwords as a server might hold them: any printable ASCII, long enough not to occur by chance. */
const password = fc.string({
  unit: fc.constantFrom(
    ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~",
  ),
  minLength: 16,
  maxLength: 40,
});

/** Each command and the exit code it must end with (so a property run cannot pass by failing early). */
function commands(target: string, name: string, file: string): [string[], number][] {
  const list: string[][] = [
    ["users", "list", target],
    ["users", "list", target, "--json"],
    ["users", "get", target, name],
    ["users", "get", target, name, "--json"],
    ["users", "update", target, name, "--engine", "pg", "--pg-allow-replication", "--json"],
    ["users", "rotate-password", target, name, "--secrets-out", file],
    ["users", "rotate-password", target, name, "--secrets-out", file, "--secrets-format", "env", "--debug"],
    ["users", "get", target, `${name}-missing`, "--debug"],
    ["users", "delete", target, name, "--yes", "--debug"],
    ["users", "create", target, name, "--engine", "pg", "--secrets-out", file, "--json"],
    ["users", "create", target, name, "--engine", "pg", "--secrets-out", file, "--debug"],
  ];
  const codes = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1];
  return list.map((args, i) => [args, codes[i]!]);
}

function expectClean(result: RunResult, secrets: readonly string[]): void {
  const output = result.stdout + result.stderr;
  for (const secret of secrets) expect(output).not.toContain(secret);
}

test.prop([userName, password], { numRuns: 25 })(
  "no password or token reaches stdout or stderr of any command",
  async (name, pass) => {
    const cluster = h.clusters.pg;
    const target = `digitalocean:${cluster}`;
    if (h.emulator.state.digitalocean.getUser(cluster, name)) return;
    h.emulator.state.digitalocean.addUser(cluster, { name, password: pass });
    const seen = [pass, h.token];
    for (const [args, code] of commands(target, name, join(dir, `${name}.out`))) {
      const result = await h.cli(args);
      expect(result.code, args.join(" ")).toBe(code);
      const current = h.emulator.state.digitalocean.getUser(cluster, name)?.password;
      if (current !== undefined && !seen.includes(current)) seen.push(current);
      expectClean(result, seen);
    }
    await h.cli(["users", "delete", target, name, "--yes"]);
  },
);

test("the spawned binary prints no secret either, in any mode", async () => {
  const name = h.uniqueName();
  const cluster = h.clusters.pg;
  const pass = "Sp4wned-Binary-Secret-Value!";
  h.emulator.state.digitalocean.addUser(cluster, { name, password: pass });
  const seen = [pass, h.token];
  for (const [args, code] of commands(`digitalocean:${cluster}`, name, join(dir, `${name}.spawned`))) {
    const result = await h.spawn(args);
    expect(result.code, args.join(" ")).toBe(code);
    const current = h.emulator.state.digitalocean.getUser(cluster, name)?.password;
    if (current !== undefined) seen.push(current);
    expectClean(result, seen);
  }
});
