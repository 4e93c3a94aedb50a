/**
 * MongoDB's own Atlas API client against the emulator, unchanged apart from the base URL and the
 * CA: `@mongodb-js/mcp-atlas-api-client` (what the `mongodb-mcp-server` npm package talks to Atlas
 * with: openapi-fetch, service accounts through oauth4webapi, which refuses a token URL that is not
 * https). It installs about 190 packages (270 MB), so it is no dependency of ours: the test runs
 * only when `DBUSERS_MCP_ATLAS_CLIENT` names a folder where it is installed, e.g.
 * `npm install --prefix /tmp/mcp @mongodb-js/mcp-atlas-api-client@3.0.4`, and is skipped otherwise.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../src/index.js";
import { ACCOUNT, GROUP } from "./helpers.js";

const run = promisify(execFile);

function clientEntry(): string | undefined {
  const folder = process.env.DBUSERS_MCP_ATLAS_CLIENT;
  if (folder === undefined || !existsSync(join(folder, "node_modules"))) return undefined;
  try {
    return createRequire(join(folder, "package.json")).resolve("@mongodb-js/mcp-atlas-api-client");
  } catch {
    return undefined;
  }
}
const entry = clientEntry();
const SCRIPT = join(import.meta.dirname, "fixtures", "mcp-atlas-client.mjs");

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
