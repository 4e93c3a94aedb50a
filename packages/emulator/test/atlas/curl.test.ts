/**
 * curl, as MongoDB's Atlas API reference pages use it, against the emulator: the same flags,
 * headers and URLs as the documented samples, with only the host changed. API keys go through
 * curl's own HTTP Digest (`--user "${PUBLIC_KEY}:${PRIVATE_KEY}" --digest`), service accounts
 * through the documented token request and `Authorization: Bearer`. The samples send
 * `Accept: application/vnd.atlas.2025-03-12+json` and bodies as plain `application/json`
 * (docs/vendors/atlas.md §1), `?pretty=true` on reads. If the emulator's Digest, media types or
 * paths drifted from Atlas's, curl would get a 401, 406 or 404 here. Skipped where curl is missing.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../src/index.js";
import { ACCOUNT, API_KEY, GROUP } from "./helpers.js";

const run = promisify(execFile);

function hasCurl(): boolean {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The media type MongoDB's reference pages put in their curl samples (atlas.md §1). */
const SAMPLE_ACCEPT = "Accept: application/vnd.atlas.2025-03-12+json";
/** What every successful answer carries: the one resource version database users have. */
const SERVED = "application/vnd.atlas.2023-01-01+json;charset=utf-8";

interface CurlAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

describe.skipIf(!hasCurl())("curl with Atlas's documented samples", () => {
  let emulator: Emulator;
  let base: string;
  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimit: false,
      atlas: { apiKeys: [API_KEY], serviceAccounts: [ACCOUNT], groups: [{ id: GROUP }] },
    });
    base = `${emulator.url}/api/atlas/v2/groups/${GROUP}/databaseUsers`;
  });
  afterAll(() => emulator.close());

  /**
   * Runs curl with the sample's arguments, plus only what reads the answer back (`-sS` and a
   * trailer with the status and content type); nothing that changes the request.
   */
  async function curl(args: readonly string[]): Promise<CurlAnswer> {
    const trailer = "\n%{http_code} %{content_type}";
    const { stdout } = await run("curl", ["-sS", "-w", trailer, ...args], { timeout: 20_000 });
    const cut = stdout.lastIndexOf("\n");
    const [status, contentType = ""] = stdout.slice(cut + 1).split(" ");
    return { status: Number(status), contentType, body: stdout.slice(0, cut) };
  }
  const digest = ["--user", `${API_KEY.publicKey}:${API_KEY.privateKey}`, "--digest"];

  const iamUser = {
    roles: [
      { roleName: "readWrite", databaseName: "sales" },
      { roleName: "read", databaseName: "marketing" },
    ],
    scopes: [{ name: "myCluster", type: "CLUSTER" }],
    groupId: GROUP,
    username: "arn:aws:iam::358363220050:user/mongodb-aws-iam-auth-test-user",
    awsIAMType: "USER",
    databaseName: "$external",
  };
  // The path escapes the ARN's `/` (atlas.md §3); `$external` and `:` stay as they are.
  const iamPath = "/$external/arn:aws:iam::358363220050:user%2Fmongodb-aws-iam-auth-test-user";

  it("creates, lists, reads and deletes an AWS IAM user with --digest", async () => {
    const created = await curl([
      ...digest,
      "--header",
      SAMPLE_ACCEPT,
      "--header",
      "Content-Type: application/json",
      "-X",
      "POST",
      base,
      "-d",
      JSON.stringify(iamUser),
    ]);
    expect(created).toMatchObject({ status: 201, contentType: SERVED });
    expect(JSON.parse(created.body)).toMatchObject({ username: iamUser.username, awsIAMType: "USER" });

    const listed = await curl([...digest, "--header", SAMPLE_ACCEPT, "-X", "GET", `${base}?pretty=true`]);
    expect(listed).toMatchObject({ status: 200, contentType: SERVED });
    expect(JSON.parse(listed.body).results.map((u: { username: string }) => u.username)).toEqual([
      iamUser.username,
    ]);

    const read = await curl([
      ...digest,
      "--header",
      SAMPLE_ACCEPT,
      "-X",
      "GET",
      `${base}${iamPath}?pretty=true`,
    ]);
    expect(read).toMatchObject({ status: 200, contentType: SERVED });
    expect(JSON.parse(read.body)).toMatchObject({ username: iamUser.username, databaseName: "$external" });

    const deleted = await curl([
      ...digest,
      "--header",
      SAMPLE_ACCEPT,
      "-X",
      "DELETE",
      `${base}${iamPath}?pretty=true`,
    ]);
    expect(deleted).toMatchObject({ status: 204, body: "" });
    expect(emulator.state.atlas.users(GROUP)).toEqual([]);
  });

  it("changes a SCRAM user's password with PATCH and --digest, and the new password is kept", async () => {
    const scram = {
      databaseName: "admin",
      groupId: GROUP,
      username: "app-reader",
      password: "first-password-1",
      roles: [{ roleName: "read", databaseName: "sales" }],
    };
    const json = ["--header", SAMPLE_ACCEPT, "--header", "Content-Type: application/json"];
    expect((await curl([...digest, ...json, "-X", "POST", base, "-d", JSON.stringify(scram)])).status).toBe(
      201,
    );
    const patched = await curl([
      ...digest,
      ...json,
      "-X",
      "PATCH",
      `${base}/admin/app-reader`,
      "-d",
      JSON.stringify({ password: "second-password-2" }),
    ]);
    expect(patched).toMatchObject({ status: 200, contentType: SERVED });
    expect(JSON.parse(patched.body)).toMatchObject({ roles: scram.roles });
    expect(patched.body).not.toContain("second-password-2");
    expect(emulator.state.atlas.hasPassword(GROUP, "admin", "app-reader", "second-password-2")).toBe(true);
  });

  it("refuses curl's Digest with a wrong private key: 401, nothing created", async () => {
    const before = emulator.state.atlas.users(GROUP).length;
    const refused = await curl([
      "--user",
      `${API_KEY.publicKey}:not-the-key`,
      "--digest",
      "--header",
      SAMPLE_ACCEPT,
      "--header",
      "Content-Type: application/json",
      "-X",
      "POST",
      base,
      "-d",
      JSON.stringify({ ...iamUser, username: "arn:aws:iam::358363220050:user/other" }),
    ]);
    expect(refused.status).toBe(401);
    expect(emulator.state.atlas.users(GROUP)).toHaveLength(before);
  });

  it("gets a service-account token as documented, then lists with Authorization: Bearer", async () => {
    // The documented token request builds Basic by hand: printf '%s' "id:secret" | base64.
    const basic = Buffer.from(`${ACCOUNT.clientId}:${ACCOUNT.clientSecret}`).toString("base64");
    const token = await curl([
      "-fsS",
      "--request",
      "POST",
      `${emulator.url}/api/oauth/token`,
      "--header",
      `Authorization: Basic ${basic}`,
      "--header",
      "Content-Type: application/x-www-form-urlencoded",
      "--header",
      "Accept: application/json",
      "--data",
      "grant_type=client_credentials",
    ]);
    expect(token.status).toBe(200);
    const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;
    const listed = await curl([
      "--header",
      `Authorization: Bearer ${accessToken}`,
      "--header",
      SAMPLE_ACCEPT,
      "-X",
      "GET",
      `${base}?pretty=true`,
    ]);
    expect(listed).toMatchObject({ status: 200, contentType: SERVED });
    expect(JSON.parse(listed.body)).toHaveProperty("results");
  });
});
