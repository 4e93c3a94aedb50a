/** The DN and ARN scanners against their JSON Schema regexes, and their own properties. */

import { describe, expect, it } from "vitest";
import { iamArnPattern, iamArnProblem } from "../../src/providers/atlas/arn.js";
import { dnHasCommonName, isRfc2253, scanLenientDn, toStrictDn } from "../../src/providers/atlas/dn.js";
import { LENIENT_DN_PATTERN, RFC2253_PATTERN } from "../../src/providers/atlas/dn-patterns.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import {
  anyText,
  dnNoise,
  iamArn,
  lenientDn,
  mixedString,
  strictDn,
  strictDnWithCn,
  strictDnWithoutCn,
} from "./arbitraries.js";

const LENIENT = new RegExp(LENIENT_DN_PATTERN, "u");
const STRICT = new RegExp(RFC2253_PATTERN, "u");
const dnInputs = fc.oneof(
  dnNoise,
  dnNoise,
  lenientDn,
  strictDn,
  anyText,
  strictDn.map((d) => `${d}\\`),
);

describe("distinguished names", () => {
  test.prop([dnInputs], { numRuns: runs(800) })("the lenient scanner accepts exactly its regex", (v) => {
    expect(scanLenientDn(v)).toBe(LENIENT.test(v));
  });

  test.prop([dnInputs], { numRuns: runs(800) })("the strict scanner accepts exactly its regex", (v) => {
    expect(isRfc2253(v)).toBe(STRICT.test(v));
  });

  test.prop([fc.oneof(dnInputs, mixedString)])("strict RFC 2253 ⊆ the lenient grammar", (v) => {
    if (isRfc2253(v)) expect(scanLenientDn(v)).toBe(true);
  });

  test.prop([strictDn])("generated strict DNs are strict and lenient", (v) => {
    expect(isRfc2253(v)).toBe(true);
    expect(scanLenientDn(v)).toBe(true);
  });

  test.prop([lenientDn])(
    "generated lenient DNs are lenient; their strict spelling is strict and stable",
    (v) => {
      expect(scanLenientDn(v)).toBe(true);
      const s = toStrictDn(v);
      if (s !== undefined) {
        expect(isRfc2253(s)).toBe(true);
        expect(toStrictDn(s)).toBe(s);
      }
    },
  );

  test.prop([strictDn])("a strict DN is respelled as itself or an equivalent strict DN", (v) => {
    const s = toStrictDn(v);
    expect(s).toBeDefined();
    expect(isRfc2253(s!)).toBe(true);
  });

  test.prop([strictDnWithCn, strictDnWithoutCn])("CN detection", (withCn, withoutCn) => {
    expect(dnHasCommonName(withCn)).toBe(true);
    expect(dnHasCommonName(withoutCn)).toBe(false);
  });

  it("CN detection edge cases", () => {
    expect(dnHasCommonName("not a dn")).toBeUndefined();
    expect(dnHasCommonName(" cn  = x")).toBe(true);
    expect(dnHasCommonName("oid.2.5.4.3=x")).toBe(true);
    expect(dnHasCommonName("OID.2.5.4.3=x")).toBe(true);
    expect(dnHasCommonName("oid2.5.4.3=x")).toBe(false);
    expect(dnHasCommonName("CNN=x,xCN=y")).toBe(false);
    expect(dnHasCommonName("O=a;commonName=b")).toBe(true);
  });

  it("strict respelling, part by part", () => {
    expect(toStrictDn(" cn = Bob ; ou=x ")).toBe("cn=Bob,ou=x");
    expect(toStrictDn("C N=a")).toBeUndefined();
    expect(toStrictDn("-a=x")).toBeUndefined();
    expect(toStrictDn("a=#")).toBeUndefined();
    expect(toStrictDn("a=\\")).toBeUndefined();
    expect(toStrictDn("a=#0a + b=#0A0b")).toBe("a=#0a+b=#0A0b");
    expect(toStrictDn("oid.1.2=x;OID.cn=y")).toBe("1.2=x,cn=y");
    expect(toStrictDn('a="x\\\\y\\"z\\2C\\q"')).toBe('a="x\\\\y\\"z\\2Cq"');
    expect(toStrictDn('a=" lead,=trail "')).toBe('a=" lead,=trail "');
    expect(toStrictDn("a=\\ b \\ ")).toBe("a=\\ b \\ ");
    expect(toStrictDn("a=b   ,c= ")).toBe("a=b,c=");
    expect(toStrictDn("a=\\41b\\,c")).toBe("a=\\41b\\,c");
    expect(toStrictDn('a=x=y<z>#"w')).toBe('a=x\\=y\\<z\\>\\#\\"w');
    expect(toStrictDn("a=\\q\\ \\;")).toBe("a=q \\;");
    for (const dn of ["cn=Bob,ou=x", "a=\\ b \\ ", 'a="x\\\\y"', "a=#0a+b=c"])
      expect(toStrictDn(dn)).toBe(dn);
  });

  it("a character after a closed value is not a separator", () => {
    for (const dn of ['CN="a"xO=b', "CN=#0aXO=b", 'CN="a" xO=b']) expect(scanLenientDn(dn)).toBe(false);
    for (const dn of ['CN="a"xO=b', "CN=#0aXO=b", "CN=#0a;O=b"]) expect(isRfc2253(dn)).toBe(false);
    expect(scanLenientDn('a="x\\"y"')).toBe(true);
    expect(scanLenientDn('a="x\\\\"')).toBe(true);
    expect(isRfc2253('a="x\\"y"')).toBe(true);
    expect(isRfc2253("C=US,O=x")).toBe(true);
    expect(isRfc2253("C=US,O= x")).toBe(false);
    expect(isRfc2253("1=x,1.2.3=y")).toBe(true);
    expect(isRfc2253("1.=x")).toBe(false);
    expect(isRfc2253("a=#")).toBe(false);
    expect(isRfc2253("a=#,b=c")).toBe(false);
    expect(isRfc2253("a=#0,b=c")).toBe(false);
  });

  it("scanner details", () => {
    const seen: unknown[] = [];
    expect(scanLenientDn(' cn = "a,b" ;O=#0aff  +x=y\\,z', (a) => seen.push(a))).toBe(true);
    expect(seen).toEqual([
      { type: "cn", kind: "quoted", raw: '"a,b"', sep: ";" },
      { type: "O", kind: "hex", raw: "#0aff", sep: "+" },
      { type: "x", kind: "plain", raw: "y\\,z", sep: "" },
    ]);
    expect(scanLenientDn("𝐀=x")).toBe(true);
    expect(scanLenientDn("\uD800=x")).toBe(false);
    expect(scanLenientDn("a=\\\uD83D\uDE00")).toBe(true);
    expect(scanLenientDn('a="\\')).toBe(false);
    expect(scanLenientDn("a=#0")).toBe(false);
    expect(scanLenientDn("a=#0a0")).toBe(false);
    expect(scanLenientDn("a=\\")).toBe(false);
    expect(scanLenientDn("-.=x")).toBe(true);
    expect(scanLenientDn(" ")).toBe(false);
    expect(scanLenientDn("")).toBe(false);
    expect(isRfc2253("")).toBe(false);
    expect(isRfc2253("a=")).toBe(true);
    expect(isRfc2253("a=,b=")).toBe(true);
    expect(isRfc2253("a-1=x")).toBe(true);
    expect(isRfc2253("1a=x")).toBe(false);
    expect(isRfc2253("1.=x")).toBe(false);
    expect(isRfc2253("1..2=x")).toBe(false);
    expect(isRfc2253("a=b c")).toBe(true);
    expect(isRfc2253("a=b  c")).toBe(true);
    expect(isRfc2253("a=\\4")).toBe(false);
    expect(isRfc2253("a=\\4g")).toBe(false);
    expect(isRfc2253('a="\\4"')).toBe(false);
    expect(isRfc2253('a="x"y')).toBe(false);
    expect(isRfc2253("a=#0a,b=#0A0b")).toBe(true);
    expect(isRfc2253("a=x;b=y")).toBe(false);
    expect(isRfc2253("a=x+")).toBe(false);
    expect(isRfc2253("a=\\ ")).toBe(true);
    expect(isRfc2253("a=x\\")).toBe(false);
    expect(isRfc2253("a=x\t")).toBe(true);
    expect(isRfc2253("a=\u0000")).toBe(true);
  });

  it("handles long values in one pass", () => {
    const big = `CN=${"a\\,".repeat(200_000)}`;
    expect(scanLenientDn(big)).toBe(true);
    expect(isRfc2253(big)).toBe(true);
    expect(scanLenientDn(`${big}\\`)).toBe(false);
    expect(isRfc2253(`${"CN=a,".repeat(100_000)}CN=b `)).toBe(false);
    expect(dnHasCommonName(big)).toBe(true);
  });
});

