/** No API key, password or token in any error, log line or `util.inspect` output. */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createRackspaceClient, type NewUser } from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const ctx = useEmulator();

/** Every way an error can be printed. */
function renderings(error: unknown): string {
  const e = error as Error;
  return [String(e), e.message, e.stack, inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e)].join(
    "\n",
  );
}

describe("secrets stay out of errors and inspect output", () => {
  it("the client itself inspects without the API key, password or token", async () => {
    const client = ctx.client();
    await client.listUsers(ctx.instanceId);
    const keystone = ctx.client("keystone-v3");
    await keystone.listUsers(ctx.instanceId);
    for (const shown of [
      inspect(client, { depth: 10, showHidden: true }),
      inspect(keystone, { depth: 10, showHidden: true }),
    ]) {
      expect(shown).not.toContain(ctx.apiKey);
      expect(shown).not.toContain(ctx.password);
    }
  });

  it("a password sent in a body never appears in the error, even when the server echoes it", async () => {
    const password = "Echoed_secret_42";
    // A hostile or buggy server answering with the password in its message.
    const echo: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== "POST" || !String(input).includes("/users")) return response;
      return new Response(
        JSON.stringify({ badRequest: { code: 400, message: `password ${password} refused` } }),
        {
          status: 400,
          headers: { "content-type": "application/json" },
        },
      );
    };
    const users: NewUser[] = [{ name: "echo", password }];
    const error = await failure(
      ctx.client("rackspace-v2", { fetch: echo }).createUsers(ctx.instanceId, users),
    );
    expect(error).toMatchObject({ status: 400 });
    expect(renderings(error)).not.toContain(password);
  });

  it("validation errors name the field and rule, never the password", async () => {
    const password = "bad'password'9";
    const error = await failure(ctx.client().createUsers(ctx.instanceId, [{ name: "ok", password }]));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(renderings(error)).not.toContain(password);
    expect(renderings(error)).toContain("rackspace.password.forbiddenChars");
  });

  it("identity failures and 401s carry neither the key nor the token", async () => {
    const key = "wrong-api-key-9f8e7d";
    const bad = await failure(
      createRackspaceClient({
        auth: { username: "dbadmin", apiKey: key },
        identityUrl: `${ctx.emulator.url}/v2.0`,
      }).listUsers(ctx.instanceId),
    );
    expect(renderings(bad)).not.toContain(key);
    const client = ctx.client();
    await client.listUsers(ctx.instanceId);
    ctx.emulator.faults.inject(
      { vendor: "rackspace", operationId: "listUsers", times: 2 },
      { type: "status", status: 500 },
    );
    const error = await failure(ctx.client("rackspace-v2", { retry: false }).listUsers(ctx.instanceId));
    expect(renderings(error)).not.toContain(ctx.apiKey);
  });

  it("the root password enableRoot returns is not in a later error", async () => {
    const client = ctx.client();
    const { password } = await client.enableRoot(ctx.instanceId);
    ctx.emulator.faults.inject(
      { vendor: "rackspace", operationId: "getRootStatus", times: 4 },
      { type: "status", status: 503 },
    );
    const error = await failure(client.isRootEnabled(ctx.instanceId));
    expect(renderings(error)).not.toContain(password);
    expect(renderings(error)).not.toContain(ctx.apiKey);
  });
});
