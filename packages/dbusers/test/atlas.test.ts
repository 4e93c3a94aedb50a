/** Every verb on MongoDB Atlas through the library, against the emulator's Atlas project. */
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  createDbUsers,
  type DbUsers,
  Secret,
  specOf,
  type Target,
  UnsupportedOperationError,
  ValidationError,
} from "../src/index.js";
import { createBody } from "../src/vendors/atlas/body.js";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const dbusers = (auth: "keys" | "service-account" = "keys"): DbUsers =>
  createDbUsers({
    atlas: {
      auth:
        auth === "keys"
          ? { publicKey: h.atlas.publicKey, privateKey: h.atlas.privateKey }
          : { clientId: h.atlas.clientId, clientSecret: h.atlas.clientSecret },
      baseUrl: h.emulator.url,
      retry: false,
    },
  });
const project = (auth?: "keys" | "service-account"): Target => dbusers(auth).target(`atlas:${h.atlas.group}`);
const name = () => h.uniqueName("atlas");
const stored = (username: string) =>
  h.emulator.state.atlas.users(h.atlas.group).filter((u) => u.username === username);

describe("MongoDB Atlas through the facade", () => {
  test("createUser generates a SCRAM password with the rules, maps roles, scopes, labels, description and expiry both ways", async () => {
    const username = name();
    const deleteAfterDate = new Date(Date.now() + 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    const spec = {
      name: username,
      roles: [
        { role: "readWrite", database: "sales" },
        { role: "read", database: "sales", collection: "orders" },
      ],
      scopes: [{ name: "cluster0", type: "CLUSTER" as const }],
      labels: [{ key: "team", value: "data" }],
      description: "reporting job",
      deleteAfterDate,
    };
    const { user, credentials } = await project().createUser(spec);
    expect(credentials.password).toBeInstanceOf(Secret);
    expect(credentials).toMatchObject({
      target: `atlas:${h.atlas.group}`,
      name: username,
      authDatabase: "admin",
    });
    expect(
      h.emulator.state.atlas.hasPassword(h.atlas.group, "admin", username, credentials.password!.reveal()),
    ).toBe(true);
    expect(specOf(user)).toEqual(specOf({ ...user, ...spec, authType: "SCRAM", authDatabase: "admin" }));
    const [raw] = stored(username);
    expect(raw?.roles).toEqual([
      { roleName: "readWrite", databaseName: "sales" },
      { roleName: "read", databaseName: "sales", collectionName: "orders" },
    ]);
    expect(raw?.scopes).toEqual([{ name: "cluster0", type: "CLUSTER" }]);
    // Read back, the user is the same in the common model; the vendor object is kept whole.
    const read = await project().getUser(username);
    expect(specOf(read)).toEqual(specOf(user));
    expect(read.vendorData).toMatchObject({ username, databaseName: "admin", groupId: h.atlas.group });
    expect(Object.keys(read.vendorData).sort()).toEqual(
      Object.keys(raw as object)
        .filter((k) => k !== "links")
        .concat("links")
        .sort(),
    );
  });

  test("a chosen password is sent as given and returned only as a Secret", async () => {
    const username = name();
    const password = "Chosen-Passw0rd-for-atlas";
    const { credentials } = await project("service-account").createUser(
      { name: username, roles: [{ role: "read", database: "a" }] },
      { password },
    );
    expect(credentials.password?.reveal()).toBe(password);
    expect(JSON.stringify(credentials)).not.toContain(password);
    expect(inspect(credentials, { depth: 5 })).not.toContain(password);
    expect(h.emulator.state.atlas.hasPassword(h.atlas.group, "admin", username, password)).toBe(true);
  });

  test("the auth type decides the type field and the auth database, and such users get no password", async () => {
    const arn = `arn:aws:iam::123456789012:role/${name()}`;
    const { user, credentials } = await project().createUser({
      name: arn,
      authType: "AWS_IAM_ROLE",
      roles: [{ role: "read", database: "sales" }],
    });
    expect(user).toMatchObject({ authType: "AWS_IAM_ROLE", authDatabase: "$external" });
    expect(credentials.password).toBeUndefined();
    expect(stored(arn)[0]).toMatchObject({ awsIAMType: "ROLE", databaseName: "$external" });
    await expect(project().rotatePassword(arn)).rejects.toBeInstanceOf(UnsupportedOperationError);
    await expect(
      project().createUser(
        { name: `${arn}x`, authType: "AWS_IAM_ROLE", roles: [] },
        { password: "Passw0rd-x-y" },
      ),
    ).rejects.toMatchObject({ code: "UNSUPPORTED", feature: "password" });
  });

  test("every auth type's create body selects exactly that type", () => {
    for (const authType of [
      "SCRAM",
      "AWS_IAM_USER",
      "AWS_IAM_ROLE",
      "X509_MANAGED",
      "X509_CUSTOMER",
      "LDAP_USER",
      "LDAP_GROUP",
      "OIDC_WORKFORCE",
      "OIDC_WORKLOAD",
    ] as const) {
      const body = createBody({ name: "n", authType });
      const typeFields = ["awsIAMType", "x509Type", "ldapAuthType", "oidcAuthType"].filter(
        (f) => (body as Record<string, unknown>)[f] !== undefined,
      );
      expect(typeFields.length, authType).toBe(authType === "SCRAM" ? 0 : 1);
    }
  });

  test("listUsers maps every user and nothing is built in", async () => {
    const username = name();
    await project().createUser({ name: username, roles: [{ role: "read", database: "x" }] });
    const users = await project().listUsers();
    const mine = users.find((u) => u.name === username);
    expect(mine).toMatchObject({ vendor: "atlas", builtIn: false, authType: "SCRAM", authDatabase: "admin" });
    expect(users.length).toBe(h.emulator.state.atlas.users(h.atlas.group).length);
  });

  test("updateUser patches only what changes, renames, and refuses a change of auth type", async () => {
    const username = name();
    const target = project();
    await target.createUser({
      name: username,
      roles: [{ role: "read", database: "a" }],
      labels: [{ key: "k", value: "v" }],
    });
    h.emulator.state.clearRequests();
    const updated = await target.updateUser(username, { roles: [{ role: "readWrite", database: "b" }] });
    expect(updated.roles).toEqual([{ role: "readWrite", database: "b" }]);
    expect(updated.labels).toEqual([{ key: "k", value: "v" }]);
    const patch = h.emulator.state.atlas.requests.find((r) => r.method === "PATCH" && r.status === 200);
    expect(patch?.body).toEqual({ roles: [{ roleName: "readWrite", databaseName: "b" }] });

    const renamed = name();
    expect((await target.updateUser({ name: username, authDatabase: "admin" }, { name: renamed })).name).toBe(
      renamed,
    );
    expect(stored(username)).toEqual([]);
    expect(stored(renamed)).toHaveLength(1);

    await expect(target.updateUser(renamed, { authType: "LDAP_USER" })).rejects.toMatchObject({
      code: "UNSUPPORTED",
      feature: "authType",
    });
    // The same auth type is no change at all.
    expect((await target.updateUser(renamed, { authType: "SCRAM" })).name).toBe(renamed);
  });

  test("rotatePassword sets a new generated password; deleteUser removes the user", async () => {
    const username = name();
    const target = project();
    const created = await target.createUser({ name: username, roles: [{ role: "read", database: "a" }] });
    const rotated = await target.rotatePassword(username);
    const next = rotated.credentials.password!.reveal();
    expect(next).not.toBe(created.credentials.password!.reveal());
    expect(h.emulator.state.atlas.hasPassword(h.atlas.group, "admin", username, next)).toBe(true);
    await target.deleteUser(username);
    expect(stored(username)).toEqual([]);
  });

  test("a name on both auth databases needs authDatabase", async () => {
    const username = `CN=${name()}`;
    h.emulator.state.atlas.addUser(h.atlas.group, {
      username,
      databaseName: "admin",
      password: "Passw0rd-1234",
    });
    h.emulator.state.atlas.addUser(h.atlas.group, {
      username,
      databaseName: "$external",
      x509Type: "CUSTOMER",
    });
    await expect(project().getUser(username)).rejects.toMatchObject({ code: "AMBIGUOUS_USER" });
    expect((await project().getUser({ name: username, authDatabase: "$external" })).authType).toBe(
      "X509_CUSTOMER",
    );
  });

  test("invalid input is refused by the rules before anything is sent", async () => {
    h.emulator.state.clearRequests();
    await expect(
      project().createUser({
        name: name(),
        roles: [{ role: "read", database: "a" }],
        description: "x".repeat(101),
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(h.emulator.state.atlas.requests.filter((r) => r.method === "POST")).toEqual([]);
  });
});
