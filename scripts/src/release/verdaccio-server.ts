/*
 * Child-process entry of the rehearsal's registry: `tsx verdaccio-server.ts <config.json>`.
 * It runs in its own process so the parent may block on npm and pnpm without starving the server.
 * The config is Verdaccio's, as JSON; the port is chosen by the OS on 127.0.0.1 and printed as the
 * first line of stdout (`listening <url>`), so parallel runs never collide on a fixed port.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { runServer } from "verdaccio";

const configFile = process.argv[2];
if (!configFile) throw new Error("usage: verdaccio-server.ts <config.json>");
const config = JSON.parse(readFileSync(configFile, "utf8"));
const server = await runServer(config);
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}/\n`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
