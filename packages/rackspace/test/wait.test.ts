/** `wait` for 202 writes (docs/vendors/rackspace.md §1.1, §3): resolves on the applied change, rejects on newer Trove's silent failure. */
import { describe, expect, it } from "vitest";
import { RackspaceWaitError } from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const ctx = useEmulator({ writes: "manual", validation: "guest" });
const quick = { intervalMs: 5, timeoutMs: 60_000 };

/** Applies the pending writes once the client has polled (seen the change missing) at least once. */
async function applyAfterFirstPoll(operationId: string): Promise<void> {
  const polled = () => ctx.sent().some((r) => r.operationId === operationId);
  while (!polled()) await new Promise((resolve) => setImmediate(resolve));
  ctx.emulator.state.rackspace.applyWrites();
}

describe("wait", () => {
  it("without wait, createUsers resolves on the 202 before the user exists", async () => {
    await ctx.client().createUsers(ctx.instanceId, [{ name: "nowait", password: "Secret_pw_1" }]);
    expect(ctx.emulator.state.rackspace.instance(ctx.instanceId).users).toEqual([]);
    expect(ctx.emulator.state.rackspace.pendingWrites).toBe(1);
  });

  it("createUsers with wait resolves once every user is there", async () => {
    const call = ctx.client().createUsers(
      ctx.instanceId,
      [
        { name: "waited", password: "Secret_pw_1" },
        { name: "waited", password: "Secret_pw_1", host: "10.0.0.1" },
      ],
      { wait: quick },
    );
    await applyAfterFirstPoll("getUser");
    await call;
    expect(ctx.emulator.state.rackspace.instance(ctx.instanceId).users.map((u) => u.host)).toEqual([
      "%",
      "10.0.0.1",
    ]);
  });

  it("deleteUser, updateUser, createDatabases and deleteDatabase with wait resolve on the applied change", async () => {
    const client = ctx.client();
    const id = ctx.instanceId;
    const created = client.createUsers(id, [{ name: "old", password: "Secret_pw_1" }], { wait: quick });
    await applyAfterFirstPoll("getUser");
    await created;
    ctx.emulator.state.clearRequests();
    const renamed = client.updateUser(id, "old", undefined, { name: "new" }, { wait: quick });
    await applyAfterFirstPoll("getUser");
    await renamed;
    ctx.emulator.state.clearRequests();
    const deleted = client.deleteUser(id, "new", undefined, { wait: quick });
    await applyAfterFirstPoll("getUser");
    await deleted;
    expect(ctx.emulator.state.rackspace.instance(id).users).toEqual([]);
    const database = client.createDatabases(id, ["fresh"], { wait: quick });
    await applyAfterFirstPoll("listDatabases");
    await database;
    ctx.emulator.state.clearRequests();
    const dropped = client.deleteDatabase(id, "fresh", { wait: quick });
    await applyAfterFirstPoll("listDatabases");
    await dropped;
    expect(ctx.emulator.state.rackspace.instance(id).databases).toEqual(["orders", "sales"]);
  });

  it("rejects with RackspaceWaitError when Trove accepts a name its MySQL checks refuse and drops it", async () => {
    // 17 characters: the strict rules would refuse it before sending, so they are off here.
    const client = ctx.client("rackspace-v2", { validate: false });
    const call = failure(
      client.createUsers(ctx.instanceId, [{ name: "seventeen_chars_x", password: "Secret_pw_1" }], {
        wait: { intervalMs: 5, timeoutMs: 300 },
      }),
    );
    await applyAfterFirstPoll("getUser");
    const error = await call;
    expect(error).toBeInstanceOf(RackspaceWaitError);
    expect(error).toMatchObject({ code: "WAIT_TIMEOUT", target: "user seventeen_chars_x@%" });
    expect((error as Error).message).toContain("user seventeen_chars_x@% did not appear");
    expect(ctx.emulator.state.rackspace.instance(ctx.instanceId).users).toEqual([]);
  });

  it("the strict rules refuse that name before anything is sent", async () => {
    const error = await failure(
      ctx.client().createUsers(ctx.instanceId, [{ name: "seventeen_chars_x", password: "Secret_pw_1" }]),
    );
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(ctx.sent().filter((r) => r.path.startsWith("/v1.0/"))).toEqual([]);
  });
});
