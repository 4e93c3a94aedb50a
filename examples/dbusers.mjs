// The demo's dbusers part: one user created, listed, rotated and deleted through the facade on
// every vendor this build offers, each on the local emulator, and the capability table. It never
// prints a password (a `Secret` prints as [REDACTED]).
import { randomUUID } from "node:crypto";
import { startEmulator } from "@dbusers/emulator";
import { CAPABILITIES, capabilityTable, createDbUsers } from "dbusers";

export async function dbusersDemo(step) {
  const token = `demo-${randomUUID()}`;
  const cluster = randomUUID();
  const emulator = await startEmulator({
    digitalocean: { token, clusters: [{ id: cluster, engine: "pg" }] },
  });
  try {
    const dbusers = createDbUsers({ digitalocean: { token, baseUrl: emulator.url } });
    const targets = [dbusers.target({ vendor: "digitalocean", id: cluster, engine: "pg" })];
    for (const target of targets) {
      const { user, credentials } = await target.createUser({ name: "demo-user" });
      step(`dbusers: created ${user.name} on ${target.name} (password ${credentials.password})`);
      step(`dbusers: users of ${target.name}: ${(await target.listUsers()).map((u) => u.name).join(", ")}`);
      await target.rotatePassword("demo-user");
      step(`dbusers: rotated the password of demo-user`);
      await target.deleteUser("demo-user");
      step(`dbusers: deleted demo-user; left: ${(await target.listUsers()).map((u) => u.name).join(", ")}`);
    }
    step(`dbusers: what each vendor can do\n${capabilityTable(CAPABILITIES)}`);
  } finally {
    await emulator.close();
  }
}