describe("IAM ARNs", () => {
  const arnInputs = fc.oneof(
    iamArn("user"),
    iamArn("role"),
    iamArn("user").map((a) => a.replace(/.$/, "!")),
    iamArn("role").chain((a) => fc.nat(a.length).map((i) => a.slice(0, i) + a.slice(i + 1))),
    iamArn("user").chain((a) =>
      fc.tuple(fc.nat(a.length), dnNoise).map(([i, s]) => a.slice(0, i) + s + a.slice(i)),
    ),
    anyText,
  );
  test.prop([arnInputs, fc.constantFrom("user" as const, "role" as const)], { numRuns: runs(800) })(
    "the scanner accepts exactly the JSON Schema pattern",
    (v, resource) => {
      expect(iamArnProblem(v, resource) === undefined).toBe(new RegExp(iamArnPattern(resource), "u").test(v));
    },
  );
  it("reports which part is wrong", () => {
    expect(iamArnProblem("arn:aws:iam::123456789012:user/a", "user")).toBeUndefined();
    expect(iamArnProblem("arn:aws:iam::123456789012:role/a", "user")).toBe("resource");
    expect(iamArnProblem("arn:aws:iam::123456789012:user//a", "user")).toBe("path");
    expect(iamArnProblem(`arn:aws:iam::123456789012:user/${"p".repeat(511)}/a`, "user")).toBe("path");
    expect(iamArnProblem(`arn:aws:iam::123456789012:user/${"p".repeat(510)}/a`, "user")).toBeUndefined();
    expect(iamArnProblem("arn:aws:iam::123456789012:user/a/", "user")).toBe("name");
    expect(iamArnProblem(`${"x".repeat(10)}arn:aws:iam::123456789012:user/a`, "user")).toBe("prefix");
    expect(iamArnProblem(`arn:aws:iam::123456789012:user/${"a".repeat(200_000)}`, "user")).toBe("name");
  });
});
