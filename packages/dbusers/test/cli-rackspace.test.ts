/**
 * Every `users` command on Rackspace through the built binary, spawned as a user runs it, with each
 * way Rackspace and OpenStack users keep credentials: `RS_*`, `OS_*` and `clouds.yaml` (`OS_CLOUD`).
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const dir = mkdtempSync(join(tmpdir(), "dbusers-cli-rackspace-"));
const instance = () => `rackspace:${h.rackspace.instance}`;
const name = () => h.uniqueName("rs").slice(0, 16);
const stored = (user: string, host = "%") =>
  h.emulator.state.rackspace
    .instance(h.rackspace.instance)
    .users.find((u) => u.name === user && u.host === host);
/** No Rackspace variables: each test says which convention it uses. */
const noRs = { RS_USERNAME: undefined, RS_API_KEY: undefined, RS_REGION_NAME: undefined };

describe("Rackspace commands", () => {
  test("create --host --databases with a generated password written only to --secrets-out; get; list", async () => {
    const user = name();
    const file = join(dir, `${user}.json`);
    const r = await h.spawn([
      "users",
      "create",
      instance(),
      user,
      "--host",
      "10.0.0.%",
      "--databases",
      "orders,sales",
      "--secrets-out",
      file,
    ]);
    expect(r).toMatchObject({ code: 0, stdout: `created ${user} on ${instance()}\n` });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(file, "utf8")) as { password: string };
    expect(written).toMatchObject({ target: instance(), name: user, host: "10.0.0.%" });
    expect(stored(user, "10.0.0.%")).toMatchObject({
      password: written.password,
      databases: ["orders", "sales"],
    });
    expect(r.stdout + r.stderr).not.toContain(written.password);

    const got = await h.spawn(["users", "get", instance(), user, "--host", "10.0.0.%"]);
    expect(got.stdout).toBe(`name: ${user}\nhost: 10.0.0.%\naccess: orders, sales\n`);
    const listed = JSON.parse((await h.spawn(["users", "list", instance(), "--json"])).stdout) as {
      name: string;
    }[];
    expect(listed.find((u) => u.name === user)).toMatchObject({
      host: "10.0.0.%",
      databases: ["orders", "sales"],
    });
  });

  test("update --databases grants and revokes the difference; --new-name renames; rotate-password; delete --yes", async () => {
    const user = name();
    const next = name();
    await h.spawn(["users", "create", instance(), user, "--databases", "orders", "--password-stdin"], {
      stdin: "Piped_passw0rd\n",
    });
    expect(stored(user)?.password).toBe("Piped_passw0rd");
    const updated = await h.spawn(["users", "update", instance(), user, "--databases", "sales", "--json"]);
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout).databases).toEqual(["sales"]);
    expect(stored(user)?.databases).toEqual(["sales"]);
    expect((await h.spawn(["users", "update", instance(), user, "--new-name", next])).code).toBe(0);
    expect(stored(next)?.databases).toEqual(["sales"]);
    const file = join(dir, `${next}.env`);
    const rotated = await h.spawn([
      "users",
      "rotate-password",
      instance(),
      next,
      "--secrets-out",
      file,
      "--secrets-format",
      "env",
    ]);
    expect(rotated.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(`DBUSERS_PASSWORD='${stored(next)?.password}'`);
    expect((await h.spawn(["users", "delete", instance(), next, "--yes"])).code).toBe(0);
    expect(stored(next)).toBeUndefined();
  });

  test("OpenStack's OS_* variables (Keystone v3) work as they are", async () => {
    const r = await h.spawn(["users", "list", instance(), "--json"], {
      env: {
        ...noRs,
        DBUSERS_RACKSPACE_URL: undefined,
        OS_AUTH_URL: `${h.emulator.url}/v3`,
        OS_USERNAME: h.rackspace.username,
        OS_PASSWORD: h.rackspace.password,
        OS_PROJECT_NAME: h.rackspace.tenantId,
        OS_USER_DOMAIN_NAME: "Default",
        OS_REGION_NAME: h.rackspace.region,
      },
    });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });

  test("OS_CLOUD reads clouds.yaml (here from OS_CLIENT_CONFIG_FILE), its region and auth", async () => {
    const file = join(dir, "clouds.yaml");
    writeFileSync(
      file,
      [
        "clouds:",
        "  emulated:",
        "    region_name: ORD",
        "    auth:",
        `      auth_url: ${h.emulator.url}/v3`,
        `      username: ${h.rackspace.username}`,
        `      password: "${h.rackspace.password}"`,
        `      project_name: "${h.rackspace.tenantId}"`,
        "      user_domain_name: Default",
        "",
      ].join("\n"),
    );
    const env = { ...noRs, DBUSERS_RACKSPACE_URL: undefined, OS_CLIENT_CONFIG_FILE: file };
    const r = await h.spawn(["users", "list", instance()], { env: { ...env, OS_CLOUD: "emulated" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^(NAME|\(no users\))/);
    const missing = await h.spawn(["users", "list", instance()], { env: { ...env, OS_CLOUD: "elsewhere" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`dbusers: OS_CLOUD=elsewhere: ${file} has no cloud of that name\n`);
  });

  test("OS_CLOUD with profile rackspace: Rackspace Identity, the API key kept apart in secure.yaml", async () => {
    const clouds = join(dir, "rax-clouds.yaml");
    const secure = join(dir, "rax-secure.yaml");
    writeFileSync(
      clouds,
      [
        "clouds:",
        "  rax:",
        "    profile: rackspace",
        "    regions: [SYD, ORD]",
        "    auth:",
        `      auth_url: ${h.emulator.url}/v2.0`,
        `      username: ${h.rackspace.username}`,
        "",
      ].join("\n"),
    );
    writeFileSync(secure, `clouds:\n  rax:\n    auth:\n      api_key: "${h.rackspace.apiKey}"\n`);
    const env = {
      ...noRs,
      DBUSERS_RACKSPACE_URL: undefined,
      OS_CLOUD: "rax",
      OS_CLIENT_CONFIG_FILE: clouds,
      OS_CLIENT_SECURE_FILE: secure,
    };
    // The first of `regions` is used: SYD has no instance, so the catalog has no endpoint there.
    const first = await h.spawn(["users", "list", instance()], { env });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("SYD");
    const r = await h.spawn(["users", "list", instance(), "--json"], {
      env: { ...env, OS_REGION_NAME: h.rackspace.region },
    });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
    expect(`${first.stderr}${r.stdout}`).not.toContain(h.rackspace.apiKey);
  });

  test("no credentials is exit 2 naming every convention; a wrong --region is a one-line error", async () => {
    const none = await h.spawn(["users", "list", instance()], { env: noRs });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/RS_USERNAME.*OS_AUTH_URL.*OS_CLOUD/);
    const region = await h.spawn(["users", "list", instance(), "--region", "SYD"]);
    expect(region.code).toBe(1);
    expect(region.stderr.trim().split("\n")).toHaveLength(1);
  });
});
