import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { asObject, isObject } from "../../src/lib/json.js";
import { specFile } from "../../src/lib/repo.js";
import { readYaml } from "../helpers.js";

// Trove's own api-ref samples (copied beside this test) must be valid under our hand-written spec:
// they are the closest thing to an upstream description of this API.
const samples = fileURLToPath(new URL("./fixtures/trove-samples/", import.meta.url));
const spec = readYaml(specFile("rackspace"));
const ID = "urn:dbusers:rackspace";
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(spec, ID);

const escapeToken = (token: string) => token.replaceAll("~", "~0").replaceAll("/", "~1");

/** JSON pointer of an operation, found by operationId. */
function operationPointer(operationId: string): string {
  for (const [path, item] of Object.entries(asObject(spec.paths))) {
    for (const [method, operation] of Object.entries(asObject(item))) {
      if (isObject(operation) && operation.operationId === operationId) {
        return `#/paths/${escapeToken(path)}/${method}`;
      }
    }
  }
  throw new Error(`no operation ${operationId}`);
}

const json = "content/application~1json/schema";
const request = (operationId: string) => `${operationPointer(operationId)}/requestBody/${json}`;
const response = (operationId: string, status: string) =>
  `${operationPointer(operationId)}/responses/${status}/${json}`;

function validate(pointer: string, value: unknown): string[] {
  const check = ajv.compile({ $ref: `${ID}${pointer}` });
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const read = (file: string): unknown => JSON.parse(readFileSync(join(samples, file), "utf8"));

const SAMPLES: Record<string, string> = {
  "user-create-request.json": request("createUsers"),
  "users-put-request.json": request("changePasswords"),
  "user-put-request.json": request("updateUser"),
  "user-grant-databases-access-request.json": request("grantUserAccess"),
  "user-root-enable-request.json": request("enableRoot"),
  "databases-create-request.json": request("createDatabases"),
  "user-list-response.json": response("listUsers", "200"),
  "user-show-response.json": response("getUser", "200"),
  "user-enable-root-response.json": response("enableRoot", "200"),
  "user-check-root-response.json": response("getRootStatus", "200"),
  "databases-list-response.json": response("listDatabases", "200"),
};

describe("Trove's api-ref samples validate against specs/rackspace/openapi.yaml", () => {
  it("every copied sample is covered", () => {
    const files = readdirSync(samples).filter((file) => file.endsWith(".json"));
    expect(files.sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(SAMPLES))("%s", (file, pointer) => {
    expect(validate(pointer, read(file))).toEqual([]);
  });
});

describe("the schemas refuse what Trove's JSON schema refuses", () => {
  it("a user without a password", () => {
    expect(validate(request("createUsers"), { users: [{ name: "app" }] })).not.toEqual([]);
  });

  it("a host with a dash or a slash, a name without a letter or digit, a 256-character password", () => {
    const user = { name: "app", password: "pw-1" };
    for (const bad of [
      { host: "my-host" },
      { host: "10.0.0.0/8" },
      { name: "@#!" },
      { password: "a".repeat(256) },
    ]) {
      expect(
        validate(request("createUsers"), { users: [{ ...user, ...bad }] }),
        JSON.stringify(bad),
      ).not.toEqual([]);
    }
  });

  it("an empty attribute object when modifying a user, and a database listed twice in a grant", () => {
    expect(validate(request("updateUser"), { user: {} })).not.toEqual([]);
    expect(validate(request("grantUserAccess"), { databases: [{ name: "a1" }, { name: "a1" }] })).not.toEqual(
      [],
    );
  });

  it("fault bodies: one key named after the fault, holding code and message", () => {
    const notFound = { itemNotFound: { code: 404, message: "User app cannot be found on the instance." } };
    expect(validate(`#/components/responses/itemNotFound/${json}`, notFound)).toEqual([]);
    expect(validate("#/components/schemas/Fault", notFound)).toEqual([]);
    expect(
      validate("#/components/schemas/Fault", { a: { code: 1, message: "" }, b: { code: 1, message: "" } }),
    ).not.toEqual([]);
    expect(
      validate("#/components/schemas/ItemNotFoundFault", { badRequest: { code: 400, message: "x" } }),
    ).not.toEqual([]);
  });
});
