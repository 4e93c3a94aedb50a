import { describe, expect, it } from "vitest";
import { DesiredStateError, type FileIssue } from "../../src/plan/errors.js";
import { USERS, useWorld } from "./support.js";

const world = useWorld();

async function issuesOf(text: string): Promise<Omit<FileIssue, "file">[]> {
  try {
    await world.load(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DesiredStateError);
    return (error as DesiredStateError).issues.map(({ file: _file, ...rest }) => rest);
  }
  throw new Error("the file was accepted");
}

describe("the whole file is checked before anything is sent", () => {
  it("reports a YAML syntax error with its line and column", async () => {
    const issues = await issuesOf(`targets:\n  a: { vendor: digitalocean\nusers: []\n`);
    expect(issues[0]).toMatchObject({ line: 3, rule: expect.stringMatching(/^dbusers\.file\.yaml\./) });
  });

  it("reports unknown keys at the key, with the allowed shape's rule", async () => {
    const text = world.file(`users:\n  - name: app\n    targets: [app-pg]\n    pasword: hunter2\n`);
    expect(await issuesOf(text)).toEqual([
      {
        line: 7,
        column: 5,
        path: "users[0].pasword",
        rule: "dbusers.file.unknownKey",
        message: 'unknown key "pasword"',
      },
    ]);
  });

  it("refuses a field the target's vendor does not have", async () => {
    const text = world.file(`users:\n  - name: etl\n    targets: [app-my]\n    host: "10.0.0.%"\n`);
    expect(await issuesOf(text)).toEqual([
      {
        line: 7,
        column: 5,
        path: "users[0].host",
        rule: "dbusers.user.unsupportedField",
        message: "DigitalOcean users have no host (target app-my)",
      },
    ]);
  });

  it("applies every rule of the vendor and engine, at the offending value", async () => {
    const text = world.file(
      `users:\n  - name: app-reader\n    targets: [app-pg]\n  - name: pg_monitor\n    targets: [app-pg]\n  - name: tooling\n    targets: [app-my]\n    settings: { pg_allow_replication: true }\n`,
    );
    const issues = await issuesOf(text);
    expect(issues).toContainEqual(
      expect.objectContaining({
        line: 7,
        column: 11,
        path: "users[1].name",
        rule: "digitalocean.userName.pgPrefix",
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        line: 11,
        path: "users[2].settings.pg_allow_replication",
        rule: expect.stringMatching(/^digitalocean\./),
      }),
    );
    expect(issues.every((i) => i.path !== "users[0].name")).toBe(true);
  });

  it("refuses built-in users, duplicates, unknown targets and missing credentials", async () => {
    const text = world
      .file(
        `users:\n  - name: doadmin\n    targets: [app-pg]\n  - name: x1\n    targets: [app-pg, nowhere]\n  - name: x1\n    targets: [app-pg]\n`,
      )
      .replace("token: { env: DO_TOKEN } }\n  app-my", "token: { env: NOT_SET } }\n  app-my");
    const rules = (await issuesOf(text)).map((i) => `${i.path} ${i.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "targets.app-pg.token dbusers.target.credential",
        "users[0].name dbusers.user.builtIn",
        "users[1].targets[1] dbusers.user.unknownTarget",
        "users[2].name dbusers.user.duplicate",
      ]),
    );
  });

  it("sends nothing when one user is bad, through the CLI binary too", async () => {
    const bad = world.file(`${USERS}  - name: pg_bad\n    targets: [app-pg]\n`);
    world.write("dbusers.yaml", bad);
    for (const args of [
      ["plan", "-f", "dbusers.yaml"],
      ["apply", "-f", "dbusers.yaml", "--yes", "--secrets-out", "s.json"],
    ]) {
      const run = await world.spawn(args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain('dbusers.yaml:13:11: users[3].name: user name starts with "pg_"');
      expect(run.stderr).toContain("(digitalocean.userName.pgPrefix)");
    }
    const plan = await world.spawn(["plan", "-f", "dbusers.yaml", "--detailed-exitcode"]);
    expect(plan.code).toBe(1);
    expect(world.emulator.state.requests).toEqual([]);
  });
});

describe("Atlas and Rackspace users are checked against their vendor", () => {
  it("refuses a field the target's vendor lacks, at its key", async () => {
    const text = world.fileAll(
      `users:\n  - name: etl\n    targets: [analytics]\n    host: "10.0.0.%"\n    roles: [{ role: read, database: a }]\n  - name: bi\n    targets: [legacy]\n    roles: [{ role: read, database: a }]\n`,
    );
    expect(await issuesOf(text)).toEqual([
      {
        line: 9,
        column: 5,
        path: "users[0].host",
        rule: "dbusers.user.unsupportedField",
        message: "MongoDB Atlas users have no host (target analytics)",
      },
      {
        line: 13,
        column: 5,
        path: "users[1].roles",
        rule: "dbusers.user.unsupportedField",
        message: "Rackspace Cloud Databases users have no roles (target legacy)",
      },
    ]);
  });

  it("applies the vendors' rules at the offending value", async () => {
    const text = world.fileAll(
      `users:\n  - name: reporting\n    targets: [analytics]\n    roles: [{ role: read, database: a }]\n    scopes: [{ name: "-bad", type: CLUSTER }]\n  - name: etl\n    targets: [legacy]\n    host: "10.0.0.0/8"\n    databases: [mysql]\n`,
    );
    const issues = await issuesOf(text);
    expect(issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.rule.split(".")[0]}`)).toEqual(
      expect.arrayContaining([
        "10:22 users[0].scopes[0].name atlas",
        "13:11 users[1].host rackspace",
        "14:17 users[1].databases[0] rackspace",
      ]),
    );
  });

  it("refuses Rackspace's reserved users, a duplicate name@host, and rotating a user without a password", async () => {
    const text = world.fileAll(
      `users:\n  - name: os_admin\n    targets: [legacy]\n  - name: etl\n    targets: [legacy]\n  - name: etl\n    targets: [legacy]\n    host: "%"\n  - name: "arn:aws:iam::123456789012:role/etl"\n    targets: [analytics]\n    authType: AWS_IAM_ROLE\n    roles: [{ role: read, database: a }]\n    rotate: true\n`,
    );
    const rules = (await issuesOf(text)).map((i) => `${i.path} ${i.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "users[0].name dbusers.user.builtIn",
        "users[2].name dbusers.user.duplicate",
        "users[3].rotate dbusers.user.noPassword",
      ]),
    );
  });

  it("sends nothing to any vendor when one user on one of them is bad", async () => {
    world.write(
      "dbusers.yaml",
      world.fileAll(`${USERS}  - name: etl\n    targets: [legacy]\n    host: "10.0.0.0/8"\n`),
    );
    const run = await world.cli(["apply", "-f", "dbusers.yaml", "--yes", "--secrets-out", "s.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("users[3].host");
    expect(world.emulator.state.requests).toEqual([]);
  });
});
