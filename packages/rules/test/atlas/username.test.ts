import { describe, expect, it } from "vitest";
import { NoValidNameError } from "../../src/engine/errors.js";
import { type AtlasAuthType, atlas, suggestName, validateField } from "../../src/providers/atlas/index.js";
import { fieldIds } from "./helpers.js";

const user = (v: string, authType: AtlasAuthType = "SCRAM") => ({
  strict: fieldIds("username", v, "strict", authType),
  server: fieldIds("username", v, "server", authType),
});
const ID = "5dd7496c7a3e5a648454341c";

describe("atlas username: SCRAM", () => {
  it.each(["david", "dylan", "Cluster48141", "myAtlasDBUser", "a", "a".repeat(1024)])(
    "%s is valid in both",
    (v) => {
      expect(user(v)).toEqual({ strict: [], server: [] });
    },
  );

  it.each(["user-332", "cluster-679", "test-acc-tf-17", "test-acc-user--9"])(
    "%s: MongoDB's own tools create it, so both profiles take it",
    (v) => expect(user(v)).toEqual({ strict: [], server: [] }),
  );
  it.each(["a_b", "Ünïcode", "a b"])(
    "%s: the server takes it, strict does not (no official tool sends it)",
    (v) => expect(user(v)).toEqual({ strict: ["atlas.username.alphanumeric"], server: [] }),
  );

  it("other characters are strict-only, and the message names the set", () => {
    expect(user("user_332")).toEqual({ strict: ["atlas.username.alphanumeric"], server: [] });
    expect(validateField("username", "ellen@example.com")[0]).toEqual({
      path: "username",
      rule: "atlas.username.alphanumeric",
      message:
        "user name has a character other than A–Z, a–z, 0–9 and -; MongoDB Atlas documents SCRAM user names as alphanumeric and its own tools add only hyphens",
      params: {},
    });
  });

  it("length boundaries: 1 and 1024 pass, 0 and 1025 fail (code points)", () => {
    expect(user("")).toEqual({ strict: ["atlas.username.minLength"], server: ["atlas.username.minLength"] });
    expect(user("a".repeat(1025))).toEqual({
      strict: ["atlas.username.maxLength", "atlas.username.maxUtf16Units"],
      server: ["atlas.username.maxLength"],
    });
    const [v] = validateField("username", "a".repeat(1025), { profile: "server" });
    expect(v).toMatchObject({ path: "username", params: { max: 1024, actual: 1025 } });
    expect(v!.message).toBe("user name is 1025 characters; MongoDB Atlas allows at most 1024");
    expect(user("é".repeat(1024)).server).toEqual([]);
  });

  it("strict counts UTF-16 units as Java does: 1024 pass, 1025 fail", () => {
    const at = (units: number) => `${ID}/${"😀".repeat((units - 25) >> 1)}${(units - 25) % 2 ? "a" : ""}`;
    expect(at(1024).length).toBe(1024);
    expect(user(at(1024), "OIDC_WORKLOAD")).toEqual({ strict: [], server: [] });
    expect(user(at(1025), "OIDC_WORKLOAD")).toEqual({ strict: ["atlas.username.maxUtf16Units"], server: [] });
    const [v] = validateField("username", at(1025), { authType: "OIDC_WORKLOAD" });
    expect(v!.params).toEqual({ max: 1024, actual: 1025 });
    expect(v!.message).toContain("1025 UTF-16 code units");
    expect(v!.message).toContain("at most 1024");
  });
});

