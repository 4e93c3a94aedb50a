/**
 * MongoDB's own Atlas clients against the emulator, unchanged apart from the base URL and the CA:
 * `@mongodb-js/mcp-atlas-api-client` (what the `mongodb-mcp-server` npm package talks to Atlas
 * with: openapi-fetch, service accounts through oauth4webapi, which refuses a token URL that is not
 * https), and `mongodb-mcp-server` itself over stdio (its Atlas tools for database users). They
 * install 190 and 390 packages (270 and 410 MB), so they are no dependency of ours: each test runs
 * only when `DBUSERS_MCP_ATLAS_CLIENT` names a folder where it is installed, e.g.
 * `npm install --prefix /tmp/mcp mongodb-mcp-server@3.0.4` (which brings the client too), and is
 * skipped otherwise.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { type Emulator, startEmulator } from "../../src/index.js";
import { ACCOUNT, GROUP } from "./helpers.js";

const run = promisify(execFile);

/** The entry file of `name` as installed in the folder `DBUSERS_MCP_ATLAS_CLIENT` names. */
function installed(name: string): string | undefined {
  const folder = process.env.DBUSERS_MCP_ATLAS_CLIENT;
  if (folder === undefined || !existsSync(join(folder, "node_modules"))) return undefined;
  try {
    return createRequire(join(folder, "package.json")).resolve(name);
  } catch {
    return undefined;
  }
}
/** The command-line entry of the package whose library entry is `entry` (its `bin`). */
function binOf(entry: string | undefined): string | undefined {
  for (let dir = entry && dirname(entry); dir !== undefined && dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, bin } = JSON.parse(readFileSync(manifest, "utf8")) as {
      name?: string;
      bin?: string | Record<string, string>;
    };
    // dist/ folders carry their own package.json (`{ "type": … }`), without a name.
    if (name === undefined) continue;
    const path = typeof bin === "string" ? bin : Object.values(bin ?? {})[0];
    return path === undefined ? undefined : join(dir, path);
  }
  return undefined;
}
const entry = installed("@mongodb-js/mcp-atlas-api-client");
const serverEntry = binOf(installed("mongodb-mcp-server"));
const SCRIPT = join(import.meta.dirname, "fixtures", "mcp-atlas-client.mjs");
const SERVER_SCRIPT = join(import.meta.dirname, "fixtures", "mongodb-mcp-server.mjs");

describe.skipIf(entry === undefined)("@mongodb-js/mcp-atlas-api-client (MongoDB's own)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      https: true,
      rateLimit: false,
      requestLog: { maxEntries: 100 },
      atlas: { serviceAccounts: [ACCOUNT], groups: [{ id: GROUP }] },
    });
  });
  afterAll(() => emulator.close());

  it("gets a token over https, creates, lists and deletes a user, reads the 409, and revokes on close", {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await run(process.execPath, [SCRIPT, entry!, emulator.httpsUrl!, GROUP], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        NODE_EXTRA_CA_CERTS: emulator.caCertPath!,
        ATLAS_CLIENT_ID: ACCOUNT.clientId,
        ATLAS_CLIENT_SECRET: ACCOUNT.clientSecret,
      },
      timeout: 60_000,
    });
    const steps = Object.fromEntries(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { step: string; value: unknown })
        .map(({ step, value }) => [step, value]),
    ) as Record<string, unknown>;
    expect(steps.validate, stdout).toBe(true);
    expect(steps.created).toMatchObject({ username: "mcp-user-1", databaseName: "admin", groupId: GROUP });
    expect(steps.created).not.toHaveProperty("password");
    expect((steps.listed as { results: { username: string }[] }).results.map((u) => u.username)).toEqual([
      "mcp-user-1",
    ]);
    expect(steps.duplicate).toEqual({ status: 409, errorCode: "USER_ALREADY_EXISTS" });
    expect(steps["after delete"]).toMatchObject({ results: [], totalCount: 0 });
    expect(steps["logged errors"]).toEqual([]);
    expect(emulator.state.atlas.tokensIssued).toBe(1);
    const revoke = emulator.state.atlas.requests.filter((r) => r.path === "/api/oauth/revoke");
    expect(revoke.map((r) => [r.method, r.status])).toEqual([["POST", 200]]);
    expect(emulator.state.atlas.users(GROUP)).toEqual([]);
  });
});

describe.skipIf(serverEntry === undefined)("mongodb-mcp-server (MongoDB's MCP server)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      https: true,
      rateLimit: false,
      atlas: { serviceAccounts: [ACCOUNT], groups: [{ id: GROUP }] },
    });
  });
  afterAll(() => emulator.close());

  it("lists and creates database users with its Atlas tools", { timeout: 90_000 }, async () => {
    const home = mkdtempSync(join(tmpdir(), "mcp-home-"));
    onTestFinished(() => rmSync(home, { recursive: true, force: true }));
    const { stdout } = await run(process.execPath, [SERVER_SCRIPT, serverEntry!, GROUP], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        // It keeps logs and a device id under HOME: a folder of its own, removed afterwards.
        HOME: home,
        // Its fetch trusts the system's CA store (SSL_CERT_FILE), its OAuth library Node's.
        SSL_CERT_FILE: emulator.caCertPath!,
        NODE_EXTRA_CA_CERTS: emulator.caCertPath!,
        MDB_MCP_API_BASE_URL: `${emulator.httpsUrl!}/`,
        MDB_MCP_API_CLIENT_ID: ACCOUNT.clientId,
        MDB_MCP_API_CLIENT_SECRET: ACCOUNT.clientSecret,
        MDB_MCP_TELEMETRY: "disabled",
      },
      timeout: 90_000,
    });
    type Call = { tool: string; result?: { isError?: boolean; structuredContent?: Record<string, unknown> } };
    const calls = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Call);
    expect(
      calls.map((c) => [c.tool, c.result?.isError ?? false]),
      stdout,
    ).toEqual([
      ["atlas-list-db-users", false],
      ["atlas-create-db-user", false],
      ["atlas-list-db-users", false],
    ]);
    expect(calls[0]!.result!.structuredContent).toMatchObject({ users: [], totalCount: 0 });
    // The server generated the password and sent it; the emulator holds it, and never lists it.
    const password = calls[1]!.result!.structuredContent!.password as string;
    expect(emulator.state.atlas.hasPassword(GROUP, "admin", "mcp-made-user", password)).toBe(true);
    expect(calls[2]!.result!.structuredContent).toMatchObject({
      users: [{ username: "mcp-made-user", roles: [{ roleName: "read", databaseName: "admin" }] }],
      totalCount: 1,
    });
    expect(JSON.stringify(calls[2])).not.toContain(password);
  });
});
