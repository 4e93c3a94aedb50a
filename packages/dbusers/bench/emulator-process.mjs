// The emulator for the cold-start bench, in its own process: one PostgreSQL cluster with a few users.
import { startEmulator } from "@dbusers/emulator";

const [token, cluster] = process.argv.slice(2);
const emulator = await startEmulator({
  rateLimit: false,
  digitalocean: {
    token,
    clusters: [{ id: cluster, engine: "pg", users: ["app-reader", "reporting", "etl"] }],
  },
});
process.send(emulator.url);
process.on("SIGTERM", () => emulator.close().then(() => process.exit(0)));
