import { describe, expect } from "vitest";
import { NoValidNameError } from "../../src/engine/errors.js";
import { ATLAS_AUTH_TYPES, atlas, generatePassword, suggestName } from "../../src/providers/atlas/index.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import * as A from "./arbitraries.js";
import { fieldIds, NOW } from "./helpers.js";

type Field = (typeof atlas.fieldNames)[number];
const insertAt = (s: string, ins: string, at: number) => {
  const cps = [...s];
  const i = at % (cps.length + 1);
  return [...cps.slice(0, i), ins, ...cps.slice(i)].join("");
};

describe("atlas username properties", () => {
  for (const authType of ATLAS_AUTH_TYPES) {
    test.prop([A.validUserName[authType]])(
      `${authType}: generated valid names pass strict and server`,
      (v) => {
        expect(fieldIds("username", v, "strict", authType)).toEqual([]);
        expect(fieldIds("username", v, "server", authType)).toEqual([]);
      },
    );
    test.prop([A.validUserName[authType]])(
      `${authType}: padding to 1025 code points fails maxLength`,
      (v) => {
        const long = v + "a".repeat(Math.max(0, 1025 - [...v].length));
        expect(fieldIds("username", long, "server", authType)).toContain("atlas.username.maxLength");
      },
    );
  }

  test.prop([A.scramStrictName, A.nonScramChar, fc.nat()])(
    "SCRAM: one symbol other than - breaks only alphanumeric",
    (v, c, at) => {
      const bad = insertAt(v, c, at);
      expect(fieldIds("username", bad, "strict")).toEqual(["atlas.username.alphanumeric"]);
      expect(fieldIds("username", bad, "server")).toEqual([]);
    },
  );

  test.prop([A.scramStrictName, fc.constantFrom(" ", "\t", "\n", "\u00a0"), fc.boolean()])(
    "SCRAM: edge whitespace breaks alphanumeric in strict",
    (v, ws, lead) => {
      expect(fieldIds("username", lead ? ws + v : v + ws, "strict")).toEqual(["atlas.username.alphanumeric"]);
    },
  );

  test.prop([A.scramServerName])("SCRAM server: anything up to 1024 code points", (v) => {
    expect(fieldIds("username", v, "server")).toEqual([]);
  });

  test.prop([fc.constantFrom("AWS_IAM_USER", "AWS_IAM_ROLE" as const), fc.nat()])(
    "AWS: a character outside the name set breaks only the ARN rule",
    (t, n) => {
      const v = `arn:aws:iam::123456789012:${t === "AWS_IAM_USER" ? "user" : "role"}/p/n${"!*#%^&"[n % 6]}`;
      const id = t === "AWS_IAM_USER" ? "atlas.username.iamUserArn" : "atlas.username.iamRoleArn";
      expect(fieldIds("username", v, "strict", t)).toEqual([id]);
      expect(fieldIds("username", v, "server", t)).toEqual([]);
    },
  );

  // `CN=\.` plus a backslash ends in a dot element (`\.\`), which dotElement refuses as well.
  const dnForBackslash = A.strictDnWithCn.filter((v) => !A.hasDotElement(`${v}\\`));
  test.prop([dnForBackslash, fc.constantFrom("X509_CUSTOMER", "LDAP_USER", "LDAP_GROUP" as const)])(
    "DN: a trailing backslash breaks the DN in both grammars",
    (v, t) => {
      expect(fieldIds("username", `${v}\\`, "server", t)).toEqual(["atlas.username.distinguishedName"]);
      expect(fieldIds("username", `${v}\\`, "strict", t)).toEqual([
        "atlas.username.distinguishedName",
        "atlas.username.rfc2253",
      ]);
    },
  );

  test.prop([A.lenientDn, fc.constantFrom("LDAP_USER", "LDAP_GROUP" as const)])(
    "DN: the lenient grammar passes the server",
    (v, t) => {
      expect(fieldIds("username", v, "server", t)).toEqual([]);
    },
  );

  // A DN may hold `/./` (an attribute value is free text): that breaks dotElement as well.
  const withoutDotElement = A.strictDnWithoutCn.filter((v) => !A.hasDotElement(v));
  test.prop([withoutDotElement])("X.509 CUSTOMER: no CN breaks only commonName (strict)", (v) => {
    expect(fieldIds("username", v, "strict", "X509_CUSTOMER")).toEqual(["atlas.username.commonName"]);
    expect(fieldIds("username", v, "server", "X509_CUSTOMER")).toEqual([]);
  });

  test.prop([A.oidcName, fc.constantFrom("OIDC_WORKFORCE", "OIDC_WORKLOAD" as const)])(
    "OIDC: without the slash only oidcIdentity fails",
    (v, t) => {
      expect(fieldIds("username", v.replace("/", ""), "strict", t)).toEqual(["atlas.username.oidcIdentity"]);
      expect(fieldIds("username", v.toUpperCase().replace(/^./, "A"), "server", t)).toEqual([]);
    },
  );
});

