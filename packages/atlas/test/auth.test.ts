import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AtlasApiError, createAtlasClient, InvalidOptionError } from "../src/index.js";
import { scram, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const tokenRequests = () => h.sent().filter((r) => r.operationId === "oauthToken").length;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("HTTP Digest with an API key (docs/vendors/atlas.md §6.1)", () => {
  it("answers a fresh challenge for every request, signing the exact path and query sent", async () => {
    const client = h.client("digest");
    await client.listUsersPage(h.groupId, { pageNum: 1, itemsPerPage: 3 });
    const [probe, signed] = h.sent();
    expect(probe).toMatchObject({
      status: 401,
      headers: expect.not.objectContaining({ authorization: expect.anything() }),
    });
    expect(signed).toMatchObject({ status: 200, headers: { authorization: "Digest [REDACTED]" } });
    expect(signed?.query).toBe("pageNum=1&itemsPerPage=3");
  });

  it("sends no body with the unauthenticated probe, so a password goes only with the signed request", async () => {
    const client = h.client("digest");
    const name = h.uniqueName();
    await client.createUser(h.groupId, scram(name));
    const posts = h.sent().filter((r) => r.method === "POST");
    expect(posts.map((p) => [p.status, p.headers["content-length"]])).toEqual([
      [401, "0"],
      [201, expect.stringMatching(/^[1-9]\d*$/)],
    ]);
  });

  it("a wrong private key is a typed 401 that carries no key, in any rendering", async () => {
    const wrong = "0123456789abcdef-not-the-key";
    const client = h.client("digest", { auth: { publicKey: h.apiKey.publicKey, privateKey: wrong } });
    const error = await client.listUsers(h.groupId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 401, code: "UNAUTHORIZED", retryable: false });
    for (const text of [
      String(error),
      inspect(error, { depth: 5 }),
      JSON.stringify(error),
      (error as Error).stack ?? "",
    ]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(h.apiKey.privateKey);
    }
    expect(inspect(client, { depth: 5 })).not.toContain(wrong);
  });
});

describe("service accounts (docs/vendors/atlas.md §6.2)", () => {
  it("50 concurrent calls share one token request", async () => {
    const client = h.client("serviceAccount");
    await Promise.all(Array.from({ length: 50 }, () => client.listUsersPage(h.groupId)));
    expect(tokenRequests()).toBe(1);
    const calls = h.sent().filter((r) => r.operationId === "listGroupDatabaseUsers");
    expect(calls).toHaveLength(50);
    expect(calls.every((c) => c.status === 200 && c.headers.authorization === "Bearer [REDACTED]")).toBe(
      true,
    );
  });

  it("an expired token is refreshed once, and the call goes through", async () => {
    const client = h.client("serviceAccount");
    await client.listUsersPage(h.groupId);
    h.emulator.state.atlas.expireTokens();
    h.emulator.state.clearRequests();
    await Promise.all(Array.from({ length: 10 }, () => client.listUsersPage(h.groupId)));
    expect(tokenRequests()).toBe(1);
    const statuses = h
      .sent()
      .filter((r) => r.operationId === "listGroupDatabaseUsers")
      .map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
  });

  it("close() revokes the token it obtained", async () => {
    const client = h.client("serviceAccount");
    await client.listUsersPage(h.groupId);
    await client.close();
    const revoke = h.sent().find((r) => r.operationId === "oauthRevoke");
    expect(revoke?.status).toBe(200);
    await client.listUsersPage(h.groupId);
    expect(tokenRequests()).toBe(2);
  });

  it("a wrong client secret is a typed 401 without the secret", async () => {
    const secret = "mdb_sa_sk_wrongwrongwrong";
    const client = h.client("serviceAccount", {
      auth: { clientId: h.account.clientId, clientSecret: secret },
    });
    const error = await client.listUsersPage(h.groupId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AtlasApiError", status: 401, errorCode: "invalid_client" });
    expect(inspect(error, { depth: 5 }) + JSON.stringify(error)).not.toContain(secret);
  });
});

describe("credentials from the environment, as the Atlas CLI reads them (issue 15)", () => {
  it("uses MONGODB_ATLAS_CLIENT_ID/SECRET when auth is left out", async () => {
    vi.stubEnv("MONGODB_ATLAS_CLIENT_ID", h.account.clientId);
    vi.stubEnv("MONGODB_ATLAS_CLIENT_SECRET", h.account.clientSecret);
    const client = createAtlasClient({ baseUrl: h.emulator.url });
    await client.listUsersPage(h.groupId);
    expect(tokenRequests()).toBe(1);
  });

  it("uses MONGODB_ATLAS_PUBLIC_API_KEY/PRIVATE_API_KEY when only those are set", async () => {
    vi.stubEnv("MONGODB_ATLAS_PUBLIC_API_KEY", h.apiKey.publicKey);
    vi.stubEnv("MONGODB_ATLAS_PRIVATE_API_KEY", h.apiKey.privateKey);
    const client = createAtlasClient({ baseUrl: h.emulator.url });
    await client.listUsersPage(h.groupId);
    expect(h.sent().at(-1)?.headers.authorization).toBe("Digest [REDACTED]");
  });

  it("missing or empty credentials are an InvalidOptionError naming the option, before any request", () => {
    for (const name of [
      "MONGODB_ATLAS_CLIENT_ID",
      "MONGODB_ATLAS_CLIENT_SECRET",
      "MONGODB_ATLAS_PUBLIC_API_KEY",
      "MONGODB_ATLAS_PRIVATE_API_KEY",
    ]) {
      vi.stubEnv(name, "");
    }
    expect(() => createAtlasClient({ baseUrl: h.emulator.url })).toThrow(
      expect.objectContaining({ name: "InvalidOptionError", option: "auth", code: "INVALID_OPTION" }),
    );
    expect(() => createAtlasClient({ auth: { publicKey: "abc", privateKey: "" } })).toThrow(
      expect.objectContaining({ option: "auth.privateKey" }),
    );
    expect(() => createAtlasClient({ auth: { clientId: "abc" } as never })).toThrow(InvalidOptionError);
    expect(() => createAtlasClient({ auth: {} as never })).toThrow(
      expect.objectContaining({ option: "auth" }),
    );
    expect(h.sent()).toEqual([]);
  });
});
