import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { backoffDelay, isConnectionError, isRetryableStatus, parseRetryAfter, sleep } from "../src/retry.js";

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe("isRetryableStatus", () => {
  it("is true for 429, 500, 502, 503 and 504 only", () => {
    const retryable = [];
    for (let status = 100; status < 600; status++) if (isRetryableStatus(status)) retryable.push(status);
    expect(retryable).toEqual([429, 500, 502, 503, 504]);
  });
});

describe("parseRetryAfter", () => {
  it("reads Retry-After in seconds", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "7" }), NOW)).toBe(7000);
  });

  it("reads Retry-After as an HTTP date", () => {
    const headers = new Headers({ "retry-after": new Date(NOW + 4000).toUTCString() });
    expect(parseRetryAfter(headers, NOW)).toBe(4000);
  });

  it("gives 0 for a date in the past", () => {
    const headers = new Headers({ "retry-after": new Date(NOW - 60_000).toUTCString() });
    expect(parseRetryAfter(headers, NOW)).toBe(0);
  });

  it("reads ratelimit-reset as Unix epoch seconds (DigitalOcean)", () => {
    expect(parseRetryAfter(new Headers({ "ratelimit-reset": String(NOW / 1000 + 12) }), NOW)).toBe(12_000);
  });

  it("reads a ratelimit-reset below 10^9 as seconds from now", () => {
    expect(parseRetryAfter(new Headers({ "ratelimit-reset": "30" }), NOW)).toBe(30_000);
  });

  it("prefers Retry-After over ratelimit-reset", () => {
    const headers = new Headers({ "retry-after": "1", "ratelimit-reset": "30" });
    expect(parseRetryAfter(headers, NOW)).toBe(1000);
  });

  it("skips ratelimit-reset when told to", () => {
    expect(
      parseRetryAfter(new Headers({ "ratelimit-reset": "30" }), NOW, { rateLimitReset: false }),
    ).toBeUndefined();
  });

  it("is undefined when neither header says anything usable", () => {
    expect(parseRetryAfter(new Headers(), NOW)).toBeUndefined();
    expect(
      parseRetryAfter(new Headers({ "retry-after": "soon", "ratelimit-reset": "-3" }), NOW),
    ).toBeUndefined();
  });

  test.prop([fc.nat({ max: 100_000 })])("round-trips delta-seconds", (seconds) => {
    expect(parseRetryAfter(new Headers({ "retry-after": String(seconds) }), NOW)).toBe(seconds * 1000);
  });
});

describe("backoffDelay", () => {
  test.prop([fc.nat({ max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })])(
    "stays within [0, min(cap, base × 2^n))",
    (retryIndex, random) => {
      const delay = backoffDelay(retryIndex, 200, 10_000, () => random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(10_000, 200 * 2 ** retryIndex));
    },
  );
});

describe("isConnectionError", () => {
  const withCause = (message: string, cause: Error) => new TypeError(message, { cause });
  const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

  it("recognises resets, closed sockets and premature closes", () => {
    expect(isConnectionError(withCause("fetch failed", coded("read ECONNRESET", "ECONNRESET")))).toBe(true);
    expect(isConnectionError(withCause("fetch failed", coded("other side closed", "UND_ERR_SOCKET")))).toBe(
      true,
    );
    expect(isConnectionError(new Error("socket hang up"))).toBe(true);
    expect(isConnectionError(new Error("Premature close"))).toBe(true);
    expect(isConnectionError(new TypeError("fetch failed"))).toBe(true);
  });

  it("rejects permanent failures and programming errors", () => {
    expect(isConnectionError(withCause("fetch failed", coded("getaddrinfo ENOTFOUND x", "ENOTFOUND")))).toBe(
      false,
    );
    expect(isConnectionError(withCause("fetch failed", coded("bad cert", "CERT_HAS_EXPIRED")))).toBe(false);
    expect(isConnectionError(withCause("fetch failed", new Error("bad port")))).toBe(false);
    expect(isConnectionError(new TypeError("Invalid URL"))).toBe(false);
    expect(isConnectionError("ECONNRESET")).toBe(false);
  });
});

describe("sleep", () => {
  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });

  it("resolves after the delay", async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