describe("atlas suggestName", () => {
  const input = fc.oneof(A.mixedString, fc.string({ maxLength: 30 }), A.scramServerName);
  for (const authType of ATLAS_AUTH_TYPES) {
    test.prop([input, A.profile], { numRuns: runs(80) })(
      `${authType}: output validates and is a fixed point, or NoValidNameError`,
      (raw, profile) => {
        const ctx = { authType, profile };
        let out: string;
        try {
          out = suggestName("username", raw, ctx);
        } catch (e) {
          expect(e).toBeInstanceOf(NoValidNameError);
          return;
        }
        expect(atlas.validateField("username", out, ctx)).toEqual([]);
        expect(suggestName("username", out, ctx)).toBe(out);
      },
    );
  }

  test.prop([A.validUserName.SCRAM.map((v) => `  ${v}-é!`)])("SCRAM strict always finds a name", (raw) => {
    expect(suggestName("username", raw)).toMatch(/^[A-Za-z0-9-]+$/);
  });

  test.prop([A.lenientDn.filter((d) => !/[ ]*[^,;+=]* [^,;+=]*=/.test(d))])(
    "LDAP: every lenient DN with plain keys has a strict spelling",
    (raw) => {
      let out: string | undefined;
      try {
        out = suggestName("username", raw, { authType: "LDAP_USER" });
      } catch (e) {
        expect(e).toBeInstanceOf(NoValidNameError);
        return;
      }
      expect(atlas.validateField("username", out, { authType: "LDAP_USER" })).toEqual([]);
    },
  );
});

describe("atlas generatePassword", () => {
  test.prop([fc.integer({ min: 8, max: 128 }), A.profile])(
    "always validates, only letters and digits",
    (length, profile) => {
      const p = generatePassword({ length, context: { profile } });
      expect(p).toHaveLength(length);
      expect(p).toMatch(/^[A-Za-z0-9]+$/);
      expect(atlas.validateField("password", p, { profile })).toEqual([]);
    },
  );
  test.prop([fc.uint8Array({ minLength: 64, maxLength: 64 })])("deterministic with given bytes", (bytes) => {
    const p = generatePassword({ randomBytes: () => bytes });
    expect(p).toHaveLength(24);
    expect(p).toMatch(/[a-z]/);
    expect(p).toMatch(/[A-Z]/);
    expect(p).toMatch(/[0-9]/);
  });
});

const VALID: Record<Exclude<Field, "username" | "deleteAfterDate" | "databaseName">, fc.Arbitrary<string>> = {
  password: A.validPassword,
  description: A.bmpText(0, 100),
  groupId: A.groupIdStrict,
  roleName: fc.oneof(A.builtInRole, A.customRoleName),
  roleDatabaseName: A.dbName,
  collectionName: A.collection,
  scopeName: A.scopeName,
  labelKey: A.bmpText(1, 255),
  labelValue: A.bmpText(1, 255),
};

describe("atlas other fields", () => {
  for (const [field, arb] of Object.entries(VALID) as [Field, fc.Arbitrary<string>][]) {
    test.prop([arb])(`${field}: generated valid values pass strict and server`, (v) => {
      expect(fieldIds(field, v, "strict")).toEqual([]);
      expect(fieldIds(field, v, "server")).toEqual([]);
    });
  }
  test.prop([A.validPassword, A.nonPasswordChar, fc.nat()])(
    "password: one symbol other than + / = ! - breaks only alphanumeric",
    (v, c, at) => {
      expect(fieldIds("password", insertAt(v, c, at), "strict")).toEqual(["atlas.password.alphanumeric"]);
      expect(fieldIds("password", insertAt(v, c, at), "server")).toEqual([]);
    },
  );
  test.prop([A.scopeName, fc.constantFrom("_", " ", ".", "é"), fc.nat()])(
    "scope name: one bad char",
    (v, c, at) => {
      expect(fieldIds("scopeName", insertAt(v, c, at), "server")).toEqual(["atlas.scopeName.pattern"]);
    },
  );
  test.prop([A.dbName, fc.constantFrom(...'/\\. "$*<>:|?\u0000'), fc.nat()])(
    "role db: one forbidden char",
    (v, c, at) => {
      expect(fieldIds("roleDatabaseName", insertAt(v, c, at).slice(0, 40), "strict")).toContain(
        "atlas.roleDatabaseName.forbiddenChars",
      );
    },
  );
});

const FIELDS = atlas.fieldNames;

describe("atlas totality, secrets and strict ⊆ server", () => {
  const weird = fc.oneof(
    fc.anything(),
    fc.constantFrom("\uD800", "\uDC00x", "\u0000\u0001\u007f", "a".repeat(100_001), "CN=a\\".repeat(20_000)),
  );
  test.prop([fc.constantFrom(...FIELDS), weird, A.authType, A.profile])(
    "validateField never throws",
    (f, v, t, p) => {
      expect(Array.isArray(atlas.validateField(f, v, { authType: t, profile: p, now: NOW }))).toBe(true);
    },
  );

  for (const field of FIELDS) {
    test.prop([A.mixedString, A.authType], { numRuns: runs(120) })(
      `${field}: a value strict accepts, the server accepts`,
      (v, t) => {
        if (fieldIds(field, v, "strict", t, NOW).length === 0)
          expect(fieldIds(field, v, "server", t, NOW)).toEqual([]);
      },
    );
  }

  // A marker keeps a password such as "name" or "password" from matching a message by chance.
  const password = fc
    .oneof(A.symbolPassword, fc.string({ minLength: 2, maxLength: 7 }), fc.string({ minLength: 2 }))
    .map((s) => `§${s}`);
  test.prop([password])("password violations never contain the password", (pw) => {
    const text = JSON.stringify([
      ...atlas.validateField("password", pw),
      ...atlas.validateRequest("createUser", { password: pw, x509Type: "MANAGED" }),
    ]);
    expect(text).not.toContain(JSON.stringify(pw).slice(1, -1));
  });
});