describe("atlas username: AWS IAM", () => {
  const ok = (v: string, t: AtlasAuthType) => expect(user(v, t)).toEqual({ strict: [], server: [] });
  const strictOnly = (v: string, t: AtlasAuthType, id: string, problem: string) => {
    expect(user(v, t)).toEqual({ strict: [id], server: [] });
    expect(validateField("username", v, { authType: t })[0]!.params).toMatchObject({ problem });
  };
  const U = "AWS_IAM_USER";
  const R = "AWS_IAM_ROLE";

  it("takes the SEED, SPEC and CLI examples", () => {
    ok("arn:aws:iam::358363220050:user/mongodb-aws-iam-auth-test-user", U);
    ok("arn:aws:iam::123456789012:user/sales/enterprise/DylanBloggs", U);
    ok("arn:aws:iam::123456789012:role/roleName", R);
    ok("arn:aws-cn:iam::123456789012:role/a", R);
    ok("arn:aws-us-gov:iam::123456789012:user/_+=,.@-", U);
  });

  it("refuses other partitions, services, accounts and resource types", () => {
    const id = "atlas.username.iamUserArn";
    strictOnly("arn:aws-iso:iam::123456789012:user/a", U, id, "prefix");
    strictOnly("arn:aws:sts::123456789012:user/a", U, id, "prefix");
    strictOnly("arn:aws:iam::12345678901:user/a", U, id, "prefix");
    strictOnly("arn:aws:iam::1234567890123:user/a", U, id, "prefix");
    strictOnly("arn:aws:iam::123456789012:user", U, id, "prefix");
    strictOnly("ARN:aws:iam::123456789012:user/a", U, id, "prefix");
    strictOnly("arn:aws:iam::123456789012:role/a", U, id, "resource");
    strictOnly("arn:aws:iam::123456789012:user/a", R, "atlas.username.iamRoleArn", "resource");
    strictOnly("david", R, "atlas.username.iamRoleArn", "prefix");
  });

  it("name: 1 to 64 of [A-Za-z0-9_+=,.@-]", () => {
    const id = "atlas.username.iamUserArn";
    ok(`arn:aws:iam::123456789012:user/${"n".repeat(64)}`, U);
    strictOnly(`arn:aws:iam::123456789012:user/${"n".repeat(65)}`, U, id, "name");
    strictOnly("arn:aws:iam::123456789012:user/", U, id, "name");
    strictOnly("arn:aws:iam::123456789012:user/path/", U, id, "name");
    strictOnly("arn:aws:iam::123456789012:user/a!b", U, id, "name");
    strictOnly("arn:aws:iam::123456789012:user/a b", U, id, "name");
    const [v] = validateField("username", "arn:aws:iam::123456789012:user/a!b", { authType: U });
    expect(v!.message).toContain("1–64 of letters, digits and _+=,.@-");
  });

  it("messages say which part of the ARN is wrong", () => {
    const msg = (v: string, t: AtlasAuthType) => validateField("username", v, { authType: t })[0]!.message;
    expect(msg("x", U)).toBe(
      "user name must be an IAM user ARN (arn:aws|aws-cn|aws-us-gov:iam::<12-digit account>:user/<path/><name>), as MongoDB Atlas documents it",
    );
    expect(msg("arn:aws:iam::123456789012:user/a", R)).toBe(
      "user name is not an IAM role ARN: awsIAMType ROLE needs …:role/…, as MongoDB Atlas documents it",
    );
    expect(msg("arn:aws:iam::123456789012:role//a", R)).toBe(
      "user name has an IAM path that is not / or /…/ of printable ASCII up to 512 characters, as MongoDB Atlas documents it",
    );
    expect(msg("arn:aws:iam::123456789012:role/a b", R)).toBe(
      "user name ends in an IAM role name that is not 1–64 of letters, digits and _+=,.@-, as MongoDB Atlas documents it",
    );
    expect(validateField("username", "x", { authType: R })[0]!.params).toEqual({
      problem: "prefix",
      expected: "arn:aws|aws-cn|aws-us-gov:iam::<12-digit account>:role/<path/><name>",
    });
  });

  it("path: / or /…/ of ! to ~, at most 512 characters", () => {
    const id = "atlas.username.iamRoleArn";
    const arn = (path: string) => `arn:aws:iam::123456789012:role${path}r`;
    ok(arn(`/${"p".repeat(510)}/`), R);
    ok(arn("///"), R);
    ok(arn("/!~/"), R);
    strictOnly(arn(`/${"p".repeat(511)}/`), R, id, "path");
    strictOnly(arn("//"), R, id, "path");
    strictOnly(arn("/a b/"), R, id, "path");
    strictOnly(arn("/a\u007fb/"), R, id, "path");
    strictOnly(arn("/é/"), R, id, "path");
    const [v] = validateField("username", arn("//"), { authType: R });
    expect(v!.message).toContain("512");
    expect(v!.params).toMatchObject({ expected: expect.stringContaining(":role/") });
  });
});

