// The demo's dbusers part: the same user created, listed, rotated and deleted through one API on
// DigitalOcean, MongoDB Atlas and Rackspace, all three on one local emulator, then the capability
// table. It never prints a password (a `Secret` prints as [REDACTED]).
import { randomBytes, randomUUID } from "node:crypto";
import { startEmulator } from "@dbusers/emulator";
import { CAPABILITIES, capabilityTable, createDbUsers } from "dbusers";

export async function dbusersDemo(step) {
  const token = `demo-${randomUUID()}`;
  const cluster = randomUUID();
  const group = randomBytes(12).toString("hex");
  const instance = randomUUID();
  const atlasKey = { publicKey: randomBytes(4).toString("hex"), privateKey: randomUUID() };
  const rackspaceKey = { username: "demo", apiKey: randomBytes(16).toString("hex") };
  const emulator = await startEmulator({
    digitalocean: { token, clusters: [{ id: cluster, engine: "pg" }] },
    atlas: { apiKeys: [atlasKey], groups: [{ id: group }] },
    rackspace: {
      accounts: [{ ...rackspaceKey, tenantId: "100100", instances: [{ id: instance, databases: ["app"] }] }],
    },
  });
  const dbusers = createDbUsers({
    digitalocean: { token, baseUrl: emulator.url },
    atlas: { auth: atlasKey, baseUrl: emulator.url },
    rackspace: { auth: rackspaceKey, identityUrl: `${emulator.url}/v2.0` },
  });
  try {
    // One user, in each vendor's words: engine settings, a role, a database grant.
    const users = [
      [{ vendor: "digitalocean", id: cluster, engine: "pg" }, { settings: { pg_allow_replication: false } }],
      [{ vendor: "atlas", id: group }, { roles: [{ role: "readWrite", database: "app" }] }],
      [{ vendor: "rackspace", id: instance }, { databases: ["app"] }],
    ];
    for (const [ref, access] of users) {
      const target = dbusers.target(ref);
      const { user, credentials } = await target.createUser({ name: "demo-user", ...access });
      step(`dbusers: created ${user.name} on ${target.name} (password ${credentials.password})`);
      step(`dbusers: users of ${target.name}: ${(await target.listUsers()).map((u) => u.name).join(", ")}`);
      const rotated = await target.rotatePassword("demo-user");
      step(`dbusers: rotated the password of demo-user (new password ${rotated.credentials.password})`);
      await target.deleteUser("demo-user");
      const left = (await target.listUsers()).map((u) => u.name);
      step(`dbusers: deleted demo-user; left: ${left.length === 0 ? "(none)" : left.join(", ")}`);
    }
    step(`dbusers: what each vendor can do\n${capabilityTable(CAPABILITIES)}`);
  } finally {
    await dbusers.close();
    await emulator.close();
  }
}
