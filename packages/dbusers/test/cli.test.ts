/** Every command through the built binary, spawned as a user runs it, against the emulator. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { spawnCli, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const dir = mkdtempSync(join(tmpdir(), "dbusers-cli-"));
const pg = () => `digitalocean:${h.clusters.pg}`;
const password = (name: string, cluster = h.clusters.pg) =>
  h.emulator.state.digitalocean.getUser(cluster, name)?.password ?? "";

describe("users", () => {
  test("create writes the server's password only to --secrets-out (0600), and says where on stderr", async () => {
    const name = h.uniqueName();
    const file = join(dir, `${name}.json`);
    const r = await h.spawn(["users", "create", pg(), name, "--engine", "pg", "--secrets-out", file]);
    expect(r).toMatchObject({ code: 0, stdout: `created ${name} on ${pg()}\n` });
    expect(r.stderr).toBe(`dbusers: credentials for ${name} written to ${file} (mode 0600)\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ target: pg(), name, password: password(name) });
    expect(r.stdout + r.stderr).not.toContain(password(name));
  });

  test("create without --secrets-out is refused (exit 2) and sends nothing", async () => {
    const r = await h.spawn(["users", "create", pg(), h.uniqueName(), "--engine", "pg"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dbusers: --secrets-out FILE is required/);
    expect(h.emulator.state.requests).toEqual([]);
  });

  test("an existing --secrets-out file readable by others is made 0600 before it is written", async () => {
    const file = join(dir, "shared.env");
    writeFileSync(file, "old", { mode: 0o644 });
    const name = h.uniqueName();
    const r = await h.spawn([
      "users",
      "create",
      pg(),
      name,
      "--secrets-out",
      file,
      "--secrets-format",
      "env",
    ]);
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe(
      `DBUSERS_TARGET='${pg()}'\nDBUSERS_USERNAME='${name}'\nDBUSERS_PASSWORD='${password(name)}'\n`,
    );
  });

  test("list --json prints every user with secrets redacted; list prints a table", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    const json = await h.spawn(["users", "list", pg(), "--json"]);
    expect(json.code).toBe(0);
    const users = JSON.parse(json.stdout) as {
      name: string;
      builtIn: boolean;
      vendorData: { password: string };
    }[];
    expect(users.find((u) => u.name === name)).toMatchObject({
      builtIn: false,
      vendorData: { password: "[REDACTED]" },
    });
    expect(json.stdout).not.toContain(password(name));
    const table = await h.spawn(["users", "list", pg()]);
    expect(table.stdout).toMatch(/^NAME +ACCESS\ndoadmin +\(built in\)/);
    expect(table.stdout).toContain(`\n${name}`);
  });

  test("get prints one user; --json prints it as JSON; a missing user exits 1 with one line", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    expect((await h.spawn(["users", "get", pg(), name])).stdout).toMatch(new RegExp(`^name: ${name}\n`));
    expect(JSON.parse((await h.spawn(["users", "get", pg(), name, "--json"])).stdout).name).toBe(name);
    const missing = await h.spawn(["users", "get", pg(), "nobody-here"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/^dbusers: DigitalOcean API returned 404/);
  });

  test("update changes settings; a rename is refused (exit 2) before sending", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    const r = await h.spawn(["users", "update", pg(), name, "--engine", "pg", "--pg-allow-replication"]);
    expect(r.code).toBe(0);
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)?.settings).toEqual({
      pg_allow_replication: true,
    });
    h.emulator.state.clearRequests();
    const rename = await h.spawn(["users", "update", pg(), name, "--new-name", "other"]);
    expect(rename).toMatchObject({ code: 2, stdout: "" });
    expect(rename.stderr).toMatch(/cannot rename a user/);
    expect(h.emulator.state.requests).toEqual([]);
  });

  test("update --settings FILE sends the engine settings in the file", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.kafka, name);
    const file = join(dir, "kafka-settings.json");
    writeFileSync(file, JSON.stringify({ acl: [{ topic: "orders", permission: "consume" }] }));
    const target = `digitalocean:${h.clusters.kafka}`;
    const r = await h.spawn(["users", "update", target, name, "--engine", "kafka", "--settings", file]);
    expect(r.code).toBe(0);
    expect(h.emulator.state.digitalocean.getUser(h.clusters.kafka, name)?.settings?.acl).toMatchObject([
      { topic: "orders", permission: "consume" },
    ]);
  });

  test("rotate-password writes the new password only to the file", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    const before = password(name);
    const file = join(dir, `${name}.rotated.json`);
    const r = await h.spawn(["users", "rotate-password", pg(), name, "--secrets-out", file]);
    expect(r.code).toBe(0);
    expect(password(name)).not.toBe(before);
    expect(JSON.parse(readFileSync(file, "utf8")).password).toBe(password(name));
    expect(r.stdout + r.stderr).not.toContain(password(name));
  });

  test("rotate-password --password-stdin is refused on DigitalOcean (the server chooses)", async () => {
    const r = await h.spawn(["users", "rotate-password", pg(), "someone", "--password-stdin"], {
      stdin: "my-chosen-password\n",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "dbusers: DigitalOcean chooses passwords itself: cannot rotate a password with a chosen password\n",
    );
    expect(r.stdout + r.stderr).not.toContain("my-chosen-password");
  });

  test("delete needs --yes without a terminal; with it the user is gone; doadmin never", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);
    expect((await h.spawn(["users", "delete", pg(), name])).code).toBe(2);
    expect(h.emulator.state.requests).toEqual([]);
    const r = await h.spawn(["users", "delete", pg(), name, "--yes"]);
    expect(r).toMatchObject({ code: 0, stdout: `deleted ${name} from ${pg()}\n` });
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)).toBeUndefined();
    const admin = await h.spawn(["users", "delete", pg(), "doadmin", "--yes"]);
    expect(admin.code).toBe(2);
  });

  test("a rules violation exits 2 and lists each rule before anything is sent", async () => {
    const r = await h.spawn([
      "users",
      "create",
      pg(),
      "pg_bad",
      "--engine",
      "pg",
      "--secrets-out",
      join(dir, "x.json"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^dbusers: invalid input, nothing was sent:\n {2}- name: .*\(digitalocean\.userName\.pgPrefix\)\n$/,
    );
    expect(h.emulator.state.requests).toEqual([]);
  });

  test("no token: exit 2 naming the variables to set", async () => {
    const r = await spawnCli(["users", "list", pg()], { env: { DBUSERS_DIGITALOCEAN_URL: h.emulator.url } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DIGITALOCEAN_TOKEN/);
  });

  test("doctl's DIGITALOCEAN_ACCESS_TOKEN and --base-url work too", async () => {
    const r = await spawnCli(["users", "list", pg(), "--json", "--base-url", h.emulator.url], {
      env: { DIGITALOCEAN_ACCESS_TOKEN: h.token },
    });
    expect(r.code).toBe(0);
  });
});

describe("rules and capabilities", () => {
  test("rules check: exit 0 when valid, 2 with each rule when not", async () => {
    expect(
      await spawnCli(["rules", "check", "digitalocean", "userName", "app-reader", "--engine", "pg"]),
    ).toMatchObject({
      code: 0,
      stdout: "valid\n",
    });
    const bad = await spawnCli([
      "rules",
      "check",
      "digitalocean",
      "userName",
      "pg_x",
      "--engine",
      "pg",
      "--json",
    ]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      valid: false,
      violations: [{ rule: "digitalocean.userName.pgPrefix" }],
    });
  });

  test("rules describe lists the rules with sources", async () => {
    const r = await spawnCli(["rules", "describe", "rackspace", "userName"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^- .*\(source: /);
  });

  test("capabilities --json is the capability data", async () => {
    const r = await spawnCli(["capabilities", "--json"]);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ vendor: "digitalocean", passwords: "server" });
  });
});

describe("help and usage", () => {
  const commands = [
    [],
    ["users"],
    ["users", "list"],
    ["users", "get"],
    ["users", "create"],
    ["users", "update"],
    ["users", "delete"],
    ["users", "rotate-password"],
    ["rules"],
    ["rules", "check"],
    ["rules", "describe"],
    ["capabilities"],
  ];
  test.each(commands)("dbusers %s --help has an example and exits 0", async (...words) => {
    const r = await spawnCli([...words, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nExample:\n {2}\$ /);
  });

  test("--version prints the package's version, from the bundled binary", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(await h.spawn(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  test("an unknown option is a usage error: exit 2", async () => {
    const r = await spawnCli(["users", "list", pg(), "--jsno"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--jsno'/);
  });
});
