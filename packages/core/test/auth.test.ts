/**
 * Auth strategies plug into the template's hook: a Digest challenge answered once with the request's
 * method, exact URI and body; expiring tokens fetched once for concurrent calls, renewed before
 * expiry and once on a 401; a base URL taken from the token's catalog; revocation on close.
 */
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  type AuthStrategy,
  createVendorClient,
  type Secret,
  secret,
  type Token,
  tokenAuth,
} from "../src/index.js";
import { createTokenCache } from "../src/token-cache.js";
import type { paths } from "./fixtures/vendor-api.js";
import { type Answer, reply, startServer } from "./helpers/http-server.js";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const get = (api: ReturnType<typeof createVendorClient<paths>>, name = "x") =>
  api.GET("/users/{name}", { params: { path: { name } } });

/** A minimal RFC 7616 Digest strategy (MD5, qop=auth), written as a vendor would on the hook. */
function digestAuth(user: string, password: Secret): AuthStrategy {
  let count = 0;
  return {
    async hook(request, send) {
      const first = await send(request);
      const challenge = first.headers.get("www-authenticate");
      if (first.status !== 401 || !challenge?.startsWith("Digest ")) return first;
      const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? "";
      const url = new URL(request.url);
      const uri = `${url.pathname}${url.search}`;
      const nc = (++count).toString(16).padStart(8, "0");
      const cnonce = randomBytes(8).toString("hex");
      const ha1 = md5(`${user}:${field("realm")}:${password.reveal()}`);
      const ha2 = md5(`${request.method}:${uri}`);
      const response = md5(`${ha1}:${field("nonce")}:${nc}:${cnonce}:auth:${ha2}`);
      request.headers.set(
        "authorization",
        `Digest username="${user}", realm="${field("realm")}", nonce="${field("nonce")}", uri="${uri}", qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`,
      );
      return send(request);
    },
    secrets: () => [password],
  };
}

/** A server that checks Digest answers the way Atlas does: 401 with a challenge, then the real answer. */
function digestServer(user: string, password: string, answer: Answer): Answer {
  const nonce = randomBytes(8).toString("hex");
  return (res, seen, req) => {
    const header = seen.headers.authorization ?? "";
    const field = (name: string) => new RegExp(`${name}="?([^",]*)"?`).exec(header)?.[1] ?? "";
    const ha1 = md5(`${user}:api:${password}`);
    const ha2 = md5(`${seen.method}:${field("uri")}`);
    const expected = md5(`${ha1}:${nonce}:${field("nc")}:${field("cnonce")}:auth:${ha2}`);
    if (header.startsWith("Digest ") && field("uri") === seen.url && field("response") === expected) {
      return answer(res, seen, req);
    }
    res.writeHead(401, { "www-authenticate": `Digest realm="api", nonce="${nonce}", qop="auth"` });
    res.end();
  };
}

describe("a Digest strategy", () => {
  test("answers the challenge once, with the exact URI, and the body is sent again", async () => {
    const server = await startServer(
      digestServer("pub", "priv-key-1", reply(201, { user: { name: "a/b" } })),
    );
    const api = createVendorClient<paths>({
      vendor: "Example",
      baseUrl: `${server.origin}/api/v2`,
      auth: digestAuth("pub", secret("priv-key-1")),
    });
    const created = await api.result(api.POST("/users", { body: { name: "a/b", password: "pw-1" } }), [201]);
    expect(created).toEqual({ user: { name: "a/b" } });
    expect(server.seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/api/v2/users", '{"name":"a/b","password":"pw-1"}'],
      ["POST", "/api/v2/users", '{"name":"a/b","password":"pw-1"}'],
    ]);
  });

  test("a wrong key ends with the 401 after one answer, and the key is in no error", async () => {
    const server = await startServer(digestServer("pub", "right-key", reply(200, {})));
    const api = createVendorClient<paths>({
      vendor: "Example",
      baseUrl: server.origin,
      auth: digestAuth("pub", secret("wrong-key-9")),
    });
    const error = await api.result(get(api), [200]).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(server.seen).toHaveLength(2);
    expect(JSON.stringify(error)).not.toContain("wrong-key-9");
  });
});

