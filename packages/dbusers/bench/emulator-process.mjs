// The emulator for the cold-start bench, in its own process, with a few users on each vendor: a
// DigitalOcean PostgreSQL cluster, an Atlas project and a Rackspace instance.
import { startEmulator } from "@dbusers/emulator";

const [world] = process.argv.slice(2);
const w = JSON.parse(world);
const emulator = await startEmulator({
  rateLimit: false,
  digitalocean: {
    token: w.token,
    clusters: [{ id: w.cluster, engine: "pg", users: ["app-reader", "reporting", "etl"] }],
  },
  atlas: {
    apiKeys: [{ publicKey: w.publicKey, privateKey: w.privateKey }],
    groups: [{ id: w.group, users: ["app-reader", "reporting", "etl"] }],
  },
  rackspace: {
    accounts: [
      {
        username: w.rsUser,
        apiKey: w.rsKey,
        tenantId: "100100",
        instances: [
          {
            id: w.instance,
            region: "DFW",
            databases: ["sales"],
            users: ["app-reader", "reporting", "etl"].map((name) => ({
              name,
              password: `${name}-Passw0rd`,
              databases: ["sales"],
            })),
          },
        ],
      },
    ],
  },
});
process.send(emulator.url);
process.on("SIGTERM", () => emulator.close().then(() => process.exit(0)));
