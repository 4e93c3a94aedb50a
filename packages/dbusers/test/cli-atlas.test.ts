/** Every `users` command on MongoDB Atlas through the built binary, spawned as a user runs it. */
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const dir = mkdtempSync(join(tmpdir(), "dbusers-cli-atlas-"));
const project = () => `atlas:${h.atlas.group}`;
const stored = (username: string) =>
  h.emulator.state.atlas.users(h.atlas.group).find((u) => u.username === username);
const hasPassword = (username: string, password: string) =>
  h.emulator.state.atlas.hasPassword(h.atlas.group, "admin", username, password);

describe("Atlas commands", () => {
  test("create with --role (repeatable, with a collection) and a generated password written only to --secrets-out", async () => {
    const name = h.uniqueName("cli");
    const file = join(dir, `${name}.json`);
    const r = await h.spawn([
      "users",
      "create",
      project(),
      name,
      "--role",
      "readWrite@sales",
      "--role",
      "read@sales.orders",
      "--scope",
      "cluster0",
      "--label",
      "team=data",
      "--description",
      "made by the CLI",
      "--secrets-out",
      file,
    ]);
    expect(r).toMatchObject({ code: 0, stdout: `created ${name} on ${project()}\n` });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(file, "utf8")) as { password: string };
    expect(written).toMatchObject({ target: project(), name, authDatabase: "admin" });
    expect(hasPassword(name, written.password)).toBe(true);
    expect(r.stdout + r.stderr).not.toContain(written.password);
    expect(stored(name)).toMatchObject({
      roles: [
        { roleName: "readWrite", databaseName: "sales" },
        { roleName: "read", databaseName: "sales", collectionName: "orders" },
      ],
      scopes: [{ name: "cluster0", type: "CLUSTER" }],
      labels: [{ key: "team", value: "data" }],
      description: "made by the CLI",
    });
  });

  test("create --password-stdin with a service account's credentials; --auth-type users need no --secrets-out", async () => {
    const name = h.uniqueName("cli");
    const env = {
      MONGODB_ATLAS_PUBLIC_API_KEY: undefined,
      MONGODB_ATLAS_PRIVATE_API_KEY: undefined,
      MONGODB_ATLAS_CLIENT_ID: h.atlas.clientId,
      MONGODB_ATLAS_CLIENT_SECRET: h.atlas.clientSecret,
    };
    const password = "Piped-in-Passw0rd-value";
    const file = join(dir, `${name}.env`);
    const args = ["users", "create", project(), name, "--role", "read@a", "--password-stdin"];
    const r = await h.spawn([...args, "--secrets-out", file, "--secrets-format", "env"], {
      env,
      stdin: `${password}\n`,
    });
    expect(r.code).toBe(0);
    expect(hasPassword(name, password)).toBe(true);
    expect(readFileSync(file, "utf8")).toContain(`DBUSERS_PASSWORD='${password}'`);

    const arn = `arn:aws:iam::123456789012:user/${name}`;
    const iam = await h.spawn(
      ["users", "create", project(), arn, "--auth-type", "AWS_IAM_USER", "--role", "read@a", "--json"],
      { env },
    );
    expect(iam.code).toBe(0);
    expect(JSON.parse(iam.stdout)).toMatchObject({
      name: arn,
      authType: "AWS_IAM_USER",
      authDatabase: "$external",
    });
  });

  test("list --json and list, get with and without --auth-db", async () => {
    const name = h.uniqueName("cli");
    h.emulator.state.atlas.addUser(h.atlas.group, {
      username: name,
      password: "Seeded-Passw0rd-1",
      roles: [{ roleName: "readWriteAnyDatabase", databaseName: "admin" }],
    });
    const json = await h.spawn(["users", "list", project(), "--json"]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { name: string }[]).find((u) => u.name === name)).toMatchObject({
      vendor: "atlas",
      authType: "SCRAM",
      authDatabase: "admin",
      builtIn: false,
    });
    const table = await h.spawn(["users", "list", project()]);
    expect(table.stdout).toMatch(/^NAME +AUTH DB +AUTH TYPE +ACCESS\n/);
    expect(table.stdout).toMatch(new RegExp(`\\n${name} +admin +SCRAM +readWriteAnyDatabase@admin`));
    expect((await h.spawn(["users", "get", project(), name])).stdout).toMatch(
      new RegExp(`^name: ${name}\nauth database: admin\nauth type: SCRAM\n`),
    );
    const external = await h.spawn(["users", "get", project(), name, "--auth-db", "$external"]);
    expect(external.code).toBe(1);
    expect(external.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  test("update --role replaces the roles; --new-name renames; rotate-password; delete --yes", async () => {
    const name = h.uniqueName("cli");
    const renamed = `${name}-x`;
    h.emulator.state.atlas.addUser(h.atlas.group, { username: name, password: "Seeded-Passw0rd-2" });
    const updated = await h.spawn(["users", "update", project(), name, "--role", "read@reports", "--json"]);
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout).roles).toEqual([{ role: "read", database: "reports" }]);
    expect((await h.spawn(["users", "update", project(), name, "--new-name", renamed])).code).toBe(0);
    expect(stored(name)).toBeUndefined();
    const file = join(dir, `${renamed}.json`);
    const rotated = await h.spawn(["users", "rotate-password", project(), renamed, "--secrets-out", file]);
    expect(rotated).toMatchObject({
      code: 0,
      stdout: `rotated the password of ${renamed} on ${project()}\n`,
    });
    expect(hasPassword(renamed, JSON.parse(readFileSync(file, "utf8")).password)).toBe(true);
    expect((await h.spawn(["users", "delete", project(), renamed, "--yes"])).code).toBe(0);
    expect(stored(renamed)).toBeUndefined();
  });

  test("credentials: none is exit 2 naming the variables; --base-url wins over DBUSERS_ATLAS_URL", async () => {
    const none = await h.spawn(["users", "list", project()], {
      env: { MONGODB_ATLAS_PUBLIC_API_KEY: undefined, MONGODB_ATLAS_PRIVATE_API_KEY: undefined },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("MONGODB_ATLAS_PUBLIC_API_KEY");
    const flag = await h.spawn(["users", "list", project(), "--base-url", h.emulator.url, "--json"], {
      env: { DBUSERS_ATLAS_URL: "http://127.0.0.1:9" },
    });
    expect(flag.code).toBe(0);
  });

  test("invalid input exits 2 listing the rule, and nothing is sent", async () => {
    h.emulator.state.clearRequests();
    const r = await h.spawn([
      "users",
      "create",
      project(),
      "bad name!",
      "--role",
      "read@a",
      "--secrets-out",
      join(dir, "x.json"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/name/);
    expect(h.emulator.state.atlas.requests).toEqual([]);
  });
});
