/** Identity (docs/vendors/rackspace.md §4): shared tokens, renewal once on a 401, the catalog's endpoint, the environment. */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createRackspaceClient,
  InvalidOptionError,
  RackspaceAuthError,
  RackspaceEndpointError,
} from "../src/index.js";
import { failure, noWait, SCHEMES, useEmulator } from "./support/emulator.js";

const ctx = useEmulator();
const identityCalls = () =>
  ctx.sent().filter((r) => r.path === "/v2.0/tokens" || r.path === "/v3/auth/tokens");

afterEach(() => vi.unstubAllEnvs());

describe.each(SCHEMES)("tokens through %s", (scheme) => {
  it("concurrent calls share one token request", async () => {
    const client = ctx.client(scheme);
    await Promise.all(Array.from({ length: 8 }, () => client.listUsers(ctx.instanceId)));
    expect(identityCalls()).toHaveLength(1);
  });

  it("a token that expires mid-run is renewed once and the call sent again", async () => {
    const client = ctx.client(scheme);
    await client.listUsers(ctx.instanceId);
    ctx.emulator.state.rackspace.expireTokens();
    await Promise.all([client.listUsers(ctx.instanceId), client.listDatabases(ctx.instanceId)]);
    expect(identityCalls()).toHaveLength(2);
    const statuses = ctx
      .sent()
      .filter((r) => r.path.startsWith("/v1.0/"))
      .map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(2);
    // A POST answered 401 is sent again too: the 401 means it was never applied.
    ctx.emulator.state.rackspace.expireTokens();
    await client.createUsers(ctx.instanceId, [{ name: "after401", password: "Secret_pw_1" }]);
    expect(ctx.emulator.state.rackspace.instance(ctx.instanceId).users.map((u) => u.name)).toEqual([
      "after401",
    ]);
  });

  it("wrong credentials are a RackspaceAuthError naming the identity service, never the secret", async () => {
    const url = ctx.emulator.url;
    const auth =
      scheme === "rackspace-v2"
        ? { username: "dbadmin", apiKey: "wrong-key-123" }
        : { authUrl: url, username: "dbadmin", password: "wrong-key-123", projectName: "827364" };
    const error = await failure(
      createRackspaceClient({ auth, identityUrl: `${url}/v2.0` }).listUsers(ctx.instanceId),
    );
    expect(error).toBeInstanceOf(RackspaceAuthError);
    expect(error).toMatchObject({ code: "AUTHENTICATION_FAILED", status: 401 });
    expect(JSON.stringify(error)).not.toContain("wrong-key-123");
    expect(String((error as Error).stack)).not.toContain("wrong-key-123");
  });
});

describe("the endpoint", () => {
  it("a region the catalog lacks is a RackspaceEndpointError listing the regions it has", async () => {
    const error = await failure(ctx.client("rackspace-v2", { region: "LON" }).listUsers(ctx.instanceId));
    expect(error).toBeInstanceOf(RackspaceEndpointError);
    expect((error as Error).message).toMatch(/no public rax:database endpoint in region LON; it has: ORD/);
  });

  it("Keystone's catalog is read by type database on the interface asked for", async () => {
    const client = ctx.client("keystone-v3", { interface: "internal", region: undefined });
    expect(await client.endpoint()).toBe(`${ctx.emulator.url}/v1.0/827364`);
  });

  it("a token you already have goes straight to its endpoint, as X-Auth-Token", async () => {
    const token = (
      (await await fetch(`${ctx.emulator.url}/v2.0/tokens`, {
        method: "POST",
        body: JSON.stringify({
          auth: { "RAX-KSKEY:apiKeyCredentials": { username: "dbadmin", apiKey: ctx.apiKey } },
        }),
      }).then((r) => r.json())) as { access: { token: { id: string } } }
    ).access.token.id;
    const client = createRackspaceClient({ auth: { token, endpoint: `${ctx.emulator.url}/v1.0/827364` } });
    expect(await client.listUsers(ctx.instanceId)).toEqual([]);
  });
});

describe("credentials from the environment, as Rackspace's and OpenStack's tools read them", () => {
  it("RS_USERNAME, RS_API_KEY and RS_REGION_NAME", async () => {
    vi.stubEnv("RS_USERNAME", "dbadmin");
    vi.stubEnv("RS_API_KEY", ctx.apiKey);
    vi.stubEnv("RS_REGION_NAME", "ORD");
    const client = createRackspaceClient({
      identityUrl: `${ctx.emulator.url}/v2.0`,
      retry: { sleep: noWait },
    });
    expect(await client.listUsers(ctx.instanceId)).toEqual([]);
  });

  it("OS_AUTH_URL with OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME and the domains", async () => {
    vi.stubEnv("RS_USERNAME", "");
    vi.stubEnv("RS_API_KEY", "");
    vi.stubEnv("OS_AUTH_URL", `${ctx.emulator.url}/v3`);
    vi.stubEnv("OS_USERNAME", "dbadmin");
    vi.stubEnv("OS_PASSWORD", ctx.password);
    vi.stubEnv("OS_PROJECT_NAME", "827364");
    vi.stubEnv("OS_USER_DOMAIN_NAME", "Default");
    vi.stubEnv("OS_PROJECT_DOMAIN_NAME", "Default");
    vi.stubEnv("OS_INTERFACE", "public");
    vi.stubEnv("OS_REGION_NAME", "ORD");
    expect(await createRackspaceClient().endpoint()).toBe(`${ctx.emulator.url}/v1.0/827364`);
  });

  it("no auth and no variables: a typed error naming the option and the variables", () => {
    for (const name of ["RS_USERNAME", "RS_API_KEY", "OS_AUTH_URL"]) vi.stubEnv(name, "");
    const error = (() => {
      try {
        createRackspaceClient();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option: "auth", rule: "missing" });
    expect((error as Error).message).toMatch(/RS_USERNAME and RS_API_KEY.*OS_AUTH_URL/);
  });

  it("a missing or empty credential names its option", () => {
    for (const name of ["RS_API_KEY", "OS_PASSWORD"]) vi.stubEnv(name, "");
    expect(() => createRackspaceClient({ auth: { username: "dbadmin" } as never })).toThrow(
      expect.objectContaining({ option: "auth.apiKey", rule: "missing" }),
    );
    expect(() => createRackspaceClient({ auth: { username: "dbadmin", apiKey: " " } })).toThrow(
      expect.objectContaining({ option: "auth.apiKey", rule: "empty" }),
    );
    expect(() =>
      createRackspaceClient({ auth: { authUrl: "http://127.0.0.1:1", username: "u" } as never }),
    ).toThrow(expect.objectContaining({ option: "auth.password" }));
    expect(() => createRackspaceClient({ auth: { token: "t0k3n-abc" } as never })).toThrow(
      expect.objectContaining({ option: "auth.endpoint" }),
    );
    expect(() =>
      createRackspaceClient({ auth: { username: "u", apiKey: "k" }, interface: "private" as never }),
    ).toThrow(expect.objectContaining({ option: "interface" }));
  });
});
