/**
 * Real OpenStack clients against the emulator, unchanged apart from the auth URL: Debian's
 * `openstack database …` (python3-openstackclient + python3-troveclient) over Keystone v3, and the
 * `trove` CLI over identity v2.0 with service type `rax:database`. Skipped where they are not
 * installed (`apt-get install python3-troveclient python3-openstackclient`).
 */
import { execFile } from "node:child_process";
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
  const openstack = async (...args: string[]) => {
    const env = {
      ...clean,
      OS_AUTH_URL: `${emulator.url}/v3`,
      OS_IDENTITY_API_VERSION: "3",
      OS_USERNAME: "alice",
      OS_PASSWORD: "alice-pw",
      OS_PROJECT_NAME: "1001",
      OS_USER_DOMAIN_NAME: "Default",
      OS_PROJECT_DOMAIN_NAME: "Default",
      OS_REGION_NAME: "RegionOne",
    };
    // Only `show` and `list` print a table, which `-f json` turns into JSON.
    const format = args.includes("show") || args.includes("list") ? ["-f", "json"] : [];
    return (await run("/usr/bin/openstack", ["database", ...args, ...format], { env, timeout: SLOW })).stdout;
  };
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

  it("openstack database (Keystone v3): create, show, grant, list, delete users with dots and hosts", {
    timeout: SLOW * 4,
  }, async () => {
    await openstack(
      "user",
      "create",
      INSTANCE,
      "app.one",
      "Secret-pw1",
      "--host",
      "10.0.0.1",
      "--databases",
      "orders",
    );
    expect(users()).toEqual(["app.one@10.0.0.1"]);
    expect(
      JSON.parse(await openstack("user", "show", INSTANCE, "app.one", "--host", "10.0.0.1")),
    ).toMatchObject({
      name: "app.one",
      host: "10.0.0.1",
    });
    await openstack("user", "grant", "access", INSTANCE, "app.one", "sales", "--host", "10.0.0.1");
    expect(emulator.state.rackspace.instance(INSTANCE).users[0]!.databases).toEqual(["orders", "sales"]);
    const listed = JSON.parse(await openstack("user", "list", INSTANCE)) as { Name: string; Host: string }[];
    expect(listed.map((u) => `${u.Name}@${u.Host}`)).toEqual(["app.one@10.0.0.1"]);
    await openstack("user", "delete", INSTANCE, "app.one", "--host", "10.0.0.1");
    expect(users()).toEqual([]);
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
