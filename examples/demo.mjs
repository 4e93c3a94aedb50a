// The quick-start demo: a local DigitalOcean emulator, and the typed client managing users on it.
// Run it with `npx -y pnpm@10.34.9 demo` from the repository root. It never prints a password.
import { randomUUID } from "node:crypto";
import { createDigitalOceanClient } from "@dbusers/digitalocean";
import { startEmulator } from "@dbusers/emulator";
import { dbusersDemo } from "./dbusers.mjs";
import { rackspaceDemo } from "./rackspace.mjs";

const token = `demo-${randomUUID()}`;
const pg = randomUUID();
const mysql = randomUUID();
const emulator = await startEmulator({
  digitalocean: {
    token,
    clusters: [
      { id: pg, engine: "pg" },
      { id: mysql, engine: "mysql" },
    ],
  },
});
const step = (text) => console.log(`• ${text}`);
const describe = (u) =>
  `${u.name} (role ${u.role ?? "normal"}${u.password ? ", password set" : ""}${u.settings ? `, settings ${JSON.stringify(u.settings)}` : ""}${u.mysql_settings ? `, auth plugin ${u.mysql_settings.auth_plugin}` : ""})`;

try {
  step(`emulator listening on ${emulator.url} with a PostgreSQL and a MySQL cluster`);
  const client = createDigitalOceanClient({ token, baseUrl: emulator.url });

  const added = await client.addUser(pg, { name: "app-reader" }, { engine: "pg" });
  step(`added ${describe(added)} on PostgreSQL`);

  const mysqlUser = await client.addUser(
    mysql,
    { name: "reporting", mysql_settings: { auth_plugin: "mysql_native_password" } },
    { engine: "mysql" },
  );
  step(`added ${describe(mysqlUser)} on MySQL`);

  const users = await client.listUsers(pg);
  step(`PostgreSQL users: ${users.map((u) => u.name).join(", ")}`);

  const updated = await client.updateUser(pg, "app-reader", { settings: { pg_allow_replication: true } });
  step(`updated ${describe(updated)}`);

  const reset = await client.resetUserAuth(mysql, "reporting", {
    mysql_settings: { auth_plugin: "caching_sha2_password" },
  });
  step(`reset the password of ${describe(reset)}`);

  try {
    await client.addUser(pg, { name: "pg_reserved" }, { engine: "pg" });
  } catch (error) {
    step(`refused before sending: ${error.message}`);
  }

  await client.deleteUser(pg, "app-reader");
  await client.deleteUser(mysql, "reporting");
  step(
    `deleted app-reader and reporting; PostgreSQL users now: ${(await client.listUsers(pg)).map((u) => u.name).join(", ")}`,
  );
  step(`the emulator received ${emulator.state.digitalocean.requests.length} requests`);
} finally {
  await emulator.close();
}
await rackspaceDemo(startEmulator, step);
await dbusersDemo((text) => console.log(`• ${text}`));
await (await import("./plan.mjs")).planDemo();
await (await import("./atlas.mjs")).atlasDemo(step);
