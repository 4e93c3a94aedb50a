import { startEmulator } from "@dbusers/emulator";

const e = await startEmulator({
  port: 4599,
  rateLimit: false,
  digitalocean: {
    token: "dop_v1_" + "a".repeat(64),
    clusters: [{ id: "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30", engine: "pg", users: ["a", "b"] }],
  },
  atlas: {
    apiKeys: [{ publicKey: "abcdefgh", privateKey: "11111111-2222-3333-4444-555555555555" }],
    groups: [{ id: "32b6e34b3d91647abb20e7b8", users: ["a"] }],
  },
  rackspace: {
    accounts: [
      {
        username: "bench",
        apiKey: "k".repeat(32),
        tenantId: "100100",
        instances: [
          { id: "dcc5c518-73c7-4471-83e1-15fae67a98eb", users: [{ name: "a", password: "Passw0rd_1" }] },
        ],
      },
    ],
  },
});
console.log(e.url);