describe("atlas username: distinguished names", () => {
  const both = { strict: [], server: [] };
  it.each([
    "CN=david@example.com,OU=users,DC=example,DC=com",
    "CN=ellen@example.com,OU=users,DC=example,DC=com",
    "CN=Dylan Bloggs,OU=Enterprise,OU=Sales,DC=Example,DC=COM",
    "CN=Smith\\, John+UID=42,O=x",
    "CN=a\\2Cb",
    "CN=\\ lead and trail\\ ",
    'CN="quoted, with = specials"',
    "cn=#04024869",
    "2.5.4.3=x,C=US",
  ])("X.509 CUSTOMER takes %s", (v) => expect(user(v, "X509_CUSTOMER")).toEqual(both));

  it("LDAP group and user take the SEED DNs", () => {
    expect(user("CN=marketing,OU=groups,DC=example,DC=com", "LDAP_GROUP")).toEqual(both);
    expect(user("CN=david@example.com,OU=users,DC=example,DC=com", "LDAP_USER")).toEqual(both);
  });

  it.each([
    "CN=a, OU=b",
    "CN = a",
    "CN= a",
    "CN=a ",
    "CN=a;OU=b",
    "CN=a=b",
    'CN=a"b',
    "CN=a<b",
    "CN=#",
    "oid.2.5.4.3=x",
    "CN=\\q",
    ' CN="x" ',
  ])("%s: server grammar only, strict RFC 2253 refuses it", (v) => {
    expect(user(v, "LDAP_USER")).toEqual({ strict: ["atlas.username.rfc2253"], server: [] });
  });

  it.each([
    "not a dn",
    "CN",
    "=a",
    "CN=a\\",
    'CN="a',
    "CN=#abc",
    "CN=a,",
    ",CN=a",
    "CN=a,,OU=b",
    'CN="a"b',
    "C N=a",
  ])("%s is not a DN in either grammar", (v) => {
    const ids = v === "C N=a" ? [] : ["atlas.username.distinguishedName"];
    expect(user(v, "LDAP_GROUP")).toEqual({
      strict: [...ids, "atlas.username.rfc2253"],
      server: ids,
    });
  });

  it("X.509 CUSTOMER needs a CN in strict (SPEC x509Type)", () => {
    expect(user("OU=users,DC=example,DC=com", "X509_CUSTOMER")).toEqual({
      strict: ["atlas.username.commonName"],
      server: [],
    });
    expect(user("OU=CN\\=x", "X509_CUSTOMER").strict).toEqual(["atlas.username.commonName"]);
    for (const cn of ["cn=x", "commonName=x", "2.5.4.3=x", "O=a+CN=x"])
      expect(user(cn, "X509_CUSTOMER").strict).toEqual([]);
    expect(user("OID.2.5.4.3=x", "X509_CUSTOMER").strict).toEqual(["atlas.username.rfc2253"]);
    expect(user("OU=users", "LDAP_USER").strict).toEqual([]);
    const [v] = validateField("username", "OU=x", { authType: "X509_CUSTOMER" });
    expect(v!.message).toBe(
      "user name has no CN attribute; MongoDB Atlas requires a Common Name for self-managed X.509 users",
    );
  });

  it("X.509 MANAGED: plain names in both profiles (MongoDB's Terraform acceptance tests create them)", () => {
    expect(user("test-acc-tf-8101", "X509_MANAGED")).toEqual(both);
    expect(user("CN=managed", "X509_MANAGED")).toEqual(both);
  });

  it("messages give an example DN", () => {
    const [server] = validateField("username", "x", { authType: "LDAP_USER", profile: "server" });
    expect(server!.message).toContain("CN=Dylan Bloggs,OU=Enterprise,DC=Example,DC=COM");
    const strict = validateField("username", "CN = a", { authType: "LDAP_USER" });
    expect(strict[0]!.message).toContain("RFC 2253");
  });
});

describe("atlas username: OIDC", () => {
  it.each(["OIDC_WORKFORCE", "OIDC_WORKLOAD"] as const)("%s takes idpId/name", (t) => {
    expect(user(`${ID}/sales`, t)).toEqual({ strict: [], server: [] });
    expect(user("d0123456789abcdef012345d/user-332", t)).toEqual({ strict: [], server: [] });
    expect(user(`${ID}/a/b c`, t)).toEqual({ strict: [], server: [] });
    for (const bad of [
      `${ID.toUpperCase()}/sales`,
      "sales",
      `${ID}/`,
      `${ID.slice(1)}/x`,
      `${ID}x/y`,
      `/${ID}`,
    ]) {
      expect(user(bad, t)).toEqual({ strict: ["atlas.username.oidcIdentity"], server: [] });
    }
    const [v] = validateField("username", "sales", { authType: t });
    expect(v!.message).toContain("5dd7496c7a3e5a648454341c/sales");
  });
});

