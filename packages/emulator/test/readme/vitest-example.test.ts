import { randomUUID } from "node:crypto";
import { type Emulator, startEmulator } from "@dbusers/emulator";
import { afterEach, beforeEach, expect, it } from "vitest";

const cluster = randomUUID();
let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({
    digitalocean: { token: "test-token", clusters: [{ id: cluster, engine: "pg" }] },
  });
});
afterEach(() => emulator.close());

it("creates a user", async () => {
  const res = await fetch(`${emulator.url}/v2/databases/${cluster}/users`, {
    method: "POST",
    headers: { authorization: "Bearer test-token", "content-type": "application/json" },
    body: JSON.stringify({ name: "app-01" }),
  });
  expect(res.status).toBe(201);
  expect(emulator.state.digitalocean.getUser(cluster, "app-01")?.role).toBe("normal");
});

it("sends nothing when the name is invalid", async () => {
  // …call your code with a bad name…
  expect(emulator.state.requests).toEqual([]);
});
