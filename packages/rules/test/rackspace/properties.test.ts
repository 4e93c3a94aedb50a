import { describe, expect, it } from "vitest";
import { NoValidNameError } from "../../src/engine/errors.js";
import {
  KNOWN_COLLATIONS,
  type RackspaceField,
  type RackspaceOperation,
  rackspace,
  suggestName,
  validateField,
  validateRequest,
} from "../../src/providers/rackspace/index.js";
import { fc, test } from "../support/fc.js";
import {
  nearHost,
  nearName,
  PROFILES,
  S,
  validDatabaseName,
  validHost,
  validPassword,
  validUserName,
} from "./arbitraries.js";
import { SERVER, STRICT } from "./helpers.js";

const FIELDS = rackspace.fieldNames as readonly RackspaceField[];
const OPERATIONS = rackspace.operationNames as readonly RackspaceOperation[];

const throwingGetter = () =>
  Object.defineProperty({}, "name", {
    enumerable: true,
    get() {
      throw new Error("getter");
    },
  });
const throwingKeys = () =>
  new Proxy(
    {},
    {
      ownKeys() {
        throw new Error("ownKeys");
      },
    },
  );
const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom("\ud800", "\u0000\u0001", "a".repeat(100_000)),
  fc.constant(null).map(throwingGetter),
  fc.constant(null).map(throwingKeys),
);

describe("validators never throw", () => {
  test.prop([fc.constantFrom(...FIELDS), hostile, fc.constantFrom(...PROFILES)])(
    "validateField",
    (field, value, ctx) => {
      expect(Array.isArray(validateField(field, value, ctx))).toBe(true);
    },
  );
  const body = fc.oneof(
    hostile,
    hostile.map((v) => ({ users: [v, { name: v, password: v, host: v, databases: [v, { name: v }] }] })),
    hostile.map((v) => ({ user: v })),
    hostile.map((v) => ({ user: { name: v, host: v } })),
    hostile.map((v) => ({ databases: [v, { name: v, character_set: v, collate: v }, v] })),
  );
  test.prop([fc.constantFrom(...OPERATIONS), body, fc.constantFrom(...PROFILES)])(
    "validateRequest",
    (op, input, ctx) => {
      expect(Array.isArray(validateRequest(op, input, ctx))).toBe(true);
    },
  );
  it("rejects unknown fields and operations with a violation", () => {
    expect(validateField("nope" as RackspaceField, "x")[0]!.rule).toBe("rackspace.field.unknown");
    expect(validateRequest("nope" as RackspaceOperation, {})[0]!.rule).toBe("rackspace.operation.unknown");
  });
  // No timing threshold here (unit tests never assert times); a quadratic check would simply hang.
  it("checks a 64 KiB value of every field", () => {
    for (const field of FIELDS)
      for (const value of [
        "a".repeat(1 << 16),
        `a${" ".repeat(1 << 16)}`,
        `@${"0".repeat(1 << 16)}x`,
        "1.".repeat(1 << 15),
      ])
        expect(Array.isArray(validateField(field, value, STRICT))).toBe(true);
  });
});

describe("strict ⊆ server", () => {
  const valueFor: Record<RackspaceField, fc.Arbitrary<string>> = {
    userName: nearName,
    password: nearName,
    host: fc.oneof(nearHost, validHost.server, nearName),
    databaseName: fc.oneof(nearName, validDatabaseName.server),
    characterSet: fc.oneof(fc.constantFrom("utf8", "utf8mb3", "utf8mb4", "UTF8", "latin1"), nearName),
    collation: fc.oneof(fc.constantFrom(...KNOWN_COLLATIONS), nearName),
  };
  for (const field of FIELDS)
    test.prop([valueFor[field]])(`${field}: whatever strict accepts, the server accepts`, (value) => {
      if (validateField(field, value, STRICT).length === 0)
        expect(validateField(field, value, SERVER)).toEqual([]);
    });

  const user = fc.record(
    {
      name: fc.oneof(validUserName.server, nearName),
      password: fc.oneof(validPassword.server, nearName),
      host: fc.oneof(validHost.server, nearHost),
      databases: fc.array(fc.record({ name: fc.oneof(validDatabaseName.server, nearName) }), {
        maxLength: 3,
      }),
      database: fc.string(),
    },
    { requiredKeys: [] },
  );
  const database = fc.record(
    {
      name: fc.oneof(validDatabaseName.server, nearName),
      character_set: fc.constantFrom("utf8", "utf8mb3", "latin1", "utf8mb4"),
      collate: fc.constantFrom("utf8_bin", "utf8mb3_bin", "latin1_bin", "utf8mb4_0900_ai_ci", "utf8mb4_bin"),
    },
    { requiredKeys: ["name"] },
  );
  const bodies: Record<RackspaceOperation, fc.Arbitrary<unknown>> = {
    createUsers: fc.record({ users: fc.array(user, { maxLength: 4 }) }),
    changePasswords: fc.record({ users: fc.array(user, { maxLength: 4 }) }),
    modifyUser: fc.record({ user }),
    grantAccess: fc.record({
      databases: fc.array(fc.record({ name: fc.oneof(validDatabaseName.server, nearName) }), {
        maxLength: 4,
      }),
    }),
    createDatabases: fc.record({ databases: fc.array(database, { maxLength: 4 }) }),
  };
  for (const op of OPERATIONS)
    test.prop([bodies[op]])(`${op}: whatever strict accepts, the server accepts`, (body) => {
      if (validateRequest(op, body, STRICT).length === 0)
        expect(validateRequest(op, body, SERVER)).toEqual([]);
    });
});

