/** Every operation against the emulator: what is sent, what comes back, what the state becomes. */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, test } from "vitest";
import { DEFAULT_BASE_URL, DEFAULT_USER_AGENT, VERSION } from "../src/index.js";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const USERS_PATH = (cluster: string) => `/v2/databases/${cluster}/users`;

describe("listUsers", () => {
  test("returns every user of the cluster, the built-in doadmin first", async () => {
    const client = h.client();
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);

    const users = await client.listUsers(h.clusters.pg);

    expect(users[0]).toMatchObject({ name: "doadmin", role: "primary" });
    expect(users.map((user) => user.name)).toContain(name);
    expect(h.sent()).toMatchObject([
      { method: "GET", path: USERS_PATH(h.clusters.pg), operationId: "databases_list_users" },
    ]);
  });
});

describe("getUser", () => {
  test("returns the user named in the path", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, { name, password: "seeded-password-1" });

    const user = await h.client().getUser(h.clusters.pg, name);

    expect(user).toMatchObject({ name, role: "normal", password: "seeded-password-1" });
    expect(h.sent()).toMatchObject([{ method: "GET", path: `${USERS_PATH(h.clusters.pg)}/${name}` }]);
  });
});

describe("addUser", () => {
  test("creates the user and returns it with the password the server chose", async () => {
    const name = h.uniqueName();

    const user = await h.client().addUser(h.clusters.pg, { name }, { engine: "pg" });

    expect(user).toMatchObject({ name, role: "normal" });
    expect(user.password).toEqual(expect.any(String));
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)?.password).toBe(user.password);
    expect(h.sent()).toMatchObject([{ method: "POST", path: USERS_PATH(h.clusters.pg), body: { name } }]);
  });

  test("sends the body as application/json", async () => {
    await h.client().addUser(h.clusters.pg, { name: h.uniqueName() });
    expect(h.sent()[0]?.headers["content-type"]).toBe("application/json");
  });
});

describe("updateUser", () => {
  test("replaces the settings and returns the user (DigitalOcean answers 201)", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);

    const user = await h
      .client()
      .updateUser(h.clusters.pg, name, { settings: { pg_allow_replication: true } });

    expect(user).toMatchObject({ name, settings: { pg_allow_replication: true } });
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)?.settings).toEqual({
      pg_allow_replication: true,
    });
    expect(h.sent()).toMatchObject([
      { method: "PUT", status: 201, body: { settings: { pg_allow_replication: true } } },
    ]);
  });
});

describe("updateUser against a server that answers 200", () => {
  test("200 is accepted as well as the documented 201", async () => {
    // The emulator follows the spec (201); this one-route loopback server answers as clients often see.
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ user: { name: "app", settings: { pg_allow_replication: true } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = h.client({ baseUrl: `http://127.0.0.1:${port}` });
      const user = await client.updateUser(h.clusters.pg, "app", {
        settings: { pg_allow_replication: true },
      });
      expect(user).toEqual({ name: "app", settings: { pg_allow_replication: true } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("deleteUser", () => {
  test("removes the user and resolves with nothing", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, name);

    await expect(h.client().deleteUser(h.clusters.pg, name)).resolves.toBeUndefined();

    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)).toBeUndefined();
    expect(h.sent()).toMatchObject([
      { method: "DELETE", status: 204, path: `${USERS_PATH(h.clusters.pg)}/${name}` },
    ]);
  });
});

describe("resetUserAuth", () => {
  test("gives the user a new password, sending an empty body when none is given", async () => {
    const name = h.uniqueName();
    const before = h.emulator.state.digitalocean.addUser(h.clusters.pg, name);

    const user = await h.client().resetUserAuth(h.clusters.pg, name);

    expect(user.name).toBe(name);
    expect(user.password).not.toBe(before.password);
    expect(h.emulator.state.digitalocean.getUser(h.clusters.pg, name)?.password).toBe(user.password);
    expect(h.sent()).toMatchObject([
      { method: "POST", path: `${USERS_PATH(h.clusters.pg)}/${name}/reset_auth`, body: {}, status: 200 },
    ]);
  });
});

describe("every request", () => {
  test("carries the token as a Bearer credential and the default user agent", async () => {
    const client = h.client();
    const name = h.uniqueName();
    await client.addUser(h.clusters.pg, { name });
    await client.getUser(h.clusters.pg, name);
    await client.listUsers(h.clusters.pg);
    await client.updateUser(h.clusters.pg, name, { settings: {} });
    await client.resetUserAuth(h.clusters.pg, name);
    await client.deleteUser(h.clusters.pg, name);

    const sent = h.sent();
    expect(sent).toHaveLength(6);
    for (const request of sent) {
      // The emulator keeps the scheme and redacts the credential; a wrong token would have been a 401.
      expect(request.headers.authorization).toBe("Bearer [REDACTED]");
      expect(request.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
      expect(request.status).toBeLessThan(300);
    }
  });

  test("the default user agent names this package and its version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
    expect(DEFAULT_USER_AGENT.startsWith(`dbusers-digitalocean/${pkg.version}`)).toBe(true);
  });

  test("a custom user agent replaces the default", async () => {
    await h.client({ userAgent: "my-tool/1.2" }).listUsers(h.clusters.pg);
    expect(h.sent()[0]?.headers["user-agent"]).toBe("my-tool/1.2");
  });

  test("a custom fetch is the one that sends", async () => {
    const seen: string[] = [];
    const client = h.client({
      fetch: (input, init) => {
        seen.push(input instanceof Request ? input.method : String(init?.method));
        return fetch(input, init);
      },
    });
    await client.listUsers(h.clusters.pg);
    expect(seen).toEqual(["GET"]);
  });

  test("a base URL with a trailing slash reaches the same routes", async () => {
    const client = h.client({ baseUrl: `${h.emulator.url}/` });
    expect(client.baseUrl).toBe(h.emulator.url);
    await client.listUsers(h.clusters.pg);
    expect(h.sent()[0]?.path).toBe(USERS_PATH(h.clusters.pg));
  });

  test("the base URL defaults to DigitalOcean's API", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.digitalocean.com");
    expect(h.client({ baseUrl: undefined }).baseUrl).toBe(DEFAULT_BASE_URL);
  });
});
