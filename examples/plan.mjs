// The demo's last part: the same users as a desired state. A dbusers.yaml over the emulator's
// clusters, then plan, apply and plan again (no changes). New passwords go to a 0600 file in a
// temporary folder; nothing here prints one.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@dbusers/emulator";
import { applyPlan, createConnections, createPlan, loadDesiredState, renderPlan } from "dbusers/plan";

export async function planDemo() {
  const token = `demo-${randomUUID()}`;
  const pg = randomUUID();
  const mysql = randomUUID();
  const emulator = await startEmulator({
    digitalocean: {
      token,
      clusters: [
        { id: pg, engine: "pg", users: ["old-job"] },
        { id: mysql, engine: "mysql" },
      ],
    },
  });
  const dir = mkdtempSync(join(tmpdir(), "dbusers-demo-"));
  const indent = (text) => text.trimEnd().replace(/^(?=.)/gm, "    ");
  try {
    const file = join(dir, "dbusers.yaml");
    writeFileSync(
      file,
      `targets:
  app-pg: { vendor: digitalocean, cluster: ${pg}, engine: pg, token: { env: DO_TOKEN }, baseUrl: "${emulator.url}" }
  app-mysql: { vendor: digitalocean, cluster: ${mysql}, engine: mysql, token: { env: DO_TOKEN }, baseUrl: "${emulator.url}" }
users:
  - { name: app-reader, targets: [app-pg, app-mysql] }
  - { name: replicator, targets: [app-pg], settings: { pg_allow_replication: true } }
  - { name: reporting, targets: [app-mysql], mysqlAuthPlugin: mysql_native_password }
`,
    );
    const env = { DO_TOKEN: token };
    const state = await loadDesiredState(file, { env, file: "dbusers.yaml" });
    const connections = createConnections(dir, { env });
    const plan = await createPlan(state, connections);
    console.log(`• dbusers.yaml over a PostgreSQL and a MySQL cluster: plan\n${indent(renderPlan(plan))}`);
    let secrets = 0;
    const result = await applyPlan(plan, connections, { onCredentials: async () => void secrets++ });
    console.log(
      `• apply: ${result.outcomes.filter((o) => o.status === "done").length} steps done, ${secrets} new credentials (kept out of the output)`,
    );
    const again = await createPlan(state, connections);
    console.log(`• plan again\n${indent(renderPlan(again))}`);
    await connections.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}