describe("suggestName", () => {
  const raw = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    nearName,
    fc.string({ unit: "binary" }),
  );
  for (const field of ["userName", "databaseName"] as const)
    test.prop([raw, fc.constantFrom(...PROFILES)])(
      `${field}: valid and idempotent, or NoValidNameError`,
      (input, ctx) => {
        let out: string;
        try {
          out = suggestName(field, input, ctx);
        } catch (e) {
          expect(e).toBeInstanceOf(NoValidNameError);
          return;
        }
        expect(validateField(field, out, ctx)).toEqual([]);
        expect(suggestName(field, out, ctx)).toBe(out);
      },
    );
  it("fixes user names the closest way", () => {
    expect(suggestName("userName", "Jörg Müller-Lüdenscheidt")).toBe("Jorg Muller-Lude");
    expect(suggestName("userName", "Jörg Müller-Lüdenscheidt", S)).toBe("Jorg Muller-Lude");
    expect(suggestName("userName", "  #admin@ ")).toBe("admin");
    expect(suggestName("userName", "  #admin@ ", S)).toBe("#admin@");
    expect(suggestName("userName", "o'brien;")).toBe("o_brien_");
    expect(suggestName("userName", "root")).toBe("root_1");
    expect(suggestName("userName", "ROOT")).toBe("ROOT_1");
    expect(suggestName("userName", "ROOT", S)).toBe("ROOT");
    expect(suggestName("userName", "ROOT ", S)).toBe("ROOT");
    expect(suggestName("userName", "a\\b]c")).toBe("a_b]c");
    expect(suggestName("userName", "a\\b]c", S)).toBe("a_b]c");
    expect(suggestName("userName", `${"a".repeat(15)} b`)).toBe("a".repeat(15));
    expect(() => suggestName("userName", "  @@ ")).toThrow(NoValidNameError);
    expect(() => suggestName("userName", "___")).toThrow(NoValidNameError);
  });
  it("fixes database names the closest way", () => {
    expect(suggestName("databaseName", "my.db name here")).toBe("my_db name_here");
    expect(suggestName("databaseName", "café-db")).toBe("cafe_db");
    expect(suggestName("databaseName", "café-db", S)).toBe("cafe-db");
    expect(suggestName("databaseName", " #my db# ")).toBe("my db");
    expect(suggestName("databaseName", "a")).toBe("a_");
    expect(suggestName("databaseName", "mysql")).toBe("mysql_1");
    expect(suggestName("databaseName", "SYS")).toBe("SYS_1");
    expect(suggestName("databaseName", "SYS", S)).toBe("SYS");
    expect(suggestName("databaseName", "SYS ", S)).toBe("SYS");
    expect(suggestName("databaseName", "sys ", S)).toBe("sys");
    expect(suggestName("databaseName", "mysql ", S)).toBe("mysql_1");
    expect(suggestName("databaseName", "a?b?c#d")).toBe("a?b_c_d");
    expect(suggestName("databaseName", "lost+found")).toBe("lost_found");
    expect(suggestName("databaseName", "d".repeat(70))).toBe("d".repeat(64));
    expect(suggestName("databaseName", `${"d".repeat(63)} x`)).toBe("d".repeat(63));
    expect(() => suggestName("databaseName", "__")).toThrow(NoValidNameError);
  });
  it("returns valid names unchanged and refuses secrets and non-strings", () => {
    expect(suggestName("userName", "tes!@#tuser", S)).toBe("tes!@#tuser");
    expect(() => suggestName("password", "x")).toThrow(/secret/);
    expect(() => suggestName("userName", 42)).toThrow(NoValidNameError);
  });
});
