/** Importing `dbusers` loads no vendor client; using a target loads that vendor's client only. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();
const run = promisify(execFile);

test.each(["digitalocean", "atlas", "rackspace"] as const)(
  "the module graph holds the %s client only once one of its targets is used, and no other vendor's",
  async (vendor) => {
    const url = h.emulator.url;
    // Every vendor has options, so only use decides what loads.
    const options = {
      digitalocean: { token: h.token, baseUrl: url },
      atlas: { auth: { publicKey: h.atlas.publicKey, privateKey: h.atlas.privateKey }, baseUrl: url },
      rackspace: {
        auth: { username: h.rackspace.username, apiKey: h.rackspace.apiKey },
        identityUrl: `${url}/v2.0`,
        region: h.rackspace.region,
      },
    };
    const refs = {
      digitalocean: `digitalocean:${h.clusters.pg}`,
      atlas: `atlas:${h.atlas.group}`,
      rackspace: `rackspace:${h.rackspace.instance}`,
    };
    const probe = fileURLToPath(new URL("./fixtures/lazy-probe.mjs", import.meta.url));
    const dist = new URL("../dist/index.js", import.meta.url).href;
    const { stdout } = await run(process.execPath, [probe, dist, JSON.stringify(options), refs[vendor]]);
    expect(JSON.parse(stdout)).toEqual({ afterImport: [], afterTarget: [], afterUse: [vendor] });
  },
);
