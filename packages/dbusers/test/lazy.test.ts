/** Importing `dbusers` loads no vendor client; using a DigitalOcean target loads that one only. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const run = promisify(execFile);

test("the module graph holds a vendor's client only once a target of that vendor is used", async () => {
  const probe = fileURLToPath(new URL("./fixtures/lazy-probe.mjs", import.meta.url));
  const dist = new URL("../dist/index.js", import.meta.url).href;
  const { stdout } = await run(process.execPath, [probe, dist, h.emulator.url, h.token, h.clusters.pg]);
  expect(JSON.parse(stdout)).toEqual({ afterImport: [], afterTarget: [], afterUse: ["digitalocean"] });
});
