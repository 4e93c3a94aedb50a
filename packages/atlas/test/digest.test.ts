import { describe, expect, it } from "vitest";
import { digestAuthorization, parseDigestChallenge } from "../src/digest.js";

// RFC 7616 §3.9.1: the same request answered with MD5 and with SHA-256.
const RFC = {
  credentials: { username: "Mufasa", password: "Circle of Life" },
  uri: "/dir/index.html",
  cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
  header: (algorithm: string) =>
    `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
};

describe("digest (RFC 7616)", () => {
  it.each([
    ["MD5", "8ca523f5e9506fed4657c9700eebdbec"],
    ["SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"],
  ])("answers the RFC's %s example with its response value", (algorithm, response) => {
    const challenge = parseDigestChallenge(RFC.header(algorithm));
    expect(challenge).toMatchObject({ algorithm, qop: "auth", realm: "http-auth@example.org" });
    const header = digestAuthorization(challenge!, RFC.credentials, "GET", RFC.uri, RFC.cnonce);
    expect(header).toContain(`response="${response}"`);
    expect(header).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
    expect(header).toMatch(/, qop=auth, nc=00000001, cnonce="f2\/wE4q7/);
  });

  it("reads Atlas's challenge (unquoted MD5, a nonce with + and /)", () => {
    const challenge = parseDigestChallenge(
      'Digest realm="MMS Public API", domain="", nonce="669gyxpgL6MGDuSZvQ80Spv3k+Jc99ed", algorithm=MD5, qop="auth", stale=false',
    );
    expect(challenge).toEqual({
      realm: "MMS Public API",
      nonce: "669gyxpgL6MGDuSZvQ80Spv3k+Jc99ed",
      algorithm: "MD5",
      qop: "auth",
      opaque: undefined,
    });
  });

  it("answers without qop when the server names none (RFC 2069 style)", () => {
    const challenge = parseDigestChallenge('Digest realm="r", nonce="n"');
    expect(challenge?.qop).toBeUndefined();
    expect(digestAuthorization(challenge!, RFC.credentials, "GET", "/")).not.toContain("qop=");
  });

  it("refuses what it cannot answer: other schemes, -sess and unknown algorithms, auth-int only", () => {
    expect(parseDigestChallenge(null)).toBeUndefined();
    expect(parseDigestChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="x", nonce="n", algorithm=MD5-sess')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="x", nonce="n", algorithm=SHA-512-256')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="x", nonce="n", qop="auth-int"')).toBeUndefined();
  });

  it("finds the Digest challenge after another scheme's", () => {
    expect(parseDigestChallenge('Bearer realm="a", Digest realm="b", nonce="n"')?.realm).toBe("b");
  });
});
