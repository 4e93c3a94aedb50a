import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { targetEnv } from "../../src/plan/credentials.js";
import { DesiredStateError } from "../../src/plan/errors.js";
import { parseDesiredState } from "../../src/plan/load.js";
import type { TargetConnection } from "../../src/plan/types.js";

const dir = mkdtempSync(join(tmpdir(), "dbusers-credentials-"));
writeFileSync(join(dir, "rs-key"), "key-from-file\n");

const INSTANCE = "dcc5c518-73c7-4471-83e1-15fae67a98eb";
const PROJECT = "32b6e34b3d91647abb20e7b8";

function rackspace(extra: Partial<TargetConnection>): TargetConnection {
  return { vendor: "rackspace", id: INSTANCE, credentials: {}, ...extra };
}

describe("a target's credentials become the variables the vendor's tools read", () => {
  it("puts Rackspace Identity credentials in RS_* and clears an ambient clouds.yaml login", async () => {
    const env = await targetEnv(
      rackspace({ credentials: { username: { env: "U" }, apiKey: { file: "rs-key" } } }),
      { U: "ops", OS_CLOUD: "elsewhere", OS_PASSWORD: "ambient", HOME: "home-dir" },
      dir,
    );
    expect(env).toMatchObject({ RS_USERNAME: "ops", RS_API_KEY: "key-from-file", HOME: "home-dir" });
    expect(env.OS_CLOUD).toBeUndefined();
    expect(env.OS_PASSWORD).toBeUndefined();
  });

  it("puts a Keystone login (authUrl) in OS_*", async () => {
    const env = await targetEnv(
      rackspace({
        credentials: { username: { env: "U" }, password: { env: "P" } },
        settings: { authUrl: "https://keystone.example/v3", projectName: "db" },
      }),
      { U: "ops", P: "pw", RS_USERNAME: "ambient" },
      dir,
    );
    expect(env).toMatchObject({
      OS_AUTH_URL: "https://keystone.example/v3",
      OS_USERNAME: "ops",
      OS_PASSWORD: "pw",
      OS_PROJECT_NAME: "db",
    });
    expect(env.RS_USERNAME).toBeUndefined();
  });

  it("names a clouds.yaml entry, the files found beside the dbusers.yaml", async () => {
    const env = await targetEnv(
      rackspace({ settings: { cloud: "prod", cloudsFile: "clouds.yaml", secureFile: "secure.yaml" } }),
      { OS_CLIENT_SECURE_FILE: "/elsewhere/secure.yaml" },
      dir,
    );
    expect(env).toMatchObject({
      OS_CLOUD: "prod",
      OS_CLIENT_CONFIG_FILE: join(dir, "clouds.yaml"),
      OS_CLIENT_SECURE_FILE: join(dir, "secure.yaml"),
    });
  });

  it("uses the surrounding environment as it is when the target names no login", async () => {
    const ambient = { OS_CLOUD: "prod", RS_REGION_NAME: "ORD" };
    expect(await targetEnv(rackspace({}), ambient, dir)).toEqual(ambient);
  });

  it("puts an Atlas service account in the Atlas CLI's variables, clearing an ambient API key", async () => {
    const env = await targetEnv(
      { vendor: "atlas", id: PROJECT, credentials: { clientId: { env: "I" }, clientSecret: { env: "S" } } },
      { I: "mdb_sa_id", S: "secret", MONGODB_ATLAS_PUBLIC_API_KEY: "ambient" },
      dir,
    );
    expect(env).toMatchObject({
      MONGODB_ATLAS_CLIENT_ID: "mdb_sa_id",
      MONGODB_ATLAS_CLIENT_SECRET: "secret",
    });
    expect(env.MONGODB_ATLAS_PUBLIC_API_KEY).toBeUndefined();
  });
});

/** `2:<column of key>` in the file `loginIssues` writes (the target is on line 2, after `  t: `). */
function at(target: string, key: string): string {
  return `2:${"  t: ".length + target.indexOf(`${key}:`) + 1}`;
}

async function loginIssues(target: string): Promise<string[]> {
  const text = `targets:\n  t: ${target}\nusers: []\n`;
  try {
    await parseDesiredState(text, { env: { A: "a", B: "b" }, baseDir: dir });
    return [];
  } catch (error) {
    if (!(error instanceof DesiredStateError)) throw error;
    return error.issues
      .filter((i) => i.rule === "dbusers.target.login")
      .map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
  }
}

describe("a target's login is checked before anything is read or sent", () => {
  it("refuses half an Atlas key pair, and a key pair with a service account", async () => {
    const half = `{ vendor: atlas, project: ${PROJECT}, publicKey: { env: A } }`;
    expect(await loginIssues(half)).toEqual([
      `${at(half, "publicKey")} targets.t.publicKey: publicKey needs privateKey too`,
    ]);
    const both = `{ vendor: atlas, project: ${PROJECT}, publicKey: { env: A }, privateKey: { env: B }, clientId: { env: A } }`;
    expect(await loginIssues(both)).toEqual([
      `${at(both, "clientId")} targets.t.clientId: give an API key (publicKey, privateKey) or a service account (clientId, clientSecret), not both`,
    ]);
  });

  it("refuses Rackspace logins that mix kinds or miss a part", async () => {
    const base = `{ vendor: rackspace, instance: ${INSTANCE}`;
    const noKey = `${base}, username: { env: A } }`;
    expect(await loginIssues(noKey)).toEqual([
      `${at(noKey, "username")} targets.t.username: username needs apiKey (or password) too`,
    ]);
    const cloud = `${base}, cloud: prod, apiKey: { env: A } }`;
    expect(await loginIssues(cloud)).toEqual([
      `${at(cloud, "apiKey")} targets.t.apiKey: apiKey is not used with cloud: the clouds.yaml entry holds the whole login`,
    ]);
    const secure = `${base}, secureFile: secure.yaml }`;
    expect(await loginIssues(secure)).toEqual([
      `${at(secure, "secureFile")} targets.t.secureFile: secureFile needs cloud (the entry to use)`,
    ]);
    const both = `${base}, cloud: prod, cloudsFile: c.yaml, secureFile: s.yaml }`;
    expect(await loginIssues(both)).toEqual([]);
    const project = `${base}, username: { env: A }, apiKey: { env: B }, projectName: p }`;
    expect(await loginIssues(project)).toEqual([
      `${at(project, "projectName")} targets.t.projectName: projectName is a Keystone setting: it needs authUrl`,
    ]);
    const keystone = `${base}, authUrl: "http://127.0.0.1:1/v3", apiKey: { env: A } }`;
    expect(await loginIssues(keystone)).toEqual([
      `${at(keystone, "apiKey")} targets.t.apiKey: an API key is Rackspace Identity's; Keystone (authUrl) takes a password or an application credential`,
      "2:6 targets.t: Keystone (authUrl) needs username and password, or an application credential",
    ]);
  });

  it("accepts each kind of login", async () => {
    const base = `{ vendor: rackspace, instance: ${INSTANCE}`;
    for (const login of [
      "username: { env: A }, apiKey: { env: B }",
      "username: { env: A }, password: { env: B }",
      'authUrl: "http://127.0.0.1:1/v3", username: { env: A }, password: { env: B }, projectName: p',
      'authUrl: "http://127.0.0.1:1/v3", applicationCredentialId: { env: A }, applicationCredentialSecret: { env: B }',
      "cloud: prod",
    ]) {
      expect(await loginIssues(`${base}, ${login} }`)).toEqual([]);
    }
  });
});
