/** clouds.yaml as openstacksdk finds and merges it (docs/vendors/rackspace.md §4.3). */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { candidateFiles, mergeCloud, readCloud } from "../src/cli/clouds-yaml.js";

const scratch = () => mkdtempSync(join(tmpdir(), "dbusers-clouds-"));

describe("where clouds.yaml and secure.yaml are looked for", () => {
  it("the working directory, the user's, then the site's, each as .yaml, .yml and .json", () => {
    const files = candidateFiles({ HOME: "/users/me" }, "/srv/app", "clouds");
    expect(files).toEqual(
      ["/srv/app", "/users/me/.config/openstack", "/etc/xdg/openstack", "/etc/openstack"].flatMap((dir) =>
        [".yaml", ".yml", ".json"].map((suffix) => `${dir}/clouds${suffix}`),
      ),
    );
  });

  it("XDG_CONFIG_HOME before ~/.config; OS_CLIENT_*_FILE in front, relative to the working directory", () => {
    const env = { HOME: "/users/me", XDG_CONFIG_HOME: "/xdg", OS_CLIENT_SECURE_FILE: "s.yaml" };
    const files = candidateFiles(env, "/srv/app", "secure");
    expect(files[0]).toBe("/srv/app/s.yaml");
    expect(files.indexOf("/xdg/openstack/secure.yaml")).toBeLessThan(
      files.indexOf("/users/me/.config/openstack/secure.yaml"),
    );
    expect(candidateFiles(env, "/srv/app", "clouds")[0]).toBe("/srv/app/clouds.yaml");
  });
});

describe("merging", () => {
  it("merges mappings key by key, the second winning; lists and values are replaced", () => {
    const merged = mergeCloud(
      { region_name: "ORD", regions: ["ORD", "DFW"], auth: { username: "ops", password: "old" } },
      { regions: ["IAD"], auth: { password: "new" } },
    );
    expect(merged).toEqual({
      region_name: "ORD",
      regions: ["IAD"],
      auth: { username: "ops", password: "new" },
    });
  });
});

describe("readCloud", () => {
  it("reads the first file found and merges the first secure file found over the entry", async () => {
    const cwd = scratch();
    const home = scratch();
    mkdirSync(join(home, ".config", "openstack"), { recursive: true });
    writeFileSync(
      join(cwd, "clouds.yml"),
      "clouds:\n  prod:\n    auth: { username: ops, auth_url: https://k/v3 }\n",
    );
    writeFileSync(
      join(home, ".config", "openstack", "clouds.yaml"),
      "clouds:\n  prod:\n    region_name: NOT-USED\n",
    );
    writeFileSync(
      join(home, ".config", "openstack", "secure.json"),
      JSON.stringify({ clouds: { prod: { auth: { password: "s3cret" } } } }),
    );
    expect(await readCloud({ HOME: home }, cwd, "prod")).toEqual({
      auth: { username: "ops", auth_url: "https://k/v3", password: "s3cret" },
    });
  });

  it("an explicit file comes first but does not hide the others", async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, "clouds.yaml"), "clouds:\n  prod:\n    region_name: ORD\n");
    const missing = join(cwd, "nowhere.yaml");
    expect(await readCloud({ HOME: scratch(), OS_CLIENT_CONFIG_FILE: missing }, cwd, "prod")).toEqual({
      region_name: "ORD",
    });
  });

  it("names the file when the cloud is in neither file, and every place looked when no file exists", async () => {
    const cwd = scratch();
    const env = { HOME: scratch(), XDG_CONFIG_DIRS: join(cwd, "site") };
    await expect(readCloud(env, cwd, "prod")).rejects.toThrow(
      /OS_CLOUD=prod: no clouds\.yaml found \(looked in .*clouds\.json/,
    );
    writeFileSync(join(cwd, "clouds.yaml"), "clouds:\n  test: {}\n");
    await expect(readCloud(env, cwd, "prod")).rejects.toThrow(
      `OS_CLOUD=prod: ${join(cwd, "clouds.yaml")} has no cloud of that name`,
    );
    writeFileSync(join(cwd, "secure.yaml"), "clouds:\n  prod:\n    auth: { password: pw }\n");
    expect(await readCloud(env, cwd, "prod")).toEqual({ auth: { password: "pw" } });
  });

  it("a file that does not parse is a usage error naming it, without its content", async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, "clouds.yaml"), "clouds:\n  prod: { auth: [password: hunter2\n");
    const error = await readCloud({ HOME: scratch() }, cwd, "prod").catch((e: unknown) => e);
    expect(String(error)).toContain(`${join(cwd, "clouds.yaml")} is not valid YAML`);
    expect(String(error)).not.toContain("hunter2");
  });

  it("an inherited name such as __proto__ or toString is not a cloud", async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, "clouds.yaml"), "clouds:\n  prod: {}\n");
    await expect(readCloud({ HOME: scratch() }, cwd, "toString")).rejects.toThrow(
      /has no cloud of that name/,
    );
  });
});