describe("atlas suggestName(username)", () => {
  const s = (raw: string, authType: AtlasAuthType = "SCRAM", profile: "strict" | "server" = "strict") =>
    suggestName("username", raw, { authType, profile });
  it("SCRAM strict keeps letters, digits and hyphens (accents folded), truncates to 1024", () => {
    expect(s("José María!")).toBe("JoseMaria");
    expect(s("user-332")).toBe("user-332");
    expect(s("user_332")).toBe("user332");
    expect(s("a".repeat(2000))).toBe("a".repeat(1024));
    expect(s("david")).toBe("david");
    expect(() => s("!!! ___")).toThrow(NoValidNameError);
  });
  it("SCRAM server only truncates", () => {
    expect(s("user-332", "SCRAM", "server")).toBe("user-332");
    expect(s("é".repeat(1500), "SCRAM", "server")).toBe("é".repeat(1024));
    expect(() => s("", "SCRAM", "server")).toThrow(NoValidNameError);
    expect(() => suggestName("username", 42)).toThrow(NoValidNameError);
  });
  it("DNs: respelled in strict RFC 2253, trimmed on the server", () => {
    expect(s(" cn = Bob ; ou=x ", "LDAP_USER")).toBe("cn=Bob,ou=x");
    expect(s('CN=a=b, OU="q\\x"', "LDAP_GROUP")).toBe('CN=a\\=b,OU="qx"');
    expect(s("oid.2.5.4.3 = x  ", "X509_CUSTOMER")).toBe("2.5.4.3=x");
    expect(s("CN=\\ a\\ ;O=#0a", "LDAP_USER")).toBe("CN=\\ a\\ ,O=#0a");
    expect(s('CN=a\\2C\\qb\\"', "LDAP_USER")).toBe('CN=a\\2Cqb\\"');
    expect(s("\tCN=x\n", "LDAP_USER", "server")).toBe("CN=x");
    expect(s("CN = x", "X509_MANAGED")).toBe("CN = x");
    expect(() => s("C N=a", "LDAP_USER")).toThrow(NoValidNameError);
    expect(() => s("CN=#", "LDAP_USER")).toThrow(NoValidNameError);
    expect(() => s("OU=x", "X509_CUSTOMER")).toThrow(NoValidNameError);
    expect(() => s("no dn", "LDAP_USER", "server")).toThrow(NoValidNameError);
    expect(s("plain-name", "X509_MANAGED", "server")).toBe("plain-name");
    expect(s("m".repeat(1100), "X509_MANAGED", "server")).toBe("m".repeat(1024));
  });
  it("OIDC lower-cases the IdP id; AWS only trims", () => {
    expect(s(` ${ID.toUpperCase()}/Sales `, "OIDC_WORKFORCE")).toBe(`${ID}/Sales`);
    expect(s(`${ID.toUpperCase()}/app-1`, "OIDC_WORKLOAD")).toBe(`${ID}/app-1`);
    expect(() => s("sales", "OIDC_WORKLOAD")).toThrow(NoValidNameError);
    expect(s(" arn:aws:iam::123456789012:user/x ", "AWS_IAM_USER")).toBe("arn:aws:iam::123456789012:user/x");
    expect(() => s("arn:aws:iam::123456789012:role/x", "AWS_IAM_USER")).toThrow(NoValidNameError);
  });
  it("describeRules lists the auth type's rules and notes", () => {
    const lines = atlas.describeRules("username", { authType: "X509_MANAGED", profile: "server" });
    expect(lines.map((l) => l.id)).toEqual(["atlas.username.minLength", "atlas.username.maxLength", "note"]);
    expect(lines[2]!.description).toContain("plain names");
    const scram = atlas.describeRules("username");
    expect(scram.map((l) => l.id)).toContain("atlas.username.alphanumeric");
    expect(scram.filter((l) => l.id === "note")).toHaveLength(2);
  });
});
