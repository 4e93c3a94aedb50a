// The Atlas part of the demo: a local Atlas emulator and the typed client managing database users on
// it with a service account. Called from demo.mjs. It never prints a password, key or token.
import { randomBytes } from "node:crypto";
import { createAtlasClient } from "@dbusers/atlas";
import { startEmulator } from "@dbusers/emulator";

export async function atlasDemo(step) {
  const groupId = randomBytes(12).toString("hex");
  const account = {
    clientId: `mdb_sa_id_${randomBytes(12).toString("hex")}`,
    clientSecret: `mdb_sa_sk_${randomBytes(24).toString("hex")}`,
  };
  // Twelve users already there, so the list below takes three pages of five.
  const seeded = Array.from({ length: 12 }, (_, i) => `service${String(i + 1).padStart(2, "0")}`);
  const emulator = await startEmulator({
    atlas: { serviceAccounts: [account], groups: [{ id: groupId, users: seeded }] },
  });
  try {
    step(`Atlas emulator listening on ${emulator.url} with project ${groupId} (${seeded.length} users)`);
    const atlas = createAtlasClient({ auth: account, baseUrl: emulator.url });

    const scram = await atlas.createUser(groupId, {
      username: "appreporting",
      password: randomBytes(18).toString("hex"),
      roles: [{ roleName: "read", databaseName: "sales" }],
    });
    step(`created SCRAM user ${scram.username} on ${scram.databaseName}`);

    const arn = "arn:aws:iam::123456789012:role/etl/nightly";
    const iam = await atlas.createUser(groupId, {
      username: arn,
      awsIAMType: "ROLE",
      roles: [{ roleName: "readAnyDatabase", databaseName: "admin" }],
    });
    step(`created AWS IAM role user ${iam.username} on ${iam.databaseName}`);

    const all = await atlas.listUsers(groupId, { itemsPerPage: 5 });
    const pages = emulator.state.atlas.users(groupId).length;
    step(`listed ${all.length} users across ${Math.ceil(pages / 5)} pages of 5`);

    const patched = await atlas.updateUser(groupId, "admin", "appreporting", {
      description: "BI dashboards",
    });
    step(
      `patched ${patched.username}: description "${patched.description}", roles kept (${patched.roles.map((r) => `${r.roleName}@${r.databaseName}`).join(", ")})`,
    );

    await atlas.deleteUser(groupId, "$external", arn);
    step(`deleted ${arn}; ${(await atlas.listUsers(groupId)).length} users left`);
    await atlas.close();
    step(
      `the Atlas emulator received ${emulator.state.atlas.requests.length} requests; the service-account token was revoked`,
    );
  } finally {
    await emulator.close();
  }
}
