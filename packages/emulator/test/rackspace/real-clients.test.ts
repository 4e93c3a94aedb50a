/**
 * Real OpenStack clients against the emulator, unchanged apart from the auth URL: Debian's
 * `openstack database …` (python3-openstackclient + python3-troveclient) over Keystone v3, and the
 * `trove` CLI over identity v2.0 with service type `rax:database`. Skipped where they are not
 * installed (`apt-get install python3-troveclient python3-openstackclient`).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../src/index.js";

const run = promisify(execFile);
const installed = existsSync("/usr/bin/openstack") && existsSync("/usr/bin/trove");
const INSTANCE = "2b8b4c3e-9d1f-4a6b-8c2d-3e4f5a6b7c8d";
// Each command starts a Python interpreter and authenticates: a few seconds on a busy machine.
const SLOW = 120_000;

describe.skipIf(!installed)("real clients", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      rackspace: {
        accounts: [
          {
            username: "alice",
            password: "alice-pw",
            tenantId: "1001",
            instances: [{ id: INSTANCE, region: "RegionOne", databases: ["orders"] }],
          },
        ],
      },
    });
  });
  afterAll(() => emulator.close());

  const clean = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp" };
  const trove = async (...args: string[]) => {
    const auth = [
      "--os-auth-url",
      `${emulator.url}/v2.0`,
      "--os-username",
      "alice",
      "--os-password",
      "alice-pw",
    ];
    const where = [
      "--os-tenant-name",
      "1001",
      "--os-region-name",
      "RegionOne",
      "--service-type",
      "rax:database",
    ];
    return (await run("/usr/bin/trove", [...auth, ...where, ...args], { env: clean, timeout: SLOW })).stdout;
  };
  const users = () => emulator.state.rackspace.instance(INSTANCE).users.map((u) => `${u.name}@${u.host}`);

  /**
   * One `openstack` process for many commands: its interactive mode reads them from stdin, so
   * Python starts and Keystone authenticates once (a second each, instead of seconds a command).
   */
  const openstackSession = (commands: readonly string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn("/usr/bin/openstack", [], {
        env: {
          ...clean,
          OS_AUTH_URL: `${emulator.url}/v3`,
          OS_IDENTITY_API_VERSION: "3",
          OS_USERNAME: "alice",
          OS_PASSWORD: "alice-pw",
          OS_PROJECT_NAME: "1001",
          OS_USER_DOMAIN_NAME: "Default",
          OS_PROJECT_DOMAIN_NAME: "Default",
          OS_REGION_NAME: "RegionOne",
        },
        timeout: SLOW,
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
      });
      child.stderr.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
      });
      child.on("error", reject);
      child.on("close", () => resolve(out));
      child.stdin.end(`${commands.join("\n")}\n`);
    });

  /** The JSON documents `-f json` printed, in order (each starts at a line's first column). */
  const jsonDocuments = (text: string): unknown[] => {
    const docs: unknown[] = [];
    let pending: string[] = [];
    for (const line of text.split("\n")) {
      if (pending.length === 0 && !/^[[{]/.test(line)) continue;
      pending.push(line);
      try {
        docs.push(JSON.parse(pending.join("\n")));
        pending = [];
      } catch {
        // Not complete yet.
      }
    }
    return docs;
  };

  it("openstack database (Keystone v3): create, show, grant, list, delete users with dots and hosts", {
    timeout: SLOW,
  }, async () => {
    const i = INSTANCE;
    const output = await openstackSession([
      `database user create ${i} app.one Secret-pw1 --host 10.0.0.1 --databases orders`,
      `database user show ${i} app.one --host 10.0.0.1 -f json`,
      `database user grant access ${i} app.one sales --host 10.0.0.1`,
      `database user list ${i} -f json`,
    ]);
    const [shown, listed] = jsonDocuments(output);
    expect(shown, output).toMatchObject({ name: "app.one", host: "10.0.0.1" });
    expect(listed).toEqual([{ Name: "app.one", Host: "10.0.0.1", Databases: "orders, sales" }]);
    expect(emulator.state.rackspace.instance(INSTANCE).users[0]!.databases).toEqual(["orders", "sales"]);
    await openstackSession([`database user delete ${i} app.one --host 10.0.0.1`]);
    expect(users()).toEqual([]);
  });

  it("openstack database (Keystone v3): databases, access, renames, passwords and root, with a name holding % @ and .", {
    timeout: SLOW,
  }, async () => {
    const i = INSTANCE;
    // The interactive mode splits lines at spaces and ignores quotes, so no name here has a space.
    const output = await openstackSession([
      `database db create ${i} sales`,
      `database user create ${i} we%ird@na.me Secret-pw1 --host % --databases orders`,
      `database user create ${i} app.two Secret-pw2 --host 10.0.0.%`,
      `database user grant access ${i} we%ird@na.me sales --host %`,
      `database user revoke access ${i} we%ird@na.me orders --host %`,
      `database user show access ${i} we%ird@na.me --host % -f json`,
      `database user update attributes ${i} app.two --host 10.0.0.% --new_name app.three --new_password Another-pw3`,
      `database user list ${i} -f json`,
      `database root enable ${i} -f json`,
      `database root show ${i} -f json`,
      `database db delete ${i} sales`,
      `database db list ${i} -f json`,
    ]);
    const [access, listed, root, rootShown, databases] = jsonDocuments(output);
    expect(access, output).toEqual([{ Name: "sales" }]);
    expect(listed).toEqual([
      { Name: "app.three", Host: "10.0.0.%", Databases: "" },
      { Name: "we%ird@na.me", Host: "%", Databases: "sales" },
    ]);
    expect(root).toMatchObject({ name: "root", password: expect.stringMatching(/^\S{8,}$/) });
    expect(rootShown).toEqual({ is_root_enabled: true });
    expect(databases).toEqual([{ Name: "orders" }]);
    const state = emulator.state.rackspace.instance(INSTANCE);
    expect(state.users.find((u) => u.name === "app.three")?.password).toBe("Another-pw3");
    expect(state.rootEnabled).toBe(true);

    const after = await openstackSession([
      `database root disable ${i}`,
      `database user delete ${i} we%ird@na.me --host %`,
      `database user delete ${i} app.three --host 10.0.0.%`,
      `database user list ${i} -f json`,
    ]);
    expect(jsonDocuments(after), after).toEqual([[]]);
    expect(emulator.state.rackspace.instance(INSTANCE).rootEnabled).toBe(false);
  });

  it("trove (identity v2.0, service type rax:database): create and show a user", {
    timeout: SLOW * 2,
  }, async () => {
    await trove("user-create", INSTANCE, "v2.user", "Secret-pw9", "--host", "10.0.0.9");
    expect(users()).toContain("v2.user@10.0.0.9");
    expect(await trove("user-show", INSTANCE, "v2.user", "--host", "10.0.0.9")).toMatch(
      /\|\s+host\s+\|\s+10\.0\.0\.9\s+\|/,
    );
  });
});
