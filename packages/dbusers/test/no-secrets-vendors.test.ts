/**
 * No command prints a secret on Atlas or Rackspace either: for generated names and passwords, every
 * command's stdout and stderr (human and `--json`, success and failure, `--debug` included) hold
 * neither the password given on stdin, the ones dbusers generated, nor the vendor credentials.
 * In-process for the property runs; once more per vendor through the spawned binary.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type Harness, type RunResult, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const dir = mkdtempSync(join(tmpdir(), "dbusers-secrets-vendors-"));

interface Vendor {
  readonly target: () => string;
  /** Names the vendor's strict rules accept. */
  readonly name: fc.Arbitrary<string>;
  /** Passwords the vendor's strict rules accept, long enough not to occur by chance. */
  readonly password: fc.Arbitrary<string>;
  /** One such password, for the spawned run. */
  readonly sample: string;
  readonly createFlags: readonly string[];
  readonly updateFlags: readonly string[];
  readonly credentials: (h: Harness) => string[];
}

const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

const VENDORS: Record<"atlas" | "rackspace", Vendor> = {
  atlas: {
    target: () => `atlas:${h.atlas.group}`,
    name: fc.stringMatching(/^[a-z][a-z0-9-]{2,30}[a-z0-9]$/),
    password: chars(`${ALNUM}+/=!-`, 16, 40),
    sample: "Spawned-Secret-Value1",
    createFlags: ["--role", "read@sales"],
    updateFlags: ["--role", "readWrite@sales", "--description", "changed"],
    credentials: () => [h.atlas.privateKey, h.atlas.clientSecret],
  },
  rackspace: {
    target: () => `rackspace:${h.rackspace.instance}`,
    name: fc.stringMatching(/^[a-z][a-z0-9_]{2,15}$/),
    password: fc
      .tuple(chars(ALNUM, 1, 1), chars(`${ALNUM}_.@?#`, 14, 30), chars(ALNUM, 1, 1))
      .map((p) => p.join("")),
    sample: "Spawned_Secret_Value_1",
    createFlags: ["--databases", "orders"],
    updateFlags: ["--databases", "sales"],
    credentials: () => [h.rackspace.apiKey, h.rackspace.password],
  },
};

/** Each command and the exit code it must end with (so a run cannot pass by failing early). */
function commands(vendor: Vendor, name: string, file: string): [string[], number][] {
  const target = vendor.target();
  return [
    [
      [
        "users",
        "create",
        target,
        name,
        ...vendor.createFlags,
        "--password-stdin",
        "--secrets-out",
        file,
        "--json",
      ],
      0,
    ],
    [
      [
        "users",
        "create",
        target,
        name,
        ...vendor.createFlags,
        "--password-stdin",
        "--secrets-out",
        file,
        "--debug",
      ],
      1,
    ],
    [["users", "list", target], 0],
    [["users", "list", target, "--json"], 0],
    [["users", "get", target, name], 0],
    [["users", "get", target, name, "--json"], 0],
    [["users", "update", target, name, ...vendor.updateFlags, "--json"], 0],
    [["users", "rotate-password", target, name, "--secrets-out", file], 0],
    [
      ["users", "rotate-password", target, name, "--secrets-out", file, "--secrets-format", "env", "--debug"],
      0,
    ],
    // Capitalised: no generated name is.
    [["users", "get", target, "Nobody", "--debug"], 1],
    [["users", "delete", target, name, "--yes", "--debug"], 0],
  ];
}

/** The passwords a secrets file holds (JSON or dotenv). */
function secretsIn(file: string): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, "utf8");
  const json = /"password": (".*")/.exec(text);
  const env = /DBUSERS_PASSWORD=(?:'(.*)'|(".*"))/.exec(text);
  return [
    ...(json ? [JSON.parse(json[1]!) as string] : []),
    ...(env ? [env[1] ?? (JSON.parse(env[2]!) as string)] : []),
  ];
}

function expectClean(result: RunResult, secrets: readonly string[], what: string): void {
  const output = result.stdout + result.stderr;
  for (const secret of secrets) expect(output, what).not.toContain(secret);
}

async function exercise(
  vendor: Vendor,
  name: string,
  password: string,
  run: (args: string[], stdin: string) => Promise<RunResult>,
): Promise<void> {
  const file = join(dir, `${name}.out`);
  const seen = [password, ...vendor.credentials(h)];
  for (const [args, code] of commands(vendor, name, file)) {
    const result = await run(args, `${password}\n`);
    expect(result.code, `${args.join(" ")}\n${result.stderr}`).toBe(code);
    seen.push(...secretsIn(file));
    expectClean(result, seen, args.join(" "));
  }
  rmSync(file, { force: true });
}

describe.each(Object.entries(VENDORS))("%s", (_vendor, vendor) => {
  test.prop([vendor.name, vendor.password], { numRuns: 8 })(
    "no password or credential reaches stdout or stderr of any command",
    async (name, password) => {
      await exercise(vendor, name, password, (args, stdin) => h.cli(args, { stdin }));
    },
  );

  test("the spawned binary prints no secret either", async () => {
    const name = `sp${Date.now().toString(36)}`.slice(0, 12);
    await exercise(vendor, name, vendor.sample, (args, stdin) => h.spawn(args, { stdin }));
  });
});
