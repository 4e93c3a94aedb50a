/**
 * Writes to one cluster go one at a time, as the Terraform provider does with its per-cluster
 * mutex (parallel user creates on one cluster got 500s); reads and other clusters are not held up.
 */
import { describe, expect, test } from "vitest";
import { AbortedError } from "../src/index.js";
import { until, useEmulator } from "./support/emulator.js";

const h = useEmulator();
const HOLD_MS = 200;

describe("writes to one cluster", () => {
  test("a write waits until the one ahead has its answer", async () => {
    const client = h.client();
    // The first add is held back by the emulator; the second may only arrive after its answer.
    h.emulator.faults.inject(
      { operationId: "databases_add_user", times: 1 },
      { type: "latency", ms: HOLD_MS },
    );
    const names = [h.uniqueName(), h.uniqueName(), h.uniqueName()];
    await Promise.all(
      names.map((name) => client.addUser(h.clusters.mongodb, { name }, { engine: "mongodb" })),
    );

    const [first, second, third] = h.sent();
    expect([first?.body, second?.body, third?.body]).toEqual(names.map((name) => ({ name })));
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(HOLD_MS - 5);
    expect(third!.receivedAt).toBeGreaterThanOrEqual(second!.receivedAt);
  });

  test("a failed write does not block the next one", async () => {
    const client = h.client();
    h.emulator.faults.inject(
      { operationId: "databases_add_user", times: 1 },
      { type: "status", status: 500 },
    );
    const results = await Promise.allSettled([
      client.addUser(h.clusters.pg, { name: h.uniqueName() }),
      client.addUser(h.clusters.pg, { name: h.uniqueName() }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
  });

  test("a write aborted while it waits ends at once and is never sent", async () => {
    const client = h.client();
    h.emulator.faults.inject(
      { operationId: "databases_add_user", times: 1 },
      { type: "latency", ms: 10_000 },
    );
    const holder = new AbortController();
    const waiter = new AbortController();
    const held = client.addUser(h.clusters.pg, { name: h.uniqueName() }, { signal: holder.signal });
    const waiting = client.addUser(h.clusters.pg, { name: h.uniqueName() }, { signal: waiter.signal });
    await until(() => h.sent().length === 1);

    waiter.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    expect(h.sent()).toHaveLength(1);
    holder.abort();
    await expect(held).rejects.toBeInstanceOf(AbortedError);
  });
});

test("reads and writes to other clusters do not wait for a held write", async () => {
  const client = h.client();
  h.emulator.faults.inject({ operationId: "databases_add_user", times: 1 }, { type: "latency", ms: 10_000 });
  const holder = new AbortController();
  const held = client.addUser(h.clusters.pg, { name: h.uniqueName() }, { signal: holder.signal });
  await until(() => h.sent().length === 1);

  await expect(client.listUsers(h.clusters.pg)).resolves.toEqual(expect.any(Array));
  await expect(client.addUser(h.clusters.mysql, { name: h.uniqueName() })).resolves.toMatchObject({
    role: "normal",
  });
  holder.abort();
  await expect(held).rejects.toBeInstanceOf(AbortedError);
});
