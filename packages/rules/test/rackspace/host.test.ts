import { describe, expect, it } from "vitest";
import { validateField } from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";
import { validHost } from "./arbitraries.js";
import { broken, expectBroken, expectStrictOnly, expectValid } from "./helpers.js";

const R = "rackspace.host";

/** The reference: `%`, or after `%` → `1`, 1–4 groups of ASCII digits each ≤ 255 (netaddr 0.7/0.8 IPNetwork). */
function referenceServerIp(value: string): boolean {
  if (value === "" || value === "%") return true;
  const groups = value.replace(/%/g, "1").replace(/\n$/, "").split(".");
  return groups.length <= 4 && groups.every((g) => /^[0-9]+$/.test(g) && Number(g) <= 255);
}
function referenceDottedQuad(value: string): boolean {
  if (value === "" || value === "%") return true;
  const groups = value.replace(/%/g, "1").split(".");
  return groups.length === 4 && groups.every((g) => /^(0|[1-9][0-9]{0,2})$/.test(g) && Number(g) <= 255);
}

describe("host: the vendor facts' examples (§1.4)", () => {
  it("accepts %, 192.168.1.1, %.168.1.1 and 192.168.1.% in both profiles", () => {
    for (const h of [
      "%",
      "192.168.1.1",
      "%.168.1.1",
      "192.168.1.%",
      "10.0.0.1",
      "0.0.0.0",
      "255.255.255.255",
    ])
      expectValid("host", h);
  });
  it("refuses 192.%.1.1: % only first or last (schema host_string)", () => {
    expectBroken("host", "192.%.1.1", [`${R}.pattern`]);
  });
  it("refuses 999.168.1.1 and localhost: not an IP once % is read as 1 (model netaddr)", () => {
    expectBroken("host", "999.168.1.1", [`${R}.ipAddress`], [`${R}.dottedQuad`]);
    expectBroken("host", "localhost", [`${R}.ipAddress`], [`${R}.dottedQuad`]);
    expectBroken("host", "256.1.1.1", [`${R}.ipAddress`], [`${R}.dottedQuad`]);
    expect(validateField("host", "localhost")[0]!.message).toContain("not % and not an IPv4 address");
  });
  it('refuses "" with minLength only (modify user with host "" gives 400)', () => {
    expectBroken("host", "", [`${R}.minLength`]);
  });
  it("refuses IPv6 and ip/mask at the schema even though the model would accept them", () => {
    for (const h of ["::1", "fe80::1", "10.0.0.0/8", "1.2.3.4/32"])
      expect(broken("host", h).server).toContain(`${R}.pattern`);
  });
});

describe("host: what 'an IPv4 address' means", () => {
  it("accepts netaddr's short and zero-padded forms on the server only (they mean different addresses to inet_aton)", () => {
    for (const h of ["1", "10.1", "10.1.2", "01.2.3.4", "10.0.0.001", "%%", "%.%", "1.2.%"])
      expectStrictOnly("host", h, [`${R}.dottedQuad`]);
  });
  it("accepts MySQL wildcard patterns at the edges of a dotted quad", () => {
    for (const h of ["1.2.3.4%", "%1.2.3.4", "1.2.3.25%"]) expectValid("host", h);
    expectBroken("host", "1.2.3.26%", [`${R}.ipAddress`], [`${R}.dottedQuad`]);
  });
  it("accepts a final newline on the server (Python's $ matches before it; int() strips it)", () => {
    expectStrictOnly("host", "10.0.0.1\n", [`${R}.dottedQuad`]);
    expect(broken("host", "10.0.0.1\n\n").server).toContain(`${R}.pattern`);
    expect(broken("host", "\n10.0.0.1").server).toContain(`${R}.pattern`);
  });
  it("refuses hex, five groups, empty groups, underscores and brackets", () => {
    for (const h of ["0x1.2.3.4", "1.2.3.4.5", "1..2", "1.2.3.", "1_0.1.1.1", "(1).2.3.4"])
      expectBroken("host", h, [`${R}.ipAddress`], [`${R}.dottedQuad`]);
  });
});

describe("host: properties", () => {
  test.prop([validHost.strict])("a generated strict host passes both profiles", (h) => {
    expect(broken("host", h)).toEqual({ strict: [], server: [] });
  });
  test.prop([validHost.server])("a generated server host passes the server", (h) => {
    expect(broken("host", h).server).toEqual([]);
  });
  const hostish = fc
    .array(fc.constantFrom("0", "1", "2", "5", "6", "9", ".", "%", "\n"), { maxLength: 18 })
    .map((a) => a.join(""));
  test.prop([hostish])("ipAddress and dottedQuad agree with a plain reference implementation", (h) => {
    const { strict, server } = broken("host", h);
    expect(server.includes(`${R}.ipAddress`)).toBe(!referenceServerIp(h));
    expect(strict.includes(`${R}.dottedQuad`)).toBe(!referenceDottedQuad(h));
  });
  test.prop([fc.integer({ min: 256, max: 100000 }), fc.integer({ min: 0, max: 3 })])(
    "a group above 255 is refused wherever it stands",
    (n, at) => {
      const groups = ["10", "0", "0", "1"];
      groups[at] = String(n);
      expectBroken("host", groups.join("."), [`${R}.ipAddress`], [`${R}.dottedQuad`]);
    },
  );
});
