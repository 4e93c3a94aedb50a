/**
 * The client starts like DigitalOcean's own tools: a token from the option, else from
 * `DIGITALOCEAN_TOKEN`, else from doctl's `DIGITALOCEAN_ACCESS_TOKEN`; missing or empty gives a typed
 * error naming the option (docs/vendors/digitalocean.md §9).
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { createDigitalOceanClient, DbUsersError, Secret } from "../src/index.js";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();

afterEach(() => {
  vi.unstubAllEnvs();
});

function noEnvironment() {
  vi.stubEnv("DIGITALOCEAN_TOKEN", undefined);
  vi.stubEnv("DIGITALOCEAN_ACCESS_TOKEN", undefined);
}

describe("a missing or empty token", () => {
  test("without options or variables is an InvalidOptionError naming `token` and the variables", () => {
    noEnvironment();
    let error: unknown;
    try {
      createDigitalOceanClient();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DbUsersError);
    expect(error).toMatchObject({
      name: "InvalidOptionError",
      code: "INVALID_OPTION",
      option: "token",
      rule: "missing",
    });
    expect((error as Error).message).toContain("DIGITALOCEAN_TOKEN");
  });

  test.each(["", "  ", new Secret("")])("an empty token %j is refused as empty", (token) => {
    expect(() => createDigitalOceanClient({ token })).toThrow(
      expect.objectContaining({ option: "token", rule: "empty" }) as never,
    );
  });

  test.each([42, {}, null])("a token of %j is refused as the wrong type", (token) => {
    expect(() => createDigitalOceanClient({ token: token as never })).toThrow(
      expect.objectContaining({ option: "token", rule: "type" }) as never,
    );
  });

  test("an empty variable is named in the message, and its value is never shown", () => {
    noEnvironment();
    vi.stubEnv("DIGITALOCEAN_TOKEN", " ");
    expect(() => createDigitalOceanClient()).toThrow(/`token` is required|DIGITALOCEAN_TOKEN/);
  });
});

describe("the token from the environment", () => {
  test("DIGITALOCEAN_TOKEN is used when `token` is left out", async () => {
    noEnvironment();
    vi.stubEnv("DIGITALOCEAN_TOKEN", h.token);
    const client = createDigitalOceanClient({ baseUrl: h.emulator.url });
    await expect(client.listUsers(h.clusters.pg)).resolves.toEqual(expect.any(Array));
  });

  test("doctl's DIGITALOCEAN_ACCESS_TOKEN is used when DIGITALOCEAN_TOKEN is not set", async () => {
    noEnvironment();
    vi.stubEnv("DIGITALOCEAN_ACCESS_TOKEN", h.token);
    const client = createDigitalOceanClient({ baseUrl: h.emulator.url });
    await expect(client.listUsers(h.clusters.pg)).resolves.toEqual(expect.any(Array));
  });

  test("the option wins over the variables", async () => {
    noEnvironment();
    vi.stubEnv("DIGITALOCEAN_TOKEN", "dop_v1_wrong");
    const client = createDigitalOceanClient({ token: h.token, baseUrl: h.emulator.url });
    await expect(client.listUsers(h.clusters.pg)).resolves.toEqual(expect.any(Array));
  });
});
