/**
 * `@dbusers/rules/digitalocean/validate` ships a lean build (scripts/lean.ts: the rule prose taken
 * out). It must give exactly the violations of the full entry (rule ids, paths, messages, params)
 * for every field, operation and context, on any input, so the same lean tree is emitted here and
 * compared with the full `digitalocean` rules on random and hostile inputs.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitLean, LEAN_ENTRIES, STRIPPED } from "../../scripts/lean.js";
import { digitalocean, ENGINES, supportsUserManagement } from "../../src/providers/digitalocean/index.js";
import type * as Validate from "../../src/providers/digitalocean/validate.js";
import { cases, SAMPLES } from "../cross/contexts.js";
import { fc, test } from "../support/fc.js";
import { runs } from "../support/runs.js";
import {
  authPlugin,
  hostile,
  kafkaPermission,
  mongoRole,
  opensearchPermission,
  userEngine,
  validAddUser,
  validUserName,
  wrongEnum,
} from "./arbitraries.js";

const SRC = join(import.meta.dirname, "../../src");
let out: string;
let written: string[];
let lean: typeof Validate;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "dbusers-lean-"));
  written = emitLean(SRC, out);
  lean = (await import(
    pathToFileURL(join(out, "providers/digitalocean/validate.js")).href
  )) as typeof Validate;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const doCases = cases().filter((c) => c.provider === "digitalocean");

const anything = fc.anything({ withBigInt: true, withMap: true, withSet: true, withSparseArray: true });
const text = fc.oneof(
  fc.constantFrom(...SAMPLES),
  fc.string(),
  fc.string({ unit: "binary" }),
  validUserName(),
);
const maybeEnum = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, wrongEnum, anything);

/** Bodies near the real shapes, so every gate, enum, read-only and unknown-key rule gets hit. */
const settingsish = fc.record(
  {
    pg_allow_replication: fc.oneof(fc.boolean(), anything),
    acl: fc.array(
      fc.record(
        { id: text, topic: text, permission: maybeEnum(kafkaPermission), extra: anything },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    opensearch_acl: fc.array(
      fc.record({ index: text, permission: maybeEnum(opensearchPermission) }, { requiredKeys: [] }),
      { maxLength: 3 },
    ),
    mongo_user_settings: fc.record(
      { databases: fc.array(text, { maxLength: 3 }), role: maybeEnum(mongoRole), x: anything },
      { requiredKeys: [] },
    ),
    unknown_setting: anything,
  },
  { requiredKeys: [] },
);
const bodyish = fc.record(
  {
    name: fc.oneof(text, anything),
    readonly: fc.oneof(fc.boolean(), anything),
    mysql_settings: fc.oneof(
      fc.record({ auth_plugin: maybeEnum(authPlugin), other: anything }, { requiredKeys: [] }),
      anything,
    ),
    settings: fc.oneof(settingsish, anything),
    role: fc.constantFrom("primary", "normal", "owner"),
    password: text,
    access_cert: text,
    access_key: text,
    nmae: anything,
  },
  { requiredKeys: [] },
);
const input = fc.oneof(bodyish, userEngine.chain(validAddUser), hostile, anything);

describe.each(doCases)("lean = full, $label", ({ context }) => {
  describe.each([...digitalocean.fieldNames])("field %s", (field) => {
    test.prop([fc.oneof(text, hostile, anything)], { numRuns: runs(200) })("same violations", (value) => {
      expect(lean.validateField(field, value, context)).toEqual(
        digitalocean.validateField(field, value, context),
      );
    });
  });
  describe.each([...digitalocean.operationNames])("request %s", (operation) => {
    test.prop([input], { numRuns: runs(200) })("same violations", (body) => {
      expect(lean.validateRequest(operation, body, context)).toEqual(
        digitalocean.validateRequest(operation, body, context),
      );
    });
  });
});

describe("lean = full, edges", () => {
  test.prop([fc.oneof(anything, fc.record({ profile: anything, engine: anything }, { requiredKeys: [] }))])(
    "bad contexts",
    (context) => {
      const value = "pg_Admin";
      expect(lean.validateField("userName", value, context as never)).toEqual(
        digitalocean.validateField("userName", value, context as never),
      );
      expect(lean.validateRequest("addUser", { name: value }, context as never)).toEqual(
        digitalocean.validateRequest("addUser", { name: value }, context as never),
      );
    },
  );

  test.prop([anything])("unknown fields and operations", (name) => {
    expect(lean.validateField(name as never, "x")).toEqual(digitalocean.validateField(name as never, "x"));
    expect(lean.validateRequest(name as never, {})).toEqual(digitalocean.validateRequest(name as never, {}));
  });

  it("supportsUserManagement agrees", () => {
    for (const engine of [...ENGINES, "redis ", "PG", undefined, 1]) {
      expect(lean.supportsUserManagement(engine)).toBe(supportsUserManagement(engine));
    }
  });
});

describe("the lean tree", () => {
  it("holds only what the entries reach, and none of the stripped properties", () => {
    expect(written).toContain(LEAN_ENTRIES[0].replace(/\.ts$/, ".js"));
    expect(written.some((file) => /json-schema|describe|password|rackspace|atlas/.test(file))).toBe(false);
    for (const file of written) {
      const js = readFileSync(join(out, file), "utf8");
      for (const name of STRIPPED) expect(js, `${file}: ${name}`).not.toMatch(new RegExp(`\\b${name}:`));
    }
  });

  it("is deterministic", () => {
    const again = mkdtempSync(join(tmpdir(), "dbusers-lean-"));
    try {
      expect(emitLean(SRC, again)).toEqual(written);
      for (const file of written) {
        expect(readFileSync(join(again, file), "utf8")).toBe(readFileSync(join(out, file), "utf8"));
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
