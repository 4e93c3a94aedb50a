import { inspect } from "node:util";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { REDACTED, redact, redactText, Secret } from "../src/index.js";
import { isSecretKey, redactUrl } from "../src/redact.js";

const PEM = [
  "-----BEGIN PRIVATE KEY-----",
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
  "-----END PRIVATE KEY-----",
].join("\n");

describe("redact: keys", () => {
  it("replaces secret-looking keys at any depth, in any case or spelling", () => {
    const input = {
      name: "app_user",
      password: "hunter2",
      nested: {
        Api_Key: "k1",
        apiKey: "k2",
        "x-auth-token": "t",
        deeper: [{ private_key: "p", role: "normal" }],
      },
      access_key: "ak",
      access_cert: "ac",
      certificate: "cert",
      Authorization: "Bearer abc",
      cookie: "c=1",
      "set-cookie": ["a=1"],
      client_secret: "cs",
      passwd: "pw",
    };
    expect(redact(input)).toEqual({
      name: "app_user",
      password: REDACTED,
      nested: {
        Api_Key: REDACTED,
        apiKey: REDACTED,
        "x-auth-token": REDACTED,
        deeper: [{ private_key: REDACTED, role: "normal" }],
      },
      access_key: REDACTED,
      access_cert: REDACTED,
      certificate: REDACTED,
      Authorization: REDACTED,
      cookie: REDACTED,
      "set-cookie": REDACTED,
      client_secret: REDACTED,
      passwd: REDACTED,
    });
  });

  it("keeps null and undefined secrets as they are (they reveal nothing)", () => {
    expect(redact({ password: null, token: undefined })).toEqual({ password: null, token: undefined });
  });

  it("takes extra key names", () => {
    expect(redact({ mfaCode: "123456" }, { keys: ["mfa_code"] })).toEqual({ mfaCode: REDACTED });
  });

  it("does not change its input", () => {
    const input = { password: "x", list: [1, 2] };
    const output = redact(input);
    expect(input).toEqual({ password: "x", list: [1, 2] });
    expect(output).not.toBe(input);
  });

  it("recognises the usual names", () => {
    for (const key of [
      "password",
      "PASSWORD",
      "db_password",
      "privateKey",
      "api-key",
      "X-Auth-Token",
      "pwd",
      "cert",
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ["name", "role", "username", "publicKey", "host", "status"]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });
});

describe("redact: strings", () => {
  it("scrubs PEM blocks, even cut-off ones", () => {
    expect(redactText(`key:\n${PEM}\nend`)).toBe(`key:\n${REDACTED}\nend`);
    expect(redactText("-----BEGIN CERTIFICATE-----\nMIIB...")).toBe(REDACTED);
  });

  it("scrubs Bearer and Basic credentials", () => {
    expect(redactText("sent Bearer eyJhbGciOi.J9.abc-_= ok")).toBe(`sent Bearer ${REDACTED} ok`);
    expect(redactText("Basic dXNlcjpwYXNzd29yZA==")).toBe(`Basic ${REDACTED}`);
  });

  it("scrubs header lines, JSON pairs, query parameters and URL passwords", () => {
    expect(redactText("Authorization: Digest abc\nHost: x")).toBe(`Authorization: ${REDACTED}\nHost: x`);
    expect(redactText('{"name":"u","password":"p\\"w"}')).toBe(`{"name":"u","password":"${REDACTED}"}`);
    expect(redactText("GET /x?access_token=abc&page=2")).toBe(`GET /x?access_token=${REDACTED}&page=2`);
    expect(redactText("mongodb+srv://admin:s3cret@cluster0.mongodb.net")).toBe(
      `mongodb+srv://admin:${REDACTED}@cluster0.mongodb.net`,
    );
  });

  it("scrubs registered secrets, also percent- and JSON-encoded", () => {
    const secret = 'p@ss w"rd';
    const text = `raw ${secret} url ${encodeURIComponent(secret)} json ${JSON.stringify(secret)}`;
    const out = redactText(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain('w\\"rd');
  });

  it("takes Secret objects as registered secrets", () => {
    expect(redactText("token is abc123", [new Secret("abc123")])).toBe(`token is ${REDACTED}`);
  });

  it("scrubs strings nested in values", () => {
    expect(redact({ detail: "Bearer abc", list: [PEM] })).toEqual({
      detail: `Bearer ${REDACTED}`,
      list: [REDACTED],
    });
  });
});

describe("redact: awkward values", () => {
  it("survives cycles", () => {
    const value: Record<string, unknown> = { name: "a", password: "p" };
    value.self = value;
    value.list = [value];
    const out = redact(value);
    expect(out).toEqual({ name: "a", password: REDACTED, self: "[Circular]", list: ["[Circular]"] });
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it("copies shared (non-cyclic) references twice", () => {
    const shared = { a: 1 };
    expect(redact({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  it("survives getters that throw", () => {
    const value = {
      ok: 1,
      get boom(): never {
        throw new Error("nope");
      },
    };
    expect(redact(value)).toEqual({ ok: 1, boom: "[Unreadable]" });
  });

  it("survives proxies that throw", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no keys");
        },
      },
    );
    expect(redact({ hostile })).toEqual({ hostile: "[Unreadable]" });
  });

  it("turns Secrets, Headers, Maps, URLs, errors and binaries into printable data", () => {
    const out = redact({
      token: "x",
      held: new Secret("s3cret"),
      headers: new Headers({ authorization: "Bearer x", accept: "application/json" }),
      map: new Map([["password", "p"]]),
      url: new URL("https://u:p@api.example.com/x?api_key=k&page=1"),
      error: Object.assign(new Error("failed with Bearer abc"), { code: "E1", password: "p" }),
      bytes: new Uint8Array(3),
      fn: function named() {},
    });
    expect(out).toEqual({
      token: REDACTED,
      held: REDACTED,
      headers: { authorization: REDACTED, accept: "application/json" },
      map: new Map([["password", REDACTED]]),
      url: `https://api.example.com/x?api_key=${REDACTED}&page=1`,
      error: { name: "Error", message: `failed with Bearer ${REDACTED}`, code: "E1", password: REDACTED },
      bytes: "[Binary: 3 bytes]",
      fn: "[Function: named]",
    });
  });

  it("keeps a __proto__ key a key", () => {
    const out = redact(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__"]);
  });

  it("stops at maxDepth", () => {
    expect(redact({ a: { b: { c: 1 } } }, { maxDepth: 2 })).toEqual({ a: { b: "[Truncated]" } });
  });

  test.prop([fc.anything()])("never throws, and its result can always be serialized", (value) => {
    const out = redact(value);
    expect(() => inspect(out)).not.toThrow();
    expect(() => JSON.stringify(out)).not.toThrow();
  });
});

describe("redactUrl", () => {
  it("drops user info and secret query values", () => {
    expect(redactUrl("https://user:pw@host.example/path?token=abc&x=1#frag")).toBe(
      `https://host.example/path?token=${REDACTED}&x=1#frag`,
    );
  });

  it("keeps the host of URLs whose scheme has no origin", () => {
    expect(redactUrl("mongodb+srv://admin:pw@cluster0.example.net/admin?authSource=admin")).toBe(
      "mongodb+srv://cluster0.example.net/admin?authSource=admin",
    );
  });

  it("scrubs registered secrets from the path", () => {
    expect(redactUrl("https://h.example/users/s3cr3t-name", ["s3cr3t-name"])).toBe(
      `https://h.example/users/${REDACTED}`,
    );
  });

  it("still redacts text that is not a URL", () => {
    expect(redactUrl("not a url ?password=x")).toBe(`not a url ?password=${REDACTED}`);
  });
});

describe("redactText laws", () => {
  const texty = fc.oneof(
    fc.string(),
    fc.constantFrom("token=abc: x", "Bearer abc", PEM, '{"password":"x"}', "Cookie: a=b", "https://u:p@h/x"),
  );
  test.prop([fc.array(texty, { maxLength: 4 }).map((parts) => parts.join(" "))])("is idempotent", (text) => {
    const once = redactText(text);
    expect(redactText(once)).toBe(once);
  });
});
