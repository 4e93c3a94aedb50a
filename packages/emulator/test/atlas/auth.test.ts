import { describe, expect, it } from "vitest";
import { ACCOUNT, API_KEY, digestHeader, GROUP, USERS, useAtlas, VERSION } from "./helpers.js";

const atlas = useAtlas();

async function challenge(path = USERS): Promise<string> {
  const first = await fetch(`${atlas.emulator.url}${path}`, { headers: { accept: VERSION } });
  await first.text();
  return first.headers.get("www-authenticate") ?? "";
}

describe("Atlas Digest auth (docs/vendors/atlas.md §6.1)", () => {
  it("challenges like Atlas: realm MMS Public API, MD5, qop auth, a 32-character nonce, Atlas's 401 body", async () => {
    const answer = await atlas.request("GET", USERS, { auth: null });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(
      /^Digest realm="MMS Public API", domain="", nonce="[A-Za-z0-9+/]{32}", algorithm=MD5, qop="auth", stale=false$/,
    );
    expect(answer.body).toEqual({
      detail: "You are not authorized for this resource.",
      error: 401,
      errorCode: "UNEXPECTED_ERROR",
      reason: "Unauthorized",
    });
  });

  it("accepts the right key and answers the request", async () => {
    const answer = await atlas.request("GET", USERS);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe(`${VERSION};charset=utf-8`);
    expect(answer.body).toMatchObject({ results: [], totalCount: 0 });
  });

  it("refuses a wrong private key, an unknown public key, a reused nonce and a uri that is not the one sent", async () => {
    const wrongKey = await atlas.request("GET", USERS, {
      auth: { digest: { ...API_KEY, privateKey: "nope" } },
    });
    expect(wrongKey.status).toBe(401);
    const unknown = await atlas.request("GET", USERS, { auth: { digest: { ...API_KEY, publicKey: "who" } } });
    expect(unknown.status).toBe(401);

    const once = digestHeader(await challenge(), "GET", USERS, API_KEY);
    const send = (header: string, path = USERS) =>
      fetch(`${atlas.emulator.url}${path}`, { headers: { accept: VERSION, authorization: header } });
    expect((await send(once)).status).toBe(200);
    expect((await send(once)).status).toBe(401);

    const otherUri = digestHeader(await challenge(), "GET", `${USERS}?pageNum=2`, API_KEY);
    expect((await send(otherUri)).status).toBe(401);
    const withQuery = digestHeader(await challenge(), "GET", `${USERS}?pageNum=2`, API_KEY);
    expect((await send(withQuery, `${USERS}?pageNum=2`)).status).toBe(200);
  });

  it("signs the method too: a GET's answer cannot be replayed as a DELETE", async () => {
    const path = `${USERS}/admin/alice`;
    atlas.emulator.state.atlas.addUser(GROUP, "alice");
    const header = digestHeader(await challenge(path), "GET", path, API_KEY);
    const response = await fetch(`${atlas.emulator.url}${path}`, {
      method: "DELETE",
      headers: { accept: VERSION, authorization: header },
    });
    expect(response.status).toBe(401);
    expect(atlas.emulator.state.atlas.users(GROUP)).toHaveLength(1);
  });
});

describe("Atlas service accounts (docs/vendors/atlas.md §6.2)", () => {
  it("hands out a bearer token for the client id and secret, which then authorizes calls", async () => {
    const token = await atlas.token();
    const answer = await atlas.request("GET", USERS, { auth: { bearer: token } });
    expect(answer.status).toBe(200);
    expect(atlas.emulator.state.atlas.tokensIssued).toBe(1);
  });

  it("answers the token request with Atlas's shape and the lifetime a test sets", async () => {
    atlas.emulator.state.atlas.tokenLifetimeSeconds = 5;
    const basic = Buffer.from(`${ACCOUNT.clientId}:${ACCOUNT.clientSecret}`).toString("base64");
    const response = await fetch(`${atlas.emulator.url}/api/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(await response.json()).toEqual({
      access_token: expect.stringMatching(/^[\w-]{43}$/),
      expires_in: 5,
      token_type: "Bearer",
    });
  });

  it("refuses a wrong secret, a wrong grant type, an expired token and a revoked token", async () => {
    const post = (path: string, basic: string, body: string) =>
      fetch(`${atlas.emulator.url}${path}`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(basic).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body,
      });
    expect(
      (await post("/api/oauth/token", `${ACCOUNT.clientId}:wrong`, "grant_type=client_credentials")).status,
    ).toBe(401);
    const good = `${ACCOUNT.clientId}:${ACCOUNT.clientSecret}`;
    expect((await post("/api/oauth/token", good, "grant_type=password")).status).toBe(400);

    const expired = await atlas.token();
    atlas.emulator.state.atlas.expireTokens();
    expect((await atlas.request("GET", USERS, { auth: { bearer: expired } })).status).toBe(401);

    const revoked = await atlas.token();
    const revoke = await post("/api/oauth/revoke", good, `token=${revoked}&token_type_hint=access_token`);
    expect(revoke.status).toBe(200);
    expect((await atlas.request("GET", USERS, { auth: { bearer: revoked } })).status).toBe(401);
  });

  it("never records a credential in the request log", async () => {
    const token = await atlas.token();
    await atlas.request("GET", USERS, { auth: { bearer: token } });
    await atlas.request("GET", USERS);
    const text = JSON.stringify(atlas.emulator.state.requests);
    for (const secret of [token, ACCOUNT.clientSecret, API_KEY.privateKey])
      expect(text).not.toContain(secret);
  });
});
