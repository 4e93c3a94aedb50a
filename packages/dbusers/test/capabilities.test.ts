/**
 * The capability data says what the facade does: every "no" is a refusal before anything is sent
 * (no adapter is loaded for it, so no client options are even needed), every field a vendor lacks
 * is refused, and the matrix has one column per vendor this build offers.
 */
import { describe, expect, test } from "vitest";
import {
  AVAILABLE_VENDORS,
  CAPABILITIES,
  capabilityMatrix,
  createDbUsers,
  type DbUsersOptions,
  type Target,
  UnsupportedOperationError,
  type UserSpec,
} from "../src/index.js";

/** Options that would fail if a request were ever built: no vendor is reachable at this URL. */
const unreachable: DbUsersOptions = {
  digitalocean: { token: "never-sent-token-value", baseUrl: "http://127.0.0.1:9", retry: false },
  atlas: {
    auth: { publicKey: "never-sent", privateKey: "never-sent-private-key" },
    baseUrl: "http://127.0.0.1:9",
    retry: false,
  },
  rackspace: {
    auth: { username: "never-sent", apiKey: "never-sent-api-key" },
    identityUrl: "http://127.0.0.1:9/v2.0",
    retry: false,
  },
};
const IDS: Record<string, string> = {
  digitalocean: "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30",
  atlas: "32b6e34b3d91647abb20e7b8",
  rackspace: "dcc5c518-73c7-4471-83e1-15fae67a98eb",
};

const SAMPLE: Required<Omit<UserSpec, "name" | "authType" | "authDatabase">> &
  Pick<UserSpec, "authDatabase"> = {
  host: "10.0.0.%",
  authDatabase: "$external",
  roles: [{ role: "read", database: "sales" }],
  scopes: [{ name: "cluster0", type: "CLUSTER" }],
  labels: [{ key: "team", value: "data" }],
  description: "x",
  deleteAfterDate: "2030-01-01T00:00:00Z",
  databases: ["sales"],
  settings: { pg_allow_replication: true },
  mysqlAuthPlugin: "mysql_native_password",
};

async function refusal(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => expect.unreachable("should have been refused"),
    (error: unknown) => error,
  );
}

describe.each(CAPABILITIES.map((c) => [c.vendor, c] as const))("%s", (vendor, capabilities) => {
  const target = (): Target => createDbUsers(unreachable).target(`${vendor}:${IDS[vendor]}`);

  test("the target reports the capability record", () => {
    expect(target().capabilities).toBe(capabilities);
  });

  test.each(Object.keys(SAMPLE))("a field it lacks is refused: %s", async (field) => {
    if ((capabilities.fields as readonly string[]).includes(field)) return;
    const spec = { name: "someone", [field]: SAMPLE[field as keyof typeof SAMPLE] } as UserSpec;
    expect(await refusal(() => target().createUser(spec))).toMatchObject({
      code: "UNSUPPORTED",
      feature: field,
    });
  });

  test("passwords: a chosen one is refused exactly when the server chooses", async () => {
    if (capabilities.passwords !== "server") return;
    const error = await refusal(() =>
      target().createUser({ name: "someone" }, { password: "Chosen-Passw0rd" }),
    );
    expect(error).toBeInstanceOf(UnsupportedOperationError);
  });

  test("rename is refused exactly when the vendor cannot rename", async () => {
    if (capabilities.rename) return;
    expect(await refusal(() => target().updateUser("someone", { name: "other" }))).toMatchObject({
      feature: "rename",
    });
  });

  test("hosts, roles, databases and auth types are fields exactly when the capability says so", () => {
    const fields = capabilities.fields as readonly string[];
    expect(fields.includes("host")).toBe(capabilities.hosts);
    expect(fields.includes("roles")).toBe(capabilities.roles);
    expect(fields.includes("authType")).toBe(capabilities.authTypes);
    expect(fields.includes("settings")).toBe(capabilities.engineSettings);
  });
});

test("the matrix has a column per offered vendor and a row per capability", () => {
  const matrix = capabilityMatrix(CAPABILITIES);
  expect(matrix[0]).toHaveLength(AVAILABLE_VENDORS.length + 1);
  expect(matrix.map((row) => row[0])).toEqual([
    "capability",
    "who chooses passwords",
    "rename a user",
    "hosts (`name@host`)",
    "roles",
    "per-database access",
    "auth types and auth database",
    "engine settings",
    "asynchronous writes (202)",
  ]);
});
