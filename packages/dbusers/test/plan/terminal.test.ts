import { describe, expect, it } from "vitest";
import { USERS, useWorld } from "./support.js";

const world = useWorld();

describe("apply on a terminal", () => {
  it("asks before changing anything, and sends nothing when the answer is no", async () => {
    world.write("dbusers.yaml", world.file(USERS));
    const questions: string[] = [];
    const run = await world.cli(["apply", "-f", "dbusers.yaml", "--secrets-out", "s.json"], async (q) => {
      questions.push(q);
      return false;
    });
    expect(questions).toEqual(["Apply these changes?"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("apply cancelled; nothing was changed");
    expect(world.emulator.state.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("shows progress on stderr and each outcome on stdout once confirmed", async () => {
    world.write("dbusers.yaml", world.file(USERS));
    const run = await world.cli(["apply", "-f", "dbusers.yaml", "--secrets-out", "s.json"], async () => true);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("[4/4] ");
    expect(run.stdout).toContain("Apply: 4 done, 0 failed.");
  });

  it("prints no secret with --debug and --json, even when steps fail", async () => {
    world.write("dbusers.yaml", world.file(USERS));
    await world.cli(["apply", "-f", "dbusers.yaml", "--yes", "--secrets-out", "s.json"]);
    world.emulator.faults.inject({ operationId: "databases_reset_auth" }, { type: "status", status: 500 });
    const outputs: string[] = [];
    for (const extra of [["--debug"], ["--json"], ["--json", "--debug"]]) {
      const n = outputs.length;
      const run = await world.cli([
        "apply",
        "-f",
        "dbusers.yaml",
        "--yes",
        "--rotate",
        "app-reader",
        "--secrets-out",
        `r${n}.json`,
        ...extra,
      ]);
      expect(run.code).toBe(1);
      outputs.push(run.stdout, run.stderr);
      const plan = await world.cli(["plan", "-f", "dbusers.yaml", "--rotate", "app-reader", ...extra]);
      outputs.push(plan.stdout, plan.stderr);
    }
    const passwords = world.passwords();
    expect(passwords.length).toBeGreaterThanOrEqual(4);
    for (const text of outputs) for (const p of passwords) expect(text).not.toContain(p);
    for (const text of outputs) expect(text).not.toContain(world.token);
  });
});
