import { describe, expect, it } from "vitest";
import { assertSafeBaseUrl, isLoopbackHost } from "../src/base-url.js";
import { UnsafeUrlError } from "../src/index.js";

function ruleOf(url: string): string | undefined {
  try {
    assertSafeBaseUrl(url);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeUrlError);
    return (error as UnsafeUrlError).rule;
  }
}

describe("assertSafeBaseUrl", () => {
  it("allows https anywhere", () => {
    expect(assertSafeBaseUrl("https://api.digitalocean.com").href).toBe("https://api.digitalocean.com/");
    expect(ruleOf("https://cloud.mongodb.com/api/atlas/v2")).toBeUndefined();
  });

  it("allows http to loopback only", () => {
    for (const url of [
      "http://127.0.0.1:8080",
      "http://127.1.2.3",
      "http://127.1",
      "http://localhost:3000/v2",
      "http://LOCALHOST",
      "http://[::1]:9000",
      "http://[0:0:0:0:0:0:0:1]",
      "http://[::ffff:127.0.0.1]",
    ]) {
      expect(ruleOf(url), url).toBeUndefined();
    }
  });

  it("refuses http to anything else, naming the rule", () => {
    for (const url of [
      "http://api.digitalocean.com",
      "http://10.0.0.1",
      "http://128.0.0.1",
      "http://localhost.example.com",
      "http://127.0.0.1.nip.io",
      "http://[::2]",
      "http://0.0.0.0",
    ]) {
      expect(ruleOf(url), url).toBe("https-required");
    }
  });

  it("refuses other schemes, user info and text that is not a URL", () => {
    expect(ruleOf("ftp://127.0.0.1")).toBe("unsupported-scheme");
    expect(ruleOf("file:///etc/passwd")).toBe("unsupported-scheme");
    expect(ruleOf("https://admin:hunter2@api.example.com")).toBe("credentials-in-url");
    expect(ruleOf("api.example.com")).toBe("invalid-url");
  });

  it("keeps the password out of the error", () => {
    const error = (() => {
      try {
        assertSafeBaseUrl("https://admin:hunter2secret@api.example.com/?token=abc123456");
      } catch (e) {
        return e as UnsafeUrlError;
      }
    })();
    expect(error?.code).toBe("UNSAFE_URL");
    expect(JSON.stringify(error)).not.toContain("hunter2secret");
    expect(JSON.stringify(error)).not.toContain("abc123456");
    expect(error?.message).toMatch(/user info/);
  });
});

describe("isLoopbackHost", () => {
  it("reads URL.hostname forms", () => {
    expect(isLoopbackHost("localhost.")).toBe(true);
    expect(isLoopbackHost("[::ffff:7f00:1]")).toBe(true);
    expect(isLoopbackHost("[::ffff:a00:1]")).toBe(false);
  });
});
