/**
 * The token, passwords and Kafka keys never show in an error (message, stack, JSON, util.inspect,
 * cause chain) or in the client object, whatever goes wrong.
 */
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { DbUsersError } from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const h = useEmulator();

/** Every way an error can be printed or logged. */
function renderings(value: unknown): string[] {
  const out = [
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? "",
    String(value),
  ];
  if (value instanceof Error) out.push(value.message, value.stack ?? "", inspect(value.cause, { depth: 10 }));
  return out;
}

function expectAbsent(value: unknown, ...secrets: string[]): void {
  for (const text of renderings(value)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe("the token", () => {
  test("is absent from the client object", () => {
    const client = h.client();
    expectAbsent(client, h.token);
    expect(Object.keys(client)).not.toContain("token");
  });

  test("is absent from every kind of error", async () => {
    const client = h.client({ retry: false });
    // Only the latency case needs a short deadline; on a loaded machine 100 ms can pass on any call.
    const impatient = h.client({ retry: false, timeoutMs: 100 });
    const { faults } = h.emulator;
    const errors: unknown[] = [];
    const collect = async (promise: Promise<unknown>) => errors.push(await failure(promise));

    await collect(client.getUser(h.clusters.pg, "nobody")); // 404
    await collect(client.addUser(h.clusters.pg, { name: "doadmin" })); // ValidationError
    await collect(client.getUser(h.clusters.pg, "..")); // InvalidPathParameterError
    await collect(h.client({ validate: false }).addUser(h.clusters.pg, { name: "pg_x" })); // 422
    faults.inject({ operationId: "databases_list_users", times: 1 }, { type: "status", status: 429 });
    await collect(client.listUsers(h.clusters.pg)); // 429
    faults.inject({ operationId: "databases_list_users", times: 1 }, { type: "status", status: 500 });
    await collect(client.listUsers(h.clusters.pg)); // 500
    faults.inject({ operationId: "databases_list_users", times: 1 }, { type: "drop" });
    await collect(client.listUsers(h.clusters.pg)); // NetworkError
    faults.inject({ operationId: "databases_list_users", times: 1 }, { type: "malformed-json" });
    await collect(client.listUsers(h.clusters.pg)); // ResponseParseError
    faults.inject({ operationId: "databases_list_users", times: 1 }, { type: "latency", ms: 5_000 });
    await collect(impatient.listUsers(h.clusters.pg)); // TimeoutError
    await collect(
      client.listUsers(h.clusters.pg, { signal: AbortSignal.abort(new Error(`token ${h.token}`)) }),
    );

    expect(errors.map((e) => (e as DbUsersError).name)).toEqual([
      "DigitalOceanApiError",
      "ValidationError",
      "InvalidPathParameterError",
      "DigitalOceanApiError",
      "DigitalOceanApiError",
      "DigitalOceanApiError",
      "NetworkError",
      "ResponseParseError",
      "TimeoutError",
      "AbortedError",
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(DbUsersError);
      expectAbsent(error, h.token);
    }
  });

  test("is scrubbed even when passed by mistake where a name belongs", async () => {
    const error = await failure(h.client().getUser(h.clusters.pg, h.token));
    expect(error).toMatchObject({ status: 404 });
    expectAbsent(error, h.token);
    expect((error as Error).message).toContain("[REDACTED]");
  });

  test("a wrong token does not show either", async () => {
    const wrong = "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";
    const error = await failure(h.client({ token: wrong }).listUsers(h.clusters.pg));
    expect(error).toMatchObject({ status: 401 });
    expectAbsent(error, wrong);
  });
});

describe("passwords and Kafka keys", () => {
  test("a password sent in an add request is refused without being echoed", async () => {
    const password = "hunter2-correct-horse";
    const body = { name: "app", password } as never;
    const error = await failure(h.client().addUser(h.clusters.pg, body));
    expect(error).toMatchObject({ violations: [{ rule: "digitalocean.addUser.readOnly" }] });
    expectAbsent(error, password);
  });

  test("a PEM key sent in an add request is refused without being echoed", async () => {
    const key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    const error = await failure(
      h.client().addUser(h.clusters.kafka, { name: "app", access_key: key } as never),
    );
    expectAbsent(error, key, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
  });

  test("a cut-off answer holding a new password is reported without it", async () => {
    const name = h.uniqueName();
    h.emulator.state.digitalocean.addUser(h.clusters.pg, { name, password: "old-password-1" });
    h.emulator.faults.inject(
      { operationId: "databases_reset_auth", when: "after", times: 1 },
      { type: "malformed-json" },
    );
    const error = await failure(h.client().resetUserAuth(h.clusters.pg, name));
    const password = h.emulator.state.digitalocean.getUser(h.clusters.pg, name)?.password ?? "";
    expect(password).toHaveLength(24);
    expect(error).toMatchObject({ name: "ResponseParseError" });
    expectAbsent(error, password, password.slice(0, 8));
  });

  test("a cut-off answer holding a Kafka certificate and key is reported without them", async () => {
    const name = h.uniqueName();
    h.emulator.faults.inject(
      { operationId: "databases_add_user", when: "after", times: 1 },
      { type: "malformed-json" },
    );
    const error = await failure(h.client().addUser(h.clusters.kafka, { name }, { engine: "kafka" }));
    const user = h.emulator.state.digitalocean.getUser(h.clusters.kafka, name);
    expect(user?.access_key).toMatch(/PRIVATE KEY/);
    const keyLine = user?.access_key?.split("\n")[1] ?? "";
    const certLine = user?.access_cert?.split("\n")[1] ?? "";
    expect(keyLine.length).toBeGreaterThan(20);
    expectAbsent(error, user?.password ?? "", keyLine, certLine);
  });
});
