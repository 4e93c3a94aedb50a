// The Rackspace part of the demo: Rackspace Cloud Databases (OpenStack Trove) on the local emulator,
// managed through @dbusers/rackspace. It authenticates with an API key through the identity
// service's catalog, and never prints a password, an API key or a token.
import { randomBytes, randomUUID } from "node:crypto";
import { createRackspaceClient, ValidationError } from "@dbusers/rackspace";

/** Runs the Rackspace steps on an emulator started by `startEmulator`; `step` prints one line. */
export async function rackspaceDemo(startEmulator, step) {
  const apiKey = randomBytes(16).toString("hex");
  const instanceId = randomUUID();
  const emulator = await startEmulator({
    rackspace: {
      // Trove applies writes after its 202; `wait` below waits for them.
      writes: { delayMs: 150 },
      accounts: [
        { username: "demo", apiKey, tenantId: "827364", instances: [{ id: instanceId, region: "ORD" }] },
      ],
    },
  });
  try {
    const client = createRackspaceClient({
      auth: { username: "demo", apiKey },
      identityUrl: `${emulator.url}/v2.0`,
      region: "ORD",
    });
    step(`Rackspace: authenticated through the catalog; Cloud Databases endpoint ${await client.endpoint()}`);
    const wait = { intervalMs: 50 };

    await client.createDatabases(instanceId, ["orders"], { wait });
    await client.createUsers(
      instanceId,
      [
        { name: "app.reader", password: randomBytes(12).toString("hex") },
        { name: "app.writer", password: randomBytes(12).toString("hex"), host: "10.0.0.%" },
      ],
      { wait },
    );
    step("Rackspace: created app.reader (any host) and app.writer@10.0.0.%, waited until both were listed");

    await client.grantAccess(instanceId, "app.writer", "10.0.0.%", ["orders"]);
    const users = await client.listUsers(instanceId);
    const shown = users.map((u) => `${u.name}@${u.host} [${u.databases.map((d) => d.name).join(", ")}]`);
    step(`Rackspace: granted orders to app.writer; users now: ${shown.join(", ")}`);

    await client.changePasswords(instanceId, [
      { name: "app.reader", password: randomBytes(12).toString("hex") },
    ]);
    step("Rackspace: changed app.reader's password (not printed)");

    try {
      await client.createUsers(instanceId, [{ name: "a'quote", password: randomBytes(12).toString("hex") }]);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      step(`Rackspace: refused before sending: ${error.violations.map((v) => v.rule).join(", ")}`);
    }

    await client.deleteUser(instanceId, "app.reader", undefined, { wait });
    await client.deleteUser(instanceId, "app.writer", "10.0.0.%", { wait });
    step(`Rackspace: deleted both users; ${(await client.listUsers(instanceId)).length} left`);
  } finally {
    await emulator.close();
  }
}
