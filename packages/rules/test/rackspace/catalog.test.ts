/**
 * The whole rule catalogue as people and tools read it: descriptions, sources, JSON Schemas and one
 * message per rule. A changed word shows up in review as a snapshot diff.
 */
import { describe, expect, it } from "vitest";
import {
  describeRules,
  KNOWN_CHARSETS,
  KNOWN_COLLATIONS,
  type RackspaceField,
  rackspace,
  toJSONSchema,
  validateField,
} from "../../src/providers/rackspace/index.js";
import { PROFILES } from "./arbitraries.js";
import { STRICT } from "./helpers.js";

const FIELDS = rackspace.fieldNames as readonly RackspaceField[];

/** One value breaking each field rule (in strict, where every rule applies). */
const BREAKS: Record<string, [RackspaceField, string]> = {
  "rackspace.userName.minLength": ["userName", ""],
  "rackspace.userName.maxLength": ["userName", "u".repeat(17)],
  "rackspace.userName.alphanumeric": ["userName", "_._"],
  "rackspace.userName.edgeWhitespace": ["userName", "bob "],
  "rackspace.userName.forbiddenChars": ["userName", "bo/b"],
  "rackspace.userName.printableAscii": ["userName", "bö"],
  "rackspace.userName.documentedEdges": ["userName", "bob#"],
  "rackspace.userName.reserved": ["userName", "os_admin"],
  "rackspace.userName.reservedAnyCase": ["userName", "Os_Admin"],
  "rackspace.password.minLength": ["password", ""],
  "rackspace.password.maxLength": ["password", "p".repeat(256)],
  "rackspace.password.alphanumeric": ["password", "_._"],
  "rackspace.password.edgeWhitespace": ["password", " pw"],
  "rackspace.password.forbiddenChars": ["password", "p'w"],
  "rackspace.password.printableAscii": ["password", "pä"],
  "rackspace.password.documentedEdges": ["password", "@pw"],
  "rackspace.host.minLength": ["host", ""],
  "rackspace.host.pattern": ["host", "10.0.%.1"],
  "rackspace.host.ipAddress": ["host", "300.1.1.1"],
  "rackspace.host.dottedQuad": ["host", "10.1"],
  "rackspace.databaseName.minLength": ["databaseName", "d"],
  "rackspace.databaseName.maxLength": ["databaseName", "d".repeat(65)],
  "rackspace.databaseName.chars": ["databaseName", "d.b"],
  "rackspace.databaseName.edges": ["databaseName", "db@"],
  "rackspace.databaseName.singleRun": ["databaseName", "a b c"],
  "rackspace.databaseName.alphanumeric": ["databaseName", "__"],
  "rackspace.databaseName.reserved": ["databaseName", "mysql"],
  "rackspace.databaseName.undocumentedChars": ["databaseName", "d-b"],
  "rackspace.databaseName.reservedAnyCase": ["databaseName", "lost+found"],
  "rackspace.characterSet.known": ["characterSet", "utf-8"],
  "rackspace.characterSet.troveListed": ["characterSet", "utf8mb3"],
  "rackspace.collation.known": ["collation", "utf8_general_cs"],
  "rackspace.collation.troveListed": ["collation", "utf8mb4_0900_ai_ci"],
};

describe("rule catalogue", () => {
  it("every rule id is <provider>.<field>.<rule>, described and sourced", () => {
    for (const field of FIELDS)
      for (const line of describeRules(field).filter((l) => l.id !== "note")) {
        expect(line.id).toMatch(new RegExp(`^rackspace\\.${field}\\.[a-zA-Z]+$`));
        expect(line.description).toMatch(/^[A-Z%"].{10,}\.$/);
        expect(line.source).toMatch(/trove|Rackspace|MySQL/);
        expect(line.line).toBe(
          `${line.description}${line.profile === "strict" ? " [strict]" : ""} (source: ${line.source})`,
        );
      }
  });
  it("lists the rules of each field and profile", () => {
    const catalogue = Object.fromEntries(
      PROFILES.flatMap((ctx) =>
        FIELDS.map((f) => [`${f} (${ctx.profile})`, describeRules(f, ctx).map((l) => `${l.id}: ${l.line}`)]),
      ),
    );
    expect(catalogue).toMatchSnapshot();
  });
  it("has one breaking example per rule, and its message", () => {
    const ruleIds = FIELDS.flatMap((f) =>
      describeRules(f)
        .filter((l) => l.id !== "note")
        .map((l) => l.id),
    );
    expect(Object.keys(BREAKS).sort()).toEqual([...ruleIds].sort());
    const messages = Object.fromEntries(
      Object.entries(BREAKS).map(([id, [field, value]]) => {
        const hit = validateField(field, value, STRICT).find((v) => v.rule === id);
        expect(hit, id).toBeDefined();
        return [id, hit!.message];
      }),
    );
    expect(messages).toMatchSnapshot();
  });
  it("has stable JSON Schemas", () => {
    const names = [...FIELDS, ...rackspace.operationNames];
    const schemas = Object.fromEntries(
      PROFILES.flatMap((ctx) => names.map((n) => [`${n} (${ctx.profile})`, toJSONSchema(n, ctx)])),
    );
    expect(toJSONSchema("collation")).toMatchObject({ allOf: [{ enum: KNOWN_COLLATIONS }, {}] });
    expect(toJSONSchema("characterSet")).toMatchObject({
      allOf: [{ enum: KNOWN_CHARSETS }, { not: { enum: ["utf8mb3"] } }],
    });
    // The long name lists are checked above; the snapshot keeps their length only.
    const compact = JSON.parse(
      JSON.stringify(schemas, (_k, v: unknown) =>
        Array.isArray(v) && v.length > 40 ? `[${v.length} names]` : v,
      ),
    );
    expect(compact).toMatchSnapshot();
  });
});
