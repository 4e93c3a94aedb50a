// The demo's desired-state part: one dbusers.yaml over a DigitalOcean cluster, an Atlas project and
// a Rackspace instance, all on the local emulator; then plan, apply and plan again (no changes).
// New passwords go only to the apply's credentials callback (counted here, never printed).
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@dbusers/emulator";
import { applyPlan, createConnections, createPlan, loadDesiredState, renderPlan } from "dbusers/plan";

export async function planDemo() {
  const secret = () => randomBytes(16).toString("hex");
  const env = {
    DO_TOKEN: `demo-${randomUUID()}`,
    ATLAS_PUBLIC_KEY: "demo-public",
    ATLAS_PRIVATE_KEY: secret(),
    RS_USER: "demo",
    RS_KEY: secret(),
  };
  const cluster = randomUUID();
  const project = randomBytes(12).toString("hex");
  const instance = randomUUID();
  const emulator = await startEmulator({
    digitalocean: { token: env.DO_TOKEN, clusters: [{ id: cluster, engine: "pg", users: ["old-job"] }] },
    atlas: {
      apiKeys: [{ publicKey: env.ATLAS_PUBLIC_KEY, privateKey: env.ATLAS_PRIVATE_KEY }],
      groups: [{ id: project }],
    },
    rackspace: {
      accounts: [
        {
          username: env.RS_USER,
          apiKey: env.RS_KEY,
          tenantId: "123456",
          instances: [{ id: instance, region: "DFW", databases: ["warehouse"] }],
        },
      ],
    },
  });
  const dir = mkdtempSync(join(tmpdir(), "dbusers-demo-"));
  const indent = (text) => text.trimEnd().replace(/^(?=.)/gm, "    ");
  try {
    const file = join(dir, "dbusers.yaml");
    const url = emulator.url;
    writeFileSync(
      file,
      `targets:
  app-pg: { vendor: digitalocean, cluster: ${cluster}, engine: pg, token: { env: DO_TOKEN }, baseUrl: "${url}" }
  analytics: { vendor: atlas, project: ${project}, publicKey: { env: ATLAS_PUBLIC_KEY }, privateKey: { env: ATLAS_PRIVATE_KEY }, baseUrl: "${url}" }
  legacy: { vendor: rackspace, instance: ${instance}, region: DFW, username: { env: RS_USER }, apiKey: { env: RS_KEY }, baseUrl: "${url}" }
users:
  - { name: app-reader, targets: [app-pg] }
  - { name: replicator, targets: [app-pg], settings: { pg_allow_replication: true } }
  - { name: analyst, targets: [analytics], roles: [{ role: read, database: sales }] }
  - { name: etl, targets: [legacy], host: "10.0.0.%", databases: [warehouse] }
`,
    );
    const state = await loadDesiredState(file, { env, file: "dbusers.yaml" });
    const connections = createConnections(dir, { env });
    const plan = await createPlan(state, connections);
    console.log(`• dbusers.yaml over DigitalOcean, Atlas and Rackspace: plan\n${indent(renderPlan(plan))}`);
    let secrets = 0;
    const result = await applyPlan(plan, connections, { onCredentials: async () => void secrets++ });
    console.log(
      `• apply: ${result.outcomes.filter((o) => o.status === "done").length} steps done, ${secrets} new credentials (kept out of the output)`,
    );
    const again = await createPlan(state, connections);
    console.log(`• plan again\n${indent(renderPlan(again))}`);
    await connections.close();
    if (!result.ok || again.summary.create + again.summary.update + again.summary.delete > 0) {
      throw new Error("the desired-state demo did not converge");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}