describe("expiring tokens", () => {
  /** A token endpoint (`/token`) and an API that accepts only the latest token. */
  async function tokenServer(lifetimeSeconds: number) {
    let issued = 0;
    let current = "";
    const server = await startServer((res, seen) => {
      if (seen.url === "/token") {
        current = `tok-${++issued}-${randomBytes(4).toString("hex")}`;
        return reply(200, { access_token: current, expires_in: lifetimeSeconds })(
          res,
          seen,
          undefined as never,
        );
      }
      if (seen.headers.authorization !== `Bearer ${current}`)
        return reply(401, { message: "expired" })(res, seen, undefined as never);
      reply(200, { user: { name: "x" } })(res, seen, undefined as never);
    });
    const expire = () => {
      current = "revoked";
    };
    return { server, issued: () => issued, expire };
  }

  function oauth(origin: string, now = Date.now) {
    return tokenAuth({
      credentials: [secret("client-secret-1")],
      now,
      fetchToken: async (context) => {
        const response = await context.fetch(`${origin}/token`, {
          method: "POST",
          body: "grant_type=client_credentials",
        });
        const body = (await response.json()) as { access_token: string; expires_in: number };
        return { value: secret(body.access_token), expiresAt: now() + body.expires_in * 1000 };
      },
    });
  }

  test("concurrent calls share one token request", async () => {
    const { server, issued } = await tokenServer(3600);
    const api = createVendorClient<paths>({
      vendor: "Example",
      baseUrl: server.origin,
      auth: oauth(server.origin),
    });
    await Promise.all(Array.from({ length: 8 }, () => api.result(get(api), [200])));
    expect(issued()).toBe(1);
  });

  test("a 401 renews the token once and sends again; concurrent 401s share the renewal", async () => {
    const { server, issued, expire } = await tokenServer(3600);
    const api = createVendorClient<paths>({
      vendor: "Example",
      baseUrl: server.origin,
      auth: oauth(server.origin),
    });
    await api.result(get(api), [200]);
    expire();
    await Promise.all(Array.from({ length: 4 }, () => api.result(get(api), [200])));
    expect(issued()).toBe(2);
  });

  test("a token about to expire is renewed before use", async () => {
    let clock = 1_000_000;
    const { server, issued } = await tokenServer(120);
    const api = createVendorClient<paths>({
      vendor: "Example",
      baseUrl: server.origin,
      auth: oauth(server.origin, () => clock),
    });
    await api.result(get(api), [200]);
    clock += 30_000;
    await api.result(get(api), [200]);
    expect(issued()).toBe(1);
    clock += 40_000; // 50 s left: inside the default 60 s margin
    await api.result(get(api), [200]);
    expect(issued()).toBe(2);
  });

  test("the token and the credentials behind it are redacted from errors", async () => {
    const { server } = await tokenServer(3600);
    const auth = oauth(server.origin);
    const api = createVendorClient<paths>({ vendor: "Example", baseUrl: server.origin, auth });
    await api.result(get(api), [200]);
    const [token] = auth.secrets().slice(-1) as [Secret];
    const echo = await startServer(reply(500, { message: `token ${token.reveal()} and client-secret-1` }));
    const other = createVendorClient<paths>({ vendor: "Example", baseUrl: echo.origin, auth, retry: false });
    const error = await api
      .result(other.GET("/users/{name}", { params: { path: { name: "x" } } }), [200])
      .catch((e: unknown) => e);
    const text = JSON.stringify(error);
    expect(text).not.toContain(token.reveal());
    expect(text).not.toContain("client-secret-1");
  });

  test("a Keystone-style catalog decides the base URL, learnt with the first token", async () => {
    const api = await startServer(reply(200, { user: { name: "x" } }));
    const identity = await startServer(reply(200, { token: "ks-1", endpoint: `${api.origin}/v1.0/123` }));
    const auth = tokenAuth<Token & { endpoint: string }>({
      header: "X-Auth-Token",
      scheme: null,
      fetchToken: async (context) => {
        const body = (await (
          await context.fetch(`${identity.origin}/v2.0/tokens`, { method: "POST" })
        ).json()) as {
          token: string;
          endpoint: string;
        };
        return { value: secret(body.token), endpoint: body.endpoint };
      },
    });
    const client = createVendorClient<paths>({
      vendor: "Example",
      auth,
      resolveBaseUrl: async (context) => (await auth.token(context)).endpoint,
    });
    await client.result(get(client), [200]);
    expect(identity.seen).toHaveLength(1);
    expect(api.seen[0]).toMatchObject({ url: "/v1.0/123/users/x" });
    expect(api.seen[0]?.headers["x-auth-token"]).toBe("ks-1");
  });

  test("close() revokes the token", async () => {
    const { server } = await tokenServer(3600);
    const revoked: string[] = [];
    const auth = tokenAuth({
      fetchToken: async () => ({ value: secret("tok-a") }),
      revoke: async (token) => void revoked.push(token.value.reveal()),
    });
    const api = createVendorClient<paths>({ vendor: "Example", baseUrl: server.origin, auth, retry: false });
    await get(api);
    await api.close();
    expect(revoked).toEqual(["tok-a"]);
  });
});

describe("createTokenCache", () => {
  test("a failed fetch is not cached: the next call asks again", async () => {
    let calls = 0;
    const cache = createTokenCache({
      fetchToken: async () => {
        calls += 1;
        if (calls === 1) throw new Error("identity down");
        return { value: secret("t2") };
      },
    });
    const context = { fetch, signal: undefined };
    await expect(cache.get(context)).rejects.toThrow("identity down");
    await expect(cache.get(context)).resolves.toMatchObject({ value: expect.anything() });
    expect(calls).toBe(2);
  });

  test("a caller's abort ends its own wait, not the shared request", async () => {
    let release: (token: Token) => void = () => undefined;
    const cache = createTokenCache({
      fetchToken: () => new Promise<Token>((resolve) => (release = resolve)),
    });
    const controller = new AbortController();
    const first = cache.get({ fetch, signal: controller.signal });
    const second = cache.get({ fetch, signal: undefined });
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: "AbortedError" });
    release({ value: secret("t") });
    await expect(second).resolves.toMatchObject({ value: expect.anything() });
  });
});
